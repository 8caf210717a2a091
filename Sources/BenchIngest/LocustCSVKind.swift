/// What a Locust CSV file is, decided from its header row alone (`formats/locust.md` §9) —
/// never from its name: `--csv ""` writes `_stats.csv`, the web UI writes
/// `Locust_<date>_…_requests.csv`, and people rename files.
enum LocustCSVKind: Equatable, Sendable {
  /// Locust 0.x `_requests.csv` (counts and averages, no percentiles).
  case requests
  /// Locust 0.x `_distribution.csv` (percentiles by `"GET /name"`).
  case distribution
  /// `_stats.csv`: generation `B` (0.13.3–0.14), `C` (1.0–1.1) or `D` (1.2+).
  case stats(generation: String)
  /// `_stats_history.csv`: `B` (no User Count), `C` (1.0–1.1) or `D` (1.2+).
  case history(generation: String)
  /// `_failures.csv`; `hasSeenTimes` from Locust 2.44 (First Seen, Last Seen).
  case failures(hasSeenTimes: Bool)
  /// `_exceptions.csv`.
  case exceptions
  /// `CsvRequestLogger` per-request log (2.44+ contrib).
  case requestLog

  /// The kind of a header row, or nil when it is not a Locust CSV.
  static func classify(_ header: [String]) -> LocustCSVKind? {
    let columns = LocustColumns(header)
    let has = { (name: String) in columns.index(of: name) != nil }
    if has("timestamp") && has("request_type") && has("response_time_ms") { return .requestLog }
    if has("error") && has("occurrences") && has("name") {
      return .failures(hasSeenTimes: has("first seen") && has("last seen"))
    }
    if has("count") && has("message") && has("traceback") { return .exceptions }
    let requestCount = has("request count") || has("# requests")
    if has("timestamp") && has("name") && (has("total request count") || has("# requests")) {
      if !has("user count") { return .history(generation: "B") }
      return .history(generation: columns.percentileColumns.contains { $0.percentile == 99.999 } ? "C" : "D")
    }
    if has("name") && requestCount && (has("failure count") || has("# failures")) {
      if columns.percentileColumns.isEmpty { return .requests }
      if has("requests failed/s") { return .stats(generation: "B") }
      return .stats(generation: columns.percentileColumns.contains { $0.percentile == 99.999 } ? "C" : "D")
    }
    if has("name") && requestCount && !columns.percentileColumns.isEmpty { return .distribution }
    return nil
  }

  /// How the kind is named in notes and skip reasons.
  var displayName: String {
    switch self {
    case .requests: "Locust 0.x _requests.csv"
    case .distribution: "Locust 0.x _distribution.csv"
    case .stats(let generation): "Locust _stats.csv (\(Self.versions(generation)))"
    case .history(let generation): "Locust _stats_history.csv (\(Self.versions(generation)))"
    case .failures: "Locust _failures.csv"
    case .exceptions: "Locust _exceptions.csv"
    case .requestLog: "Locust CsvRequestLogger per-request log"
    }
  }

  static func versions(_ generation: String) -> String {
    switch generation {
    case "B": "Locust 0.13.3–0.14"
    case "C": "Locust 1.0–1.1"
    default: "Locust 1.2+"
    }
  }
}

/// A CSV header as a name → index map, names compared trimmed and case-insensitively, with the
/// percentile columns (`50%`, `99.9%`, the 0.14 typo `99.999`) parsed into numbers.
struct LocustColumns: Sendable {
  struct PercentileColumn: Sendable, Equatable {
    /// 0–100.
    var percentile: Double
    var index: Int
  }

  private var indices: [String: Int] = [:]
  let percentileColumns: [PercentileColumn]
  let count: Int

  init(_ header: [String]) {
    count = header.count
    var percentiles: [PercentileColumn] = []
    for (index, raw) in header.enumerated() {
      let name = raw.trimmingWhitespace().lowercased()
      if indices[name] == nil { indices[name] = index }
      var number = Substring(name)
      let hasPercent = number.hasSuffix("%")
      if hasPercent { number = number.dropLast() }
      if let value = Double(number), value > 0, value <= 100, hasPercent || name == "99.999" {
        percentiles.append(PercentileColumn(percentile: value, index: index))
      }
    }
    percentileColumns = percentiles
  }

  /// The index of the first column named `name` (lower case).
  func index(of name: String) -> Int? { indices[name] }

  /// The index of the first of several alternative names.
  func index(of names: [String]) -> Int? {
    for name in names { if let index = indices[name] { return index } }
    return nil
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
