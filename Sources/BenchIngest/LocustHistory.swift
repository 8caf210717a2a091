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
    let percentileIndexes = columns.percentileColumns.map(\.index)
    var dropped = 0
    var lastShortLine: Int?
    // Cells are parsed from their bytes (`next(into:)`): a String per cell was most of the
    // cost of a day-long history. Only the name and method become strings.
    var record = CSVRecordReader.RawRecord()
    var names = SeriesNames()
    while try LocustStatsCSVReader.next(&reader, into: &record, path: path) {
      guard record.count >= columns.count else {
        dropped += 1
        lastShortLine = record.line
        continue
      }
      // One pass over the record's cells: the row, and the series it belongs to when its
      // (method, name) cells were seen before (the usual case: a history repeats a few names).
      let ascii = record.isASCII
      let (parsed, known) = record.withCells { cells -> (Row?, String??) in
        func number(_ index: Int) -> Double? { ascii ? LocustCell.number(ascii: cells[index]) : LocustCell.number(cells[index]) }
        func integer(_ index: Int) -> Int? { ascii ? LocustCell.integer(ascii: cells[index]) : LocustCell.integer(cells[index]) }
        guard let timestamp = number(timestampIndex) else { return (nil, nil) }
        let row = Row(
          timestamp: timestamp, users: usersIndex.flatMap(integer),
          requestsPerSecond: rpsIndex.flatMap(number),
          failuresPerSecond: fpsIndex.flatMap(number),
          percentiles: percentileIndexes.map(number),
          totalRequests: totalIndex.flatMap(integer),
          totalFailures: failedIndex.flatMap(integer),
          totalMedian: medianIndex.flatMap(number),
          totalAverage: averageIndex.flatMap(number))
        return (row, names.series(method: methodIndex.map { cells[$0] }, name: cells[nameIndex]))
      }
      guard let row = parsed else {
        dropped += 1
        lastShortLine = record.line
        continue
      }
      // Which series the row belongs to: nil for the total row, else the entry's key.
      let series: String?
      if let known {
        series = known
      } else {
        let name = record.string(nameIndex)
        let method = methodIndex.flatMap { LocustCell.method(record.string($0)) }
        series = method == nil && LocustCell.isTotalName(name) ? nil : method.map { "\($0) \(name)" } ?? name
        if record.isASCII {
          record.withCells { cells in names.remember(method: methodIndex.map { cells[$0] }, name: cells[nameIndex], series: series) }
        }
      }
      guard let key = series else {
        history.aggregate.append(row)
        continue
      }
      history.hasEntryRows = true
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

  /// The series of the (method, name) cells seen so far, compared as bytes: a history repeats
  /// the same few names on every row, and making strings of them and a key of those was a
  /// tenth of reading it.
  struct SeriesNames {
    /// Method and name bytes, and the series (nil: the total row).
    private var known: [(method: [UInt8]?, name: [UInt8], series: String?)] = []
    /// Names beyond this many are resolved from strings every time (a history has a handful).
    static let capacity = 32

    /// The series of these cells, if they were seen before: `.some(nil)` for the total row.
    func series(method: UnsafeBufferPointer<UInt8>?, name: UnsafeBufferPointer<UInt8>) -> String?? {
      for entry in known where entry.name.elementsEqual(name) {
        switch (entry.method, method) {
        case (nil, nil): return .some(entry.series)
        case (let a?, let b?) where a.elementsEqual(b): return .some(entry.series)
        default: continue
        }
      }
      return nil
    }

    mutating func remember(method: UnsafeBufferPointer<UInt8>?, name: UnsafeBufferPointer<UInt8>, series: String?) {
      guard known.count < Self.capacity else { return }
      known.append((method.map(Array.init), Array(name), series))
    }
  }

  /// A series of rows that answers "the last row, in file order, whose timestamp is at or
  /// before t" in O(log n): the largest index whose suffix minimum of timestamps is ≤ t (the
  /// same row a scan from the end finds, also for rows out of time order).
  struct TimeIndex {
    let rows: [Row]
    /// suffixMinimum[i] = min(rows[i...].timestamp); never decreases.
    private let suffixMinimum: [Double]

    init(_ rows: [Row]) {
      self.rows = rows
      var minimum = Double.infinity
      var suffix = [Double](repeating: 0, count: rows.count)
      for index in rows.indices.reversed() {
        minimum = min(minimum, rows[index].timestamp)
        suffix[index] = minimum
      }
      suffixMinimum = suffix
    }

    func lastRow(atOrBefore time: Double) -> Row? {
      var low = 0
      var high = suffixMinimum.count  // the answer + 1 lies in low...high
      while low < high {
        let middle = (low + high) / 2
        if suffixMinimum[middle] <= time { low = middle + 1 } else { high = middle }
      }
      return low > 0 ? rows[low - 1] : nil
    }
  }

  /// The display name of a kept entry (`POST qwen2`) → its method and name.
  func isKept(_ key: String) -> Bool { entries[key] != nil }
}
