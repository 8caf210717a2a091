/// A file (or part of one) that was not analysed, and why, in words a user can act on.
/// An `Error` too, so a reader can return `Result<Run, SkippedInput>` for a part it cannot use.
public struct SkippedInput: Sendable, Hashable, Comparable, Error {
  public enum Kind: String, Sendable, Codable, Hashable {
    /// Recognised, but not a benchmark result (`.pytorch.json`, `warmup.json`, …).
    case notAResult
    /// Looks like a result but could not be read (broken JSON, wrong types).
    case unreadable
    /// A result already counted from another file (`summary.json` vs `run=N.json`).
    case duplicate
    /// A format benchreport does not read (yet).
    case unsupported
  }

  public var location: SourceLocation
  public var kind: Kind
  public var reason: String

  public init(location: SourceLocation, kind: Kind, reason: String) {
    self.location = location
    self.kind = kind
    self.reason = reason
  }

  public static func < (lhs: SkippedInput, rhs: SkippedInput) -> Bool {
    (lhs.location, lhs.reason) < (rhs.location, rhs.reason)
  }
}
