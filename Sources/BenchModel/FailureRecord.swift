/// Requests that failed with one error at one endpoint (a row of Locust's `_failures.csv`).
public struct FailureRecord: Sendable, Hashable {
  /// Request method or custom request type (`POST`, `STREAM`); nil when none was recorded.
  public var method: String?
  /// Request (task) name.
  public var name: String
  /// The error text as Locust wrote it (`repr` of the exception, may span lines).
  public var error: String
  public var occurrences: Int
  /// First and last occurrence, UTC `YYYY-MM-DDTHH:MM:SSZ` as Locust ≥ 2.44 writes them.
  public var firstSeen: String?
  public var lastSeen: String?

  public init(method: String?, name: String, error: String, occurrences: Int, firstSeen: String? = nil, lastSeen: String? = nil) {
    self.method = method
    self.name = name
    self.error = error
    self.occurrences = occurrences
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }
}
