/// How text that comes from input files (model names, metadata, error messages, file names,
/// notes) is made safe for one output format before it enters the view model.
///
/// Escaping happens in one of two places, never both, depending on the format:
/// - Markdown has no escaping in the template engine (Markdown templates render in Mustache's
///   TEXT mode), so the builder escapes each input-derived fragment *before* it is composed into
///   sentences and cells: a `|` must not split a table cell, a newline must not end a row.
///   Trusted text (the strings catalogue, formatted numbers) is left as written.
/// - HTML is escaped by the template engine: every `{{value}}` in an HTML template is
///   HTML-escaped by Mustache, and `TemplateRenderer` refuses unescaped tags there. The builder
///   therefore hands over raw text; escaping it here as well would show `&amp;lt;` to the reader.
///
/// A struct of closures rather than a protocol: formats differ only in these two functions.
public struct TextEscaping: Sendable {
  /// Names the escaping: view models built with the same one are the same.
  public var name: String
  /// For inline text and table cells.
  public var inline: @Sendable (String) -> String
  /// For the verbatim body of a code block (the reconstructed command line).
  public var codeBlock: @Sendable (String) -> String

  public init(
    name: String, inline: @escaping @Sendable (String) -> String, codeBlock: @escaping @Sendable (String) -> String
  ) {
    self.name = name
    self.inline = inline
    self.codeBlock = codeBlock
  }

  /// Markdown outputs (`report.md`, `pr-comment.md`): escaped here, rendered in TEXT mode.
  public static let markdown = TextEscaping(name: "markdown", inline: MarkdownEscaping.inline, codeBlock: MarkdownEscaping.codeBlock)

  /// HTML outputs (`report.html`): raw text here, HTML-escaped by Mustache when rendered.
  public static let html = TextEscaping(name: "html", inline: { $0 }, codeBlock: { $0 })

  /// Pass/fail marks for this format: colour emoji for Markdown (GitHub draws them), plain text
  /// symbols for HTML, whose readers may have no colour-emoji font (✅ would be an empty box on
  /// screen and in a PDF). Applied to trusted catalogue text and marks only, never to input.
  public func marks(_ text: String) -> String {
    guard name == "html" else { return text }
    return text.replacingOccurrences(of: "✅", with: "✓").replacingOccurrences(of: "❌", with: "✗")
      .replacingOccurrences(of: "⚠️", with: "⚠").replacingOccurrences(of: "⚪", with: "○")
  }

  /// Raw text for outputs that escape at the point of writing (JSON, the terminal).
  public static let none = TextEscaping(name: "none", inline: { $0 }, codeBlock: { $0 })
}
