/// Where a run came from: the file and, for files with several results, the line
/// (JSONL / `--append-result`) or the index in a top-level array (`summary.json`).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Path as the user gave it (relative to the analysed folder where possible).
  public var path: String
  /// 1-based line of the object's first byte, for multi-object files.
  public var line: Int?
  /// 0-based index of the object in a top-level JSON array.
  public var arrayIndex: Int?

  public init(path: String, line: Int? = nil, arrayIndex: Int? = nil) {
    self.path = path
    self.line = line
    self.arrayIndex = arrayIndex
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line ?? 0, lhs.arrayIndex ?? 0) < (rhs.path, rhs.line ?? 0, rhs.arrayIndex ?? 0)
  }

  public var description: String {
    if let line { return "\(path):\(line)" }
    if let arrayIndex { return "\(path)[\(arrayIndex)]" }
    return path
  }
}
