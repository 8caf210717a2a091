/// Reads Locust's final-statistics CSVs — `_stats.csv` (0.13.3+), and 0.x `_requests.csv` with
/// its `_distribution.csv` — into one `LocustEntryStats` per entry plus the total row.
enum LocustStatsCSVReader {
  struct Output: Sendable {
    var entries: [LocustEntryStats]
    /// What was repaired or left out, in words for the run's notes.
    var notes: [String]
  }

  /// `_stats.csv` and 0.x `_requests.csv`.
  static func read(_ reader: inout CSVRecordReader, path: String) throws(LocustReadError) -> Output {
    guard let header = try next(&reader, path: path) else { throw .empty(path) }
    let columns = LocustColumns(header.fields)
    guard let nameIndex = columns.index(of: "name"),
      let requestsIndex = columns.index(of: ["request count", "# requests"]),
      let failuresIndex = columns.index(of: ["failure count", "# failures"])
    else { throw .missingColumns(path, expected: "Name, Request Count (or # requests), Failure Count (or # failures)") }
    let methodIndex = columns.index(of: ["type", "method"])
    let medianIndex = columns.index(of: "median response time")
    let averageIndex = columns.index(of: "average response time")
    let minIndex = columns.index(of: "min response time")
    let maxIndex = columns.index(of: "max response time")
    let rpsIndex = columns.index(of: "requests/s")
    let fpsIndex = columns.index(of: ["failures/s", "requests failed/s"])
    var entries: [LocustEntryStats] = []
    var notes: [String] = []
    while let record = try next(&reader, path: path) {
      let fields = record.fields
      guard fields.count >= columns.count else {
        notes.append("\(fileName(path)) line \(record.line): row with \(fields.count) of \(columns.count) fields dropped (truncated file)")
        continue
      }
      let name = fields[nameIndex]
      let method = methodIndex.flatMap { LocustCell.method(fields[$0]) }
      guard let requests = LocustCell.integer(fields[requestsIndex]), let failures = LocustCell.integer(fields[failuresIndex]) else {
        notes.append("\(fileName(path)) line \(record.line): row without request counts dropped")
        continue
      }
      var entry = LocustEntryStats(
        method: method, name: name, isAggregate: method == nil && LocustCell.isTotalName(name), requests: requests, failures: failures)
      entry.medianMilliseconds = medianIndex.flatMap { LocustCell.number(fields[$0]) }
      entry.averageMilliseconds = averageIndex.flatMap { LocustCell.number(fields[$0]) }
      entry.minMilliseconds = minIndex.flatMap { LocustCell.number(fields[$0]) }
      entry.maxMilliseconds = maxIndex.flatMap { LocustCell.number(fields[$0]) }
      entry.requestsPerSecond = rpsIndex.flatMap { LocustCell.number(fields[$0]) }
      entry.failuresPerSecond = fpsIndex.flatMap { LocustCell.number(fields[$0]) }
      for column in columns.percentileColumns {
        if let value = LocustCell.number(fields[column.index]) { entry.percentiles[column.percentile] = value }
      }
      entries.append(entry)
    }
    if reader.repairedQuotes > 0 {
      notes.append("\(fileName(path)): \(reader.repairedQuotes) unescaped quote(s) inside quoted names kept as literal quotes (Locust 0.x hand-quoting)")
    }
    return Output(entries: entries, notes: notes)
  }

  /// Merges a 0.x `_distribution.csv` (names `"GET /path"`, total `Total`/`Aggregated`) into the
  /// entries of its `_requests.csv`.
  static func mergeDistribution(_ reader: inout CSVRecordReader, path: String, into entries: inout [LocustEntryStats]) throws(LocustReadError) -> [String] {
    guard let header = try next(&reader, path: path) else { throw .empty(path) }
    let columns = LocustColumns(header.fields)
    guard let nameIndex = columns.index(of: "name") else { throw .missingColumns(path, expected: "Name") }
    var notes: [String] = []
    var unmatched = 0
    while let record = try next(&reader, path: path) {
      guard record.fields.count >= columns.count else { continue }
      let merged = record.fields[nameIndex]
      let target = entries.firstIndex { entry in
        if LocustCell.isTotalName(merged) { return entry.isAggregate }
        return !entry.isAggregate && entry.displayName == merged
      }
      guard let target else {
        unmatched += 1
        continue
      }
      for column in columns.percentileColumns {
        if let value = LocustCell.number(record.fields[column.index]) { entries[target].percentiles[column.percentile] = value }
      }
    }
    if unmatched > 0 { notes.append("\(fileName(path)): \(unmatched) row(s) name no entry of the requests file and were ignored") }
    return notes
  }

  static func next(_ reader: inout CSVRecordReader, path: String) throws(LocustReadError) -> CSVRecordReader.Record? {
    do {
      return try reader.next()
    } catch {
      throw .unreadable(path, error.description)
    }
  }

  static func next(_ reader: inout CSVRecordReader, into record: inout CSVRecordReader.RawRecord, path: String) throws(LocustReadError) -> Bool {
    do {
      return try reader.next(into: &record)
    } catch {
      throw .unreadable(path, error.description)
    }
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}

/// Why a Locust file could not be used, with the file named.
enum LocustReadError: Error, Equatable, CustomStringConvertible {
  case empty(String)
  case missingColumns(String, expected: String)
  case unreadable(String, String)
  case invalid(String, String)

  var description: String {
    switch self {
    case .empty: "empty file"
    case .missingColumns(_, let expected): "header lacks the columns \(expected)"
    case .unreadable(_, let message): message
    case .invalid(_, let message): message
    }
  }
}
