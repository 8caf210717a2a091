/// An uncaught exception in the load generator's own code (a row of Locust's
/// `_exceptions.csv`): the test script broke, not the server.
public struct ExceptionRecord: Sendable, Hashable {
  public var count: Int
  public var message: String
  /// The last line of the traceback that names a file (where it happened), if any.
  public var location: String?
  /// Worker ids, or `local`.
  public var nodes: String?

  /// For the record standing for the rows left out of a long table: how many it folds.
  public var foldedRows: Int = 0

  /// Whether this record is the "N more" line of a table cut at its top rows.
  public var isRemainder: Bool { foldedRows > 0 }

  /// The record standing for `rows` distinct exceptions with `count` occurrences in all.
  public static func remainder(rows: Int, count: Int) -> ExceptionRecord {
    var record = ExceptionRecord(count: count, message: "\(rows) more distinct exceptions, not listed (\(count) in all)")
    record.foldedRows = rows
    return record
  }

  public init(count: Int, message: String, location: String? = nil, nodes: String? = nil) {
    self.count = count
    self.message = message
    self.location = location
    self.nodes = nodes
  }
}
