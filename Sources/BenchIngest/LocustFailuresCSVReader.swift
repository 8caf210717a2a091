import BenchModel

/// Reads Locust's `_failures.csv` (failed requests by error) and `_exceptions.csv` (uncaught
/// exceptions in tasks). A header-only file means "none", not "missing".
enum LocustFailuresCSVReader {
  /// Rows of a failures or exceptions table kept: the most frequent; the rest are folded into
  /// one "N more" record. A `_failures.csv` with a million distinct rows (a URL or request id
  /// in every error) made a 444 MB analysis.json and 2 GB of memory.
  static let keptRows = 50

  /// Keeps the `keptRows` first rows of `records` in `order`, folding the others into
  /// `folded` (rows) and `foldedTotal` (their occurrences). Called whenever `records` grows to
  /// four times the limit, so memory stays bounded however long the file is; a row cut at one
  /// call can never be among the final top rows, since `keptRows` better ones exist already.
  static func trim<Record>(
    _ records: inout [Record], by order: (Record, Record) -> Bool, count: (Record) -> Int, folded: inout Int, foldedTotal: inout Int
  ) {
    guard records.count > keptRows else { return }
    records.sort(by: order)
    for record in records[keptRows...] {
      folded += 1
      foldedTotal += count(record)
    }
    records.removeSubrange(keptRows...)
  }

  static func failures(_ reader: inout CSVRecordReader, path: String) throws(LocustReadError) -> [FailureRecord] {
    guard let header = try LocustStatsCSVReader.next(&reader, path: path) else { throw .empty(path) }
    let columns = LocustColumns(header.fields)
    guard let nameIndex = columns.index(of: "name"), let errorIndex = columns.index(of: "error"),
      let countIndex = columns.index(of: "occurrences")
    else { throw .missingColumns(path, expected: "Name, Error, Occurrences") }
    let methodIndex = columns.index(of: ["method", "type"])
    let firstIndex = columns.index(of: "first seen")
    let lastIndex = columns.index(of: "last seen")
    var records: [FailureRecord] = []
    var folded = 0
    var foldedTotal = 0
    while let record = try LocustStatsCSVReader.next(&reader, path: path) {
      if records.count >= 4 * keptRows {
        trim(&records, by: isBefore, count: \.occurrences, folded: &folded, foldedTotal: &foldedTotal)
      }
      let fields = record.fields
      guard fields.count > max(nameIndex, errorIndex, countIndex), let count = LocustCell.integer(fields[countIndex]) else { continue }
      func optional(_ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let text = fields[index].trimmingWhitespace()
        return text.isEmpty ? nil : text
      }
      records.append(
        FailureRecord(
          method: methodIndex.flatMap { LocustCell.method(fields[$0]) }, name: fields[nameIndex], error: fields[errorIndex],
          occurrences: count, firstSeen: optional(firstIndex), lastSeen: optional(lastIndex)))
    }
    trim(&records, by: isBefore, count: \.occurrences, folded: &folded, foldedTotal: &foldedTotal)
    return sorted(records) + (folded > 0 ? [.remainder(rows: folded, occurrences: foldedTotal)] : [])
  }

  static func exceptions(_ reader: inout CSVRecordReader, path: String) throws(LocustReadError) -> [ExceptionRecord] {
    guard let header = try LocustStatsCSVReader.next(&reader, path: path) else { throw .empty(path) }
    let columns = LocustColumns(header.fields)
    guard let countIndex = columns.index(of: "count"), let messageIndex = columns.index(of: "message") else {
      throw .missingColumns(path, expected: "Count, Message")
    }
    let tracebackIndex = columns.index(of: "traceback")
    let nodesIndex = columns.index(of: "nodes")
    var records: [ExceptionRecord] = []
    var folded = 0
    var foldedTotal = 0
    let order: (ExceptionRecord, ExceptionRecord) -> Bool = { ($0.count, $1.message) > ($1.count, $0.message) }
    while let record = try LocustStatsCSVReader.next(&reader, path: path) {
      if records.count >= 4 * keptRows {
        trim(&records, by: order, count: \.count, folded: &folded, foldedTotal: &foldedTotal)
      }
      let fields = record.fields
      guard fields.count > max(countIndex, messageIndex), let count = LocustCell.integer(fields[countIndex]) else { continue }
      let traceback = tracebackIndex.flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
      records.append(
        ExceptionRecord(
          count: count, message: fields[messageIndex], location: location(inTraceback: traceback),
          nodes: nodesIndex.flatMap { $0 < fields.count ? fields[$0] : nil }))
    }
    trim(&records, by: order, count: \.count, folded: &folded, foldedTotal: &foldedTotal)
    return records.sorted(by: order) + (folded > 0 ? [.remainder(rows: folded, count: foldedTotal)] : [])
  }

  /// Most frequent first; ties by name and error text, so the order never depends on Locust's
  /// hash-ordered rows.
  /// `records` (from any source, e.g. an HTML report) cut to the `keptRows` most frequent,
  /// the rest folded into one "N more" record (merged with one already there).
  static func capped(_ records: [FailureRecord]) -> [FailureRecord] {
    var rows = records.filter { !$0.isRemainder }
    guard rows.count > keptRows else { return records }
    var folded = records.reduce(0) { $0 + $1.foldedRows }
    var foldedTotal = records.filter(\.isRemainder).reduce(0) { $0 + $1.occurrences }
    trim(&rows, by: isBefore, count: \.occurrences, folded: &folded, foldedTotal: &foldedTotal)
    return rows + [.remainder(rows: folded, occurrences: foldedTotal)]
  }

  /// Exceptions cut like ``capped(_:)-swift.type.method``.
  static func capped(_ records: [ExceptionRecord]) -> [ExceptionRecord] {
    var rows = records.filter { !$0.isRemainder }
    guard rows.count > keptRows else { return records }
    var folded = records.reduce(0) { $0 + $1.foldedRows }
    var foldedTotal = records.filter(\.isRemainder).reduce(0) { $0 + $1.count }
    trim(&rows, by: { ($0.count, $1.message) > ($1.count, $0.message) }, count: \.count, folded: &folded, foldedTotal: &foldedTotal)
    return rows + [.remainder(rows: folded, count: foldedTotal)]
  }

  static func sorted(_ records: [FailureRecord]) -> [FailureRecord] {
    records.sorted(by: isBefore)
  }

  static func isBefore(_ lhs: FailureRecord, _ rhs: FailureRecord) -> Bool {
    if lhs.occurrences != rhs.occurrences { return lhs.occurrences > rhs.occurrences }
    return (lhs.name, lhs.method ?? "", lhs.error) < (rhs.name, rhs.method ?? "", rhs.error)
  }

  /// `File "x.py", line 12, in task` — the last frame of a Python traceback.
  static func location(inTraceback traceback: String) -> String? {
    let frames = traceback.split(separator: "\n").map { $0.trimmingCharacters() }.filter { $0.hasPrefix("File ") }
    return frames.last.map { String($0) }
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> Substring {
    var text = self
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
  }
}
