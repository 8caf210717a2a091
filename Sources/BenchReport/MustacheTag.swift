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
  ///
  /// The scan runs on UTF-8 bytes (braces and newlines are single bytes there, never part of
  /// another character); a tag's column is still counted in characters. It was a scan over an
  /// array of `Character`s that compared a new array at every position, half of the time
  /// `analyze` took for an empty folder.
  static func scan(_ text: String) -> [MustacheTag]? {
    let bytes = Array(text.utf8)
    let count = bytes.count
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let newline = UInt8(ascii: "\n")
    func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var tags: [MustacheTag] = []
    var index = 0
    var line = 1
    var lineStart = 0
    while index + 1 < count {
      if bytes[index] == newline {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard bytes[index] == open, bytes[index + 1] == open else {
        index += 1
        continue
      }
      let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
      let tagLine = line
      var cursor = index + 2
      let triple = cursor < count && bytes[cursor] == open
      if triple { cursor += 1 }
      // The tag runs to the next `}}` (`}}}` for a triple); comments may span lines.
      let closing = triple ? 3 : 2
      var end = cursor
      while end + closing <= count, !(bytes[end] == close && bytes[end + 1] == close && (!triple || bytes[end + 2] == close)) {
        end += 1
      }
      guard end + closing <= count else { break }
      for position in index..<end where bytes[position] == newline {
        line += 1
        lineStart = position + 1
      }
      index = end + closing
      var contentStart = cursor
      while contentStart < end, isBlank(bytes[contentStart]) { contentStart += 1 }
      let kind: Kind
      if triple {
        kind = .unescaped
      } else {
        switch contentStart < end ? bytes[contentStart] : 0 {
        case UInt8(ascii: "="): return nil
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"): kind = .open
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "%"): kind = .pragma
        case UInt8(ascii: "!"): kind = .comment
        default: kind = .variable
        }
        if kind != .variable { contentStart += 1 }
      }
      while contentStart < end, isBlank(bytes[contentStart]) { contentStart += 1 }
      var contentEnd = end
      while contentEnd > contentStart, isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
      tags.append(MustacheTag(kind: kind, name: String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self), line: tagLine, column: column))
    }
    return tags
  }
}
