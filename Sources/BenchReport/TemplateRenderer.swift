import Foundation
import Mustache

/// Renders a report template (Mustache) with the view model.
///
/// Escaping follows the output format, not the template: `.text` (Markdown) renders every
/// template and partial in Mustache's TEXT mode, `.html` in HTML mode, whatever pragma the file
/// has. (swift-mustache renders a partial in HTML mode unless the partial itself says
/// otherwise, so a Markdown partial would otherwise escape text twice.) In HTML mode the
/// renderer also refuses tags that switch escaping off, so text from input files is escaped by
/// construction.
///
/// Partials (`{{> name}}`) come from `partials/NAME.mustache` beside the template, then from
/// the fallback folders (the default templates' `partials/`), so a copied template set works as
/// a unit and a lone user template can still use the shared partials. A partial that exists in
/// none of them is an error naming the file and line that asks for it.
public struct TemplateRenderer {
  /// How `{{value}}` is escaped.
  public enum Mode: Sendable {
    /// No escaping (Markdown); the view model is escaped for Markdown already.
    case text
    /// HTML escaping of every `{{value}}`; `{{{…}}}` only for `htmlUnescapedNames`.
    case html
  }

  /// Names an HTML template may write unescaped: markup benchreport produced itself (the chart
  /// SVG, serialized by libxml2), never text from input files.
  public static let htmlUnescapedNames: Set<String> = ["svgMarkup"]

  public var mode: Mode
  /// `partials/` folders searched after the one beside the template.
  public var fallbackPartialFolders: [String]

  public init(mode: Mode = .text, fallbackPartialFolders: [String] = []) {
    self.mode = mode
    self.fallbackPartialFolders = fallbackPartialFolders
  }

