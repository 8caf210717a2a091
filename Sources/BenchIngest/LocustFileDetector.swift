import BenchModel
import Foundation

/// Recognises Locust outputs by content: a CSV by its header row (`LocustCSVKind`), a JSON file
/// by its entry keys, an HTML report by the data it embeds. Reads only the head of a CSV, so a
/// huge history is not loaded to be classified.
enum LocustFileDetector {
  enum Detection: Equatable {
    case file(LocustRunSet.File.Kind)
    /// `[]`: Locust's `--json` when nothing completed, or any empty JSON array — decided by
    /// whether Locust files share its prefix.
    case emptyJSONArray
    /// Recognised as Locust but never read, with the reason.
    case ignored(String)
    /// An HTML page: a Locust report if `isLocustReport` says so on the whole file.
    case htmlPage
  }

  /// What `path` is, or nil when it is not a Locust output.
  static func detect(path: String, head: [UInt8]) -> Detection? {
    guard let first = LeadingBytes.first(of: head) else { return nil }
    if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
      if ByteSearch.contains("\"num_reqs_per_sec\"", in: head), ByteSearch.contains("\"response_times\"", in: head) {
        return .file(.json)
      }
      let compact = head.filter { !LeadingBytes.isInsignificant($0) }
      return compact == Array("[]".utf8) ? .emptyJSONArray : nil
    }
    if first == UInt8(ascii: "<") {
      let lowered = head.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
      guard ByteSearch.contains("<html", in: lowered) || ByteSearch.contains("<!doctype html", in: lowered) else { return nil }
      return .htmlPage
    }
    var reader = CSVRecordReader(bytes: Array(head.prefix(64 * 1024)))
    guard let header = try? reader.next(), header.fields.count >= 4, let kind = LocustCSVKind.classify(header.fields) else { return nil }
    if kind == .requestLog {
      return .ignored(
        "Locust CsvRequestLogger per-request log: not read (the run's _stats.csv, --json or --html give its totals and percentiles)")
    }
    return .file(.csv(kind))
  }

  /// Whether a JSON file whose head was inconclusive is a Locust `--json` output after all:
  /// its first entry's `name` (a request name, the first key) can be longer than the head, so
  /// the keys that identify it come later. Searched in 1 MiB chunks up to `limit` bytes, and
  /// only for a full head that starts as Locust's does: `[{"name"`.
  static func isLocustJSONBeyondHead(path: String, head: [UInt8], limit: Int = 64 << 20) -> Bool {
    guard head.count >= 64 * 1024,
      head.prefix(256).filter({ !LeadingBytes.isInsignificant($0) }).starts(with: Array("[{\"name\"".utf8)),
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    var seenRate = false
    var seenTimes = false
    var carry: [UInt8] = []
    var read = 0
    while read < limit, let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
      read += data.count
      let window = carry + [UInt8](data)
      seenRate = seenRate || ByteSearch.contains("\"num_reqs_per_sec\"", in: window)
      seenTimes = seenTimes || ByteSearch.contains("\"response_times\"", in: window)
      if seenRate && seenTimes { return true }
      carry = Array(window.suffix(32))  // a key split across two chunks
    }
    return false
  }

  /// Whether the HTML file at `path` is a Locust report, read in 1 MiB chunks up to `limit`
  /// bytes: memory stays bounded however large a page that is not a report is. The marks sit
  /// after the report's ~1 MB script bundle and before its data (byte 948 130 of 952 562 in
  /// samples/locust-user-sweep-gateway/u128.html), so a long history does not push them out.
  static func isLocustReport(path: String, limit: Int = 32 << 20) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    var seenHistory = false
    var seenLocust = false
    var carry: [UInt8] = []
    var read = 0
    while read < limit, let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
      read += data.count
      let window = carry + [UInt8](data)
      if ByteSearch.contains("window.templateArgs = {", in: window) { return true }
      seenHistory = seenHistory || ByteSearch.contains("stats_history", in: window)
      seenLocust = seenLocust || ByteSearch.contains("Locust", in: window)
      if seenHistory && seenLocust { return true }
      carry = Array(window.suffix(32))
    }
    return false
  }

  /// Whether a whole HTML file is a Locust report.
  static func isLocustReport(_ bytes: [UInt8]) -> Bool {
    ByteSearch.contains("window.templateArgs = {", in: bytes)
      || (ByteSearch.contains("stats_history", in: bytes) && ByteSearch.contains("Locust", in: bytes))
  }

  /// The first `count` bytes of a file.
  static func head(of path: String, count: Int = 64 * 1024) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: count) else { return nil }
    return [UInt8](data)
  }
}
