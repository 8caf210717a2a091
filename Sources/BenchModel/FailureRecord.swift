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
  /// For the one record that stands for the rows left out of a long table (``isRemainder``):
  /// how many distinct rows it folds together; 0 for an ordinary row.
  public var foldedRows: Int = 0

  /// Whether this record is the "N more" line of a table cut at its top rows.
  public var isRemainder: Bool { foldedRows > 0 }

  /// The record standing for `rows` distinct failures with `occurrences` in all that were left
  /// out of a table cut at its most frequent rows.
  public static func remainder(rows: Int, occurrences: Int) -> FailureRecord {
    var record = FailureRecord(
      method: nil, name: "…", error: "\(rows) more distinct failures, not listed (\(occurrences) occurrences in all)",
      occurrences: occurrences)
    record.foldedRows = rows
    return record
  }

  public init(method: String?, name: String, error: String, occurrences: Int, firstSeen: String? = nil, lastSeen: String? = nil) {
    self.method = method
    self.name = name
    self.error = error
    self.occurrences = occurrences
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }
}
