import BenchModel

/// Reads Locust's `_failures.csv` (failed requests by error) and `_exceptions.csv` (uncaught
/// exceptions in tasks). A header-only file means "none", not "missing".
enum LocustFailuresCSVReader {
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
    while let record = try LocustStatsCSVReader.next(&reader, path: path) {
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
    return sorted(records)
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
    while let record = try LocustStatsCSVReader.next(&reader, path: path) {
      let fields = record.fields
      guard fields.count > max(countIndex, messageIndex), let count = LocustCell.integer(fields[countIndex]) else { continue }
      let traceback = tracebackIndex.flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
      records.append(
        ExceptionRecord(
          count: count, message: fields[messageIndex], location: location(inTraceback: traceback),
          nodes: nodesIndex.flatMap { $0 < fields.count ? fields[$0] : nil }))
    }
    return records.sorted { ($0.count, $1.message) > ($1.count, $0.message) }
  }

  /// Most frequent first; ties by name and error text, so the order never depends on Locust's
  /// hash-ordered rows.
  static func sorted(_ records: [FailureRecord]) -> [FailureRecord] {
    records.sorted { lhs, rhs in
      if lhs.occurrences != rhs.occurrences { return lhs.occurrences > rhs.occurrences }
      return (lhs.name, lhs.method ?? "", lhs.error) < (rhs.name, rhs.method ?? "", rhs.error)
    }
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
