/// A tag of a Mustache template with where it starts, found by a scan of the template text.
///
/// swift-mustache does not expose its parsed tokens, and it renders a missing partial or an
/// unknown name as nothing. This scan lets `TemplateRenderer` check what the engine does not:
/// that every `{{> partial}}` exists, and that an HTML template never switches escaping off.
struct MustacheTag: Equatable {
  enum Kind: Equatable {
    /// `{{name}}`: escaped in HTML mode.
    case variable
    /// `{{{name}}}` or `{{& name}}`: never escaped.
    case unescaped
    /// `{{#name}}`, `{{^name}}`, `{{$name}}`.
    case open
    /// `{{/name}}`.
    case close
    /// `{{> name}}`.
    case partial
    /// `{{< name}}`: a parent template (inheritance), also looked up as a partial.
    case parent
    /// `{{% NAME: value}}`.
    case pragma
    /// `{{! … }}`.
    case comment
  }

  var kind: Kind
  /// The tag's content without sigil and surrounding spaces (`weekly`, `CONTENT_TYPE: TEXT`).
  var name: String
  /// 1-based line and column of the opening `{{`.
  var line: Int
  var column: Int

  /// Every tag of `text` in order, or nil when the template changes its delimiters
  /// (`{{=<% %>=}}`): tags can then not be found reliably, and the checks are skipped.
  static func scan(_ text: String) -> [MustacheTag]? {
    let characters = Array(text)
    var tags: [MustacheTag] = []
    var index = 0
    var line = 1
    var lineStart = 0
    while index + 1 < characters.count {
      if characters[index] == "\n" {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard characters[index] == "{", characters[index + 1] == "{" else {
        index += 1
        continue
      }
      let column = index - lineStart + 1
      let tagLine = line
      var cursor = index + 2
      let triple = cursor < characters.count && characters[cursor] == "{"
      if triple { cursor += 1 }
      // The tag runs to the next `}}` (`}}}` for a triple); comments may span lines.
      let closing: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
      var end = cursor
      while end + closing.count <= characters.count, Array(characters[end..<end + closing.count]) != closing {
        end += 1
      }
      guard end + closing.count <= characters.count else { break }
      let body = String(characters[cursor..<end])
      for character in characters[index..<end] where character == "\n" {
        line += 1
      }
      if let lastNewline = characters[index..<end].lastIndex(of: "\n") { lineStart = lastNewline + 1 }
      index = end + closing.count
      var content = Substring(body).drop { $0 == " " || $0 == "\t" }
      let kind: Kind
      if triple {
        kind = .unescaped
      } else {
        switch content.first {
        case "=": return nil
        case "&": kind = .unescaped
        case "#", "^", "$": kind = .open
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "%": kind = .pragma
        case "!": kind = .comment
        default: kind = .variable
        }
        if kind != .variable && kind != .unescaped || content.first == "&" { content = content.dropFirst() }
      }
      let name = String(content.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
      tags.append(MustacheTag(kind: kind, name: name, line: tagLine, column: column))
    }
    return tags
  }
}
