/// Reads Locust's `--json` / `--json-file` output (2.14.1+): one object per entry with its
/// response-time histogram, so every percentile is recomputed exactly as Locust computes it
/// (`calculate_response_time_percentile`), and the `Aggregated` entry — which the JSON omits —
/// is rebuilt by summing the entries' histograms and counters.
enum LocustJSONReader {
  /// The percentiles computed for every entry: Locust's default CSV set.
  static let percentiles: [Double] = [50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100]

  /// One entry as written, with its histogram (bucket ms → count).
  struct Entry: Sendable {
    var stats: LocustEntryStats
    var histogram: [Double: Int]
    var noneRequests: Int
    var totalResponseTime: Double
  }

  /// True when `object` is a Locust `serialize_stats()` entry.
  static func isEntry(_ object: JSONObject) -> Bool {
    object["num_reqs_per_sec"] != nil && object["response_times"] != nil && object["num_requests"] != nil
  }

  /// The entries and the rebuilt total; an empty list (nothing completed) gives no entries.
  static func read(_ value: JSONValue, path: String) throws(LocustReadError) -> (entries: [LocustEntryStats], aggregate: LocustEntryStats?) {
    guard let elements = value.arrayValue else { throw .invalid(path, "top-level value is not an array of Locust entries") }
    var entries: [Entry] = []
    for (index, element) in elements.enumerated() {
      guard let object = element.objectValue, isEntry(object) else {
        throw .invalid(path, "element \(index) is not a Locust stats entry (no num_requests/response_times/num_reqs_per_sec)")
      }
      entries.append(entry(object))
    }
    guard !entries.isEmpty else { return ([], nil) }
    return (entries.map(\.stats), aggregate(of: entries))
  }

  static func entry(_ object: JSONObject) -> Entry {
    func number(_ key: String) -> Double? {
      if case .number(let value) = object[key] ?? .null { return value }
      return nil
    }
    func string(_ key: String) -> String? {
      if case .string(let value) = object[key] ?? .null { return value }
      return nil
    }
    var histogram: [Double: Int] = [:]
    if case .object(let buckets) = object["response_times"] ?? .null {
      for key in buckets.keys {
        if let bucket = Double(key), case .number(let count) = buckets[key] ?? .null { histogram[bucket, default: 0] += Int(count) }
      }
    }
    let requests = Int(number("num_requests") ?? 0)
    let none = Int(number("num_none_requests") ?? 0)
    let total = number("total_response_time") ?? 0
    var stats = LocustEntryStats(
      method: LocustCell.method(string("method")), name: string("name") ?? "", isAggregate: false, requests: requests,
      failures: Int(number("num_failures") ?? 0))
    stats.minMilliseconds = number("min_response_time")
    stats.maxMilliseconds = number("max_response_time")
    stats.startTime = number("start_time")
    stats.lastRequestTime = number("last_request_timestamp")
    fill(&stats, histogram: histogram, timedRequests: requests - none, totalResponseTime: total)
    return Entry(stats: stats, histogram: histogram, noneRequests: none, totalResponseTime: total)
  }

  /// Sums the entries as Locust's `Aggregated` entry does: histograms and counters added, the
  /// earliest start and the latest request.
  static func aggregate(of entries: [Entry]) -> LocustEntryStats {
    var histogram: [Double: Int] = [:]
    for entry in entries { histogram.merge(entry.histogram, uniquingKeysWith: +) }
    let requests = entries.reduce(0) { $0 + $1.stats.requests }
    let none = entries.reduce(0) { $0 + $1.noneRequests }
    let total = entries.reduce(0) { $0 + $1.totalResponseTime }
    var stats = LocustEntryStats(
      method: nil, name: "Aggregated", isAggregate: true, requests: requests, failures: entries.reduce(0) { $0 + $1.stats.failures })
    stats.minMilliseconds = entries.compactMap(\.stats.minMilliseconds).min()
    stats.maxMilliseconds = entries.compactMap(\.stats.maxMilliseconds).max()
    stats.startTime = entries.compactMap(\.stats.startTime).min()
    stats.lastRequestTime = entries.compactMap(\.stats.lastRequestTime).max()
    fill(&stats, histogram: histogram, timedRequests: requests - none, totalResponseTime: total)
    return stats
  }

  /// Mean, median, percentiles and rates from a histogram, as Locust derives them.
  static func fill(_ stats: inout LocustEntryStats, histogram: [Double: Int], timedRequests: Int, totalResponseTime: Double) {
    stats.responseTimeHistogram = histogram
    if timedRequests > 0 {
      stats.averageMilliseconds = totalResponseTime / Double(timedRequests)
      for p in percentiles {
        stats.percentiles[p] = percentile(histogram, count: timedRequests, fraction: p / 100)
      }
      if var median = stats.percentiles[50] {
        // Locust clamps the median bucket to the exact min and max.
        if let min = stats.minMilliseconds, median < min { median = min }
        if let max = stats.maxMilliseconds, median > max { median = max }
        stats.medianMilliseconds = median
      }
    }
    if let start = stats.startTime, let last = stats.lastRequestTime, last > start {
      let duration = last - start
      stats.durationSeconds = duration
      stats.requestsPerSecond = Double(stats.requests) / duration
      stats.failuresPerSecond = Double(stats.failures) / duration
    }
  }

  /// Locust's `calculate_response_time_percentile`: walk the buckets from the largest down until
  /// at most `int(count × fraction)` requests remain below.
  static func percentile(_ histogram: [Double: Int], count: Int, fraction: Double) -> Double {
    let allowedBelow = Int(Double(count) * fraction)
    var processed = 0
    for bucket in histogram.keys.sorted(by: >) {
      processed += histogram[bucket]!
      if count - processed <= allowedBelow { return bucket }
    }
    return 0
  }
}
