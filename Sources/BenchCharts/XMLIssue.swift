/// One problem libxml2 found in an XML document, with where it is.
public struct XMLIssue: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: Sendable, Hashable {
    case warning
    /// The document is not well-formed.
    case error
    /// The parser gave up at this point.
    case fatal
  }

  /// 1-based line number.
  public var line: Int
  /// 1-based column (libxml2's column for the error; 0 when unknown).
  public var column: Int
  public var message: String
  public var severity: Severity

  public init(line: Int, column: Int, message: String, severity: Severity) {
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
  }

  public var description: String {
    "line \(line), column \(column): \(message)"
  }
}
