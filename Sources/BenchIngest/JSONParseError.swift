/// A syntax error in a JSON result file, with the position a user can open in an editor.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line and column (column in bytes).
  public var line: Int
  public var column: Int
  public var message: String

  public var description: String { "line \(line), column \(column): \(message)" }
}
