import Mustache

/// Mustache's HTML escaping (`<` `>` `&` `"` `'` → `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`), done
/// on UTF-8 bytes: text with none of them (nearly every table cell) is returned as it is.
///
/// Why: swift-mustache's own HTML content type rebuilds every value character by character,
/// looking each one up in a dictionary; over the tens of thousands of cells of a long Locust
/// sweep's report that was a tenth of rendering it. The output is the same, except that a
/// quote or bracket followed by a combining mark (one `Character` to swift-mustache, which then
/// leaves it alone) is escaped here too.
struct HTMLContentType: MustacheContentType {
  /// The name `TemplateRenderer` puts in its HTML pragma.
  static let name = "BENCHREPORT_HTML"

  /// Registers the type with swift-mustache (once; the parser looks pragmas up by name).
  static let registered: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

  func escapeText(_ text: String) -> String {
    var text = text
    let escaped = text.withUTF8 { bytes -> String? in
      guard let first = bytes.firstIndex(where: Self.isSpecial) else { return nil }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + bytes.count / 8 + 8)
      output.append(contentsOf: bytes[..<first])
      for byte in bytes[first...] {
        switch byte {
        case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
        default: output.append(byte)
        }
      }
      return String(decoding: output, as: UTF8.self)
    }
    return escaped ?? text
  }

  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