  public func render(templateAt path: String, context: Any) throws(ReportError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw .missingTemplate(path: path) }
    let text = String(decoding: data, as: UTF8.self)
    let template = try parse(text, path: path)
    let folders = [Self.partialsFolder(besideTemplate: path)] + fallbackPartialFolders
    let library = try partials(usedBy: text, path: path, folders: folders)
    // Boxed once: field look-ups through a dictionary instead of a Mirror per tag.
    return template.render(MustacheBox.box(context), library: library)
  }

  /// The `partials/` folder next to a template.
  public static func partialsFolder(besideTemplate path: String) -> String {
    ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("partials")
  }

  // MARK: Parsing

  /// The pragma put before every template and partial so the mode cannot be forgotten.
  var modePragma: String {
    switch mode {
    case .text: "{{% CONTENT_TYPE: TEXT}}\n"
    case .html: "{{% CONTENT_TYPE: \(HTMLContentType.name)}}\n"
    }
  }

  func parse(_ text: String, path: String) throws(ReportError) -> MustacheTemplate {
    if mode == .html {
      HTMLContentType.registered
      try checkHTMLSafety(text, path: path)
    }
    do {
      return try MustacheTemplate(string: modePragma + text)
    } catch let error as MustacheTemplate.ParserError {
      // Positions are in the text with the pragma line in front.
      let errorLine = error.context.lineNumber - 1
      let errorColumn = error.context.columnNumber
      let tag = Self.tagPosition(of: error.error, line: errorLine, column: errorColumn, in: text)
      let line = tag?.line ?? max(1, errorLine)
      let column = tag?.column ?? errorColumn
      let lineText = tag?.text ?? error.context.line
      throw .invalidTemplate(
        path: path, line: line, column: column,
        message: "\(Self.explain(error.error)) near “\(lineText.trimmingCharacters(in: .whitespaces))”")
    } catch {
      throw .invalidTemplate(path: path, line: 1, column: 1, message: "\(error)")
    }
  }

  /// In HTML mode: no `{{{x}}}` / `{{& x}}` except for `htmlUnescapedNames`, and no pragma that
  /// switches to TEXT.
  func checkHTMLSafety(_ text: String, path: String) throws(ReportError) {
    for tag in MustacheTag.scan(text) ?? [] {
      switch tag.kind {
      case .unescaped where !Self.htmlUnescapedNames.contains(tag.name):
        throw .invalidTemplate(
          path: path, line: tag.line, column: tag.column,
          message: "{{{\(tag.name)}}} would write \(tag.name) without HTML escaping; write {{\(tag.name)}} "
            + "(in an HTML template only {{{\(Self.htmlUnescapedNames.sorted().joined(separator: "}}}, {{{"))}}} may be unescaped)"
        )
      case .pragma where tag.name.uppercased().contains("TEXT"):
        throw .invalidTemplate(
          path: path, line: tag.line, column: tag.column,
          message:
            "“{{\(tag.name)}}” would switch off HTML escaping; HTML templates are always escaped, remove the pragma")
      default:
        break
      }
    }
  }

  // MARK: Partials

  /// The partials `text` uses, directly or through other partials, each parsed in this mode.
  func partials(usedBy text: String, path: String, folders: [String]) throws(ReportError) -> MustacheLibrary {
    var library = MustacheLibrary()
    var registered: Set<String> = []
    var pending: [(text: String, path: String)] = [(text, path)]
    while let (text, path) = pending.popLast() {
      for tag in MustacheTag.scan(text) ?? [] where tag.kind == .partial || tag.kind == .parent {
        let name = tag.name
        guard !name.hasPrefix("*"), !registered.contains(name) else { continue }
        let candidates = folders.map { ($0 as NSString).appendingPathComponent(name + ".mustache") }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
          let data = FileManager.default.contents(atPath: found)
        else {
          throw .missingPartial(path: path, line: tag.line, column: tag.column, name: name, searched: candidates)
        }
        let partialText = String(decoding: data, as: UTF8.self)
        library.register(try parse(partialText, path: found), named: name)
        registered.insert(name)
        pending.append((partialText, found))
      }
    }
    return library
  }

  // MARK: Error positions

  /// Where the broken tag starts (1-based line and column, and the line's text), given the
  /// 1-based position where mustache gave up. Mustache reports the end of the file for a
  /// section that is never closed, the next line for a tag without `}}`. With the default
  /// delimiters, point at the innermost section still open at the end, or at the last `{{`
  /// before mustache's position; nil when that cannot be told.
  static func tagPosition(of error: Error, line errorLineNumber: Int, column errorColumnNumber: Int, in text: String)
    -> (line: Int, column: Int, text: String)?
  {
    guard !text.contains("{{=") else { return nil }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Array.init)
    var tags: [(line: Int, column: Int, opens: Bool?)] = []
    for (lineIndex, line) in lines.enumerated() {
      for index in line.indices.dropLast()
      where line[index] == "{" && line[index + 1] == "{" && (index == 0 || line[index - 1] != "{") {
        let opens: Bool?
        switch line[(index + 2)...].first(where: { !$0.isWhitespace && $0 != "{" }) {
        case "#", "^", "$", "<": opens = true
        case "/": opens = false
        default: opens = nil
        }
        tags.append((lineIndex, index, opens))
      }
    }
    let found: (line: Int, column: Int)?
    if case .expectedSectionEnd = error as? MustacheTemplate.Error {
      var open: [(line: Int, column: Int)] = []
      for tag in tags {
        if tag.opens == true { open.append((tag.line, tag.column)) }
        if tag.opens == false { _ = open.popLast() }
      }
      found = open.last
    } else {
      let errorLine = errorLineNumber - 1
      let errorColumn = errorColumnNumber - 1
      found = tags.last(where: { $0.line < errorLine || ($0.line == errorLine && $0.column < errorColumn) })
        .map { ($0.line, $0.column) }
    }
    guard let found, found.line < lines.count else { return nil }
    return (found.line + 1, found.column + 1, String(lines[found.line]))
  }

  static func explain(_ error: Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect:
      return "a section is closed with a different name than it was opened ({{#a}}…{{/b}})"
    case .unfinishedName: return "a tag is not closed with }}"
    case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed"
    case .invalidSetDelimiter: return "invalid set-delimiter tag"
    case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
    case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
    case .textInsideInheritSection: return "text inside an inheritance section"
    case .invalidConfigVariableSyntax: return "invalid pragma syntax ({{% NAME: value}})"
    case .unrecognisedConfigVariable: return "unknown pragma"
    }
  }
}
