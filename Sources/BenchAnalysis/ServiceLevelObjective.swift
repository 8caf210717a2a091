import BenchModel
import Foundation

/// A user's service-level objective, e.g. `ttft_p99=800ms` or `error_rate=1%`: a level that
/// breaks it is not stable.
public struct ServiceLevelObjective: Sendable, Hashable, CustomStringConvertible {
  public enum Target: Sendable, Hashable {
    /// A latency statistic must stay at or below a limit in milliseconds.
    case latency(LatencyMetric, LatencyStatistic, limitMilliseconds: Double)
    /// The failed share of requests must stay at or below a fraction (0.01 = 1 %).
    case errorRate(maximumFraction: Double)
    /// Successful requests per second must reach at least this (`qps_min=50`). A goal, not a
    /// limit: checked in the target table, never a reason for instability.
    case minimumThroughput(requestsPerSecond: Double)
  }

  public var target: Target
  /// The text the user wrote, quoted back in reports.
  public var text: String

  public init(target: Target, text: String) {
    self.target = target
    self.text = text
  }

  public var description: String { text }

  /// Parses a comma-separated list: `ttft_p99=800ms,tpot_p99=100ms,e2el_p99=10s,error_rate=1%,qps_min=50`.
  public static func parseList(_ text: String) throws(SettingsError) -> [ServiceLevelObjective] {
    try text.split(separator: ",").map { item throws(SettingsError) in try parse(String(item)) }
  }

  /// Parses one objective; latency units `ms` (default) or `s`, error rate in `%` or a fraction.
  public static func parse(_ raw: String) throws(SettingsError) -> ServiceLevelObjective {
    let item = raw.trimmingCharacters(in: .whitespaces)
    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[1].isEmpty else {
      throw .invalidSLO(item, reason: "expected NAME=VALUE, e.g. ttft_p99=800ms")
    }
    let name = parts[0].lowercased()
    let value = parts[1].lowercased()
    if ["error_rate", "errors", "failure_rate"].contains(name) {
      guard let fraction = Self.fraction(value) else {
        throw .invalidSLO(item, reason: "error rate must be a percentage like 1% or a fraction like 0.01")
      }
      return ServiceLevelObjective(target: .errorRate(maximumFraction: fraction), text: item)
    }
    if ["qps_min", "rps_min", "throughput_min", "min_qps", "min_rps"].contains(name) {
      guard let rate = Double(value.hasSuffix("req/s") ? String(value.dropLast(5)) : value), rate.isFinite, rate > 0 else {
        throw .invalidSLO(item, reason: "a throughput target must be a positive number of requests per second, e.g. qps_min=50")
      }
      return ServiceLevelObjective(target: .minimumThroughput(requestsPerSecond: rate), text: item)
    }
    var nameParts = name.split(separator: "_", maxSplits: 1).map(String.init)
    // Locust calls the end-to-end latency the response time: rt_p99, response_time_p99.
    if name.hasPrefix("response_time_") { nameParts = ["e2el", String(name.dropFirst("response_time_".count))] }
    let aliases = ["e2e": "e2el", "rt": "e2el", "latency": "e2el"]
    guard nameParts.count == 2, let metric = LatencyMetric(rawValue: aliases[nameParts[0]] ?? nameParts[0]) else {
      throw .invalidSLO(
        item,
        reason: "unknown metric '\(parts[0])'; use ttft_, tpot_, itl_ or e2el_ (rt_ for a Locust response time) followed by mean or pNN, error_rate, or qps_min")
    }
    guard let statistic = LatencyStatistic(parsing: nameParts[1]) else {
      throw .invalidSLO(item, reason: "unknown statistic '\(nameParts[1])'; use mean, median or pNN (p50, p90, p95, p99, p99.9)")
    }
    guard let milliseconds = Self.milliseconds(value) else {
      throw .invalidSLO(item, reason: "limit '\(parts[1])' is not a duration; write e.g. 800ms or 1.5s")
    }
    return ServiceLevelObjective(target: .latency(metric, statistic, limitMilliseconds: milliseconds), text: item)
  }

  /// `800ms`, `800`, `1.5s` → milliseconds.
  static func milliseconds(_ text: String) -> Double? {
    let scale: Double
    var number = text
    if number.hasSuffix("ms") {
      number.removeLast(2)
      scale = 1
    } else if number.hasSuffix("s") {
      number.removeLast()
      scale = 1000
    } else {
      scale = 1
    }
    guard let value = Double(number), value.isFinite, value > 0 else { return nil }
    return value * scale
  }

  /// `1%` → 0.01, `0.01` → 0.01.
  static func fraction(_ text: String) -> Double? {
    if text.hasSuffix("%") {
      guard let value = Double(text.dropLast()), value >= 0, value <= 100 else { return nil }
      return value / 100
    }
    guard let value = Double(text), value >= 0, value <= 1 else { return nil }
    return value
  }
}
