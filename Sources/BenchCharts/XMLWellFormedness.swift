import CLibXML2

/// Checks that generated XML (SVG charts, polyglot XHTML reports) is well-formed,
/// using libxml2 without recovery so nothing is silently repaired.
public enum XMLWellFormedness {
  /// Every warning and error libxml2 reports for `bytes`; no `.error`/`.fatal` issue
  /// means the document is well-formed.
  public static func issues(in bytes: [UInt8]) -> [XMLIssue] {
    LibXMLDocument.parse(bytes).issues
  }

  public static func issues(in text: String) -> [XMLIssue] {
    issues(in: Array(text.utf8))
  }

  /// Whether `bytes` parse as XML without errors (warnings allowed).
  public static func isWellFormed(_ bytes: [UInt8]) -> Bool {
    !issues(in: bytes).contains { $0.severity != .warning }
  }

  /// The libxml2 version in use, for diagnostics (e.g. "2.9.14").
  public static var libxml2Version: String {
    String(cString: cxml_version())
  }
}
