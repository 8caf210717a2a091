/// A Locust `_stats_history.csv`, read in one streaming pass: the `Aggregated` rows, and the rows
/// of each entry when the file is a `--csv-full-history` with few entries (a per-task
/// breakdown); other entry rows are counted but not kept, so memory stays bounded.
struct LocustHistory: Sendable {
  /// One history row. Times in **milliseconds**, rates per second, counters cumulative.
  struct Row: Sendable, Equatable {
    /// Unix seconds.
    var timestamp: Double
    /// Running users; nil before Locust 1.0.
    var users: Int?
    /// Locust's ~10 s window rates (failures included in `requestsPerSecond`).
    var requestsPerSecond: Double?
    var failuresPerSecond: Double?
    /// Aligned with `LocustHistory.percentiles`; nil for `N/A`.
    var percentiles: [Double?]
    var totalRequests: Int?
    var totalFailures: Int?
    var totalMedian: Double?
    var totalAverage: Double?
  }

  /// The percentile columns, 0–100, in file order.
  var percentiles: [Double] = []
  var aggregate: [Row] = []
  /// Rows per entry (`POST qwen2`), when kept.
  var entries: [String: [Row]] = [:]
  /// Entry names in order of first appearance.
  var entryOrder: [String] = []
  /// True when entry rows exist in the file (`--csv-full-history`).
  var hasEntryRows = false
  /// False when the file had more entries than are kept.
  var entriesKept = true
  /// "B", "C" or "D" (see `LocustCSVKind`).
  var generation = "D"
  var notes: [String] = []

  /// At most this many entries keep their rows (a per-model gateway test has a handful).
  static let maximumKeptEntries = 8

  static func read(_ reader: inout CSVRecordReader, path: String) throws(LocustReadError) -> LocustHistory {
    guard let header = try LocustStatsCSVReader.next(&reader, path: path) else { throw .empty(path) }
    var history = LocustHistory()
    if case .history(let generation) = LocustCSVKind.classify(header.fields) { history.generation = generation }
    let columns = LocustColumns(header.fields)
    guard let timestampIndex = columns.index(of: "timestamp"), let nameIndex = columns.index(of: "name") else {
      throw .missingColumns(path, expected: "Timestamp, Name")
    }
    let usersIndex = columns.index(of: "user count")
    let methodIndex = columns.index(of: "type")
    let rpsIndex = columns.index(of: "requests/s")
    let fpsIndex = columns.index(of: ["failures/s", "requests failed/s"])
    let totalIndex = columns.index(of: ["total request count", "# requests"])
    let failedIndex = columns.index(of: ["total failure count", "# failures"])
    let medianIndex = columns.index(of: ["total median response time", "median response time"])
    let averageIndex = columns.index(of: ["total average response time", "average response time"])
    history.percentiles = columns.percentileColumns.map(\.percentile)
    var dropped = 0
    var lastShortLine: Int?
    while let record = try LocustStatsCSVReader.next(&reader, path: path) {
      let fields = record.fields
      guard fields.count >= columns.count, let timestamp = LocustCell.number(fields[timestampIndex]) else {
        dropped += 1
        lastShortLine = record.line
        continue
      }
      let row = Row(
        timestamp: timestamp, users: usersIndex.flatMap { LocustCell.integer(fields[$0]) },
        requestsPerSecond: rpsIndex.flatMap { LocustCell.number(fields[$0]) },
        failuresPerSecond: fpsIndex.flatMap { LocustCell.number(fields[$0]) },
        percentiles: columns.percentileColumns.map { LocustCell.number(fields[$0.index]) },
        totalRequests: totalIndex.flatMap { LocustCell.integer(fields[$0]) },
        totalFailures: failedIndex.flatMap { LocustCell.integer(fields[$0]) },
        totalMedian: medianIndex.flatMap { LocustCell.number(fields[$0]) },
        totalAverage: averageIndex.flatMap { LocustCell.number(fields[$0]) })
      let name = fields[nameIndex]
      let method = methodIndex.flatMap { LocustCell.method(fields[$0]) }
      if method == nil && LocustCell.isTotalName(name) {
        history.aggregate.append(row)
        continue
      }
      history.hasEntryRows = true
      let key = method.map { "\($0) \(name)" } ?? name
      if history.entries[key] == nil {
        history.entryOrder.append(key)
        if history.entryOrder.count > maximumKeptEntries { history.entriesKept = false }
      }
      if history.entriesKept { history.entries[key, default: []].append(row) }
    }
    if !history.entriesKept { history.entries = [:] }
    if dropped > 0 {
      let line = lastShortLine.map { " (last at line \($0))" } ?? ""
      history.notes.append(
        "\(LocustStatsCSVReader.fileName(path)): \(dropped) incomplete row(s) dropped\(line) — the file was cut off before Locust flushed it")
    }
    return history
  }

  /// The display name of a kept entry (`POST qwen2`) → its method and name.
  func isKept(_ key: String) -> Bool { entries[key] != nil }
}
