import BenchModel
import Foundation

/// The thresholds that decide stability and the recommendation. Defaults follow common
/// load-test practice; every one is a flag and a `benchreport.yaml` key.
public struct AnalysisSettings: Sendable, Equatable {
  /// A level with a lower success rate (completed / attempted) is unstable. 0.95 = 95 %.
  public var minimumSuccessRate: Double = 0.95
  /// TTFT above this many milliseconds is unstable.
  public var ttftLimitMilliseconds: Double = 1000
  /// Which TTFT statistic the limit applies to.
  public var ttftStatistic: LatencyStatistic = .percentile(99)
  /// Throughput must grow at least this much (0.2 = 20 %) from one level to the next.
  public var minimumThroughputGrowth: Double = 0.20
  /// The recommended range as fractions of the max stable level.
  public var headroomLow: Double = 0.7
  public var headroomHigh: Double = 0.8
  /// User objectives; any breach makes a level unstable.
  public var objectives: [ServiceLevelObjective] = []
  /// An open-loop level whose served rate (corrected for the last request's time) is below
  /// this fraction of the offered rate is `overloaded`; a closed-loop level that reaches this
  /// fraction of its client's `--request-rate` is `client-limited`.
  public var minimumServedFraction: Double = 0.90
  /// A level with fewer attempted requests than this is `insufficient`.
  public var minimumRequests: Int = 20
  /// A level that lasted less than this many seconds is `insufficient`.
  public var minimumDurationSeconds: Double = 5
  /// A recommendation needs at least this many levels with enough data.
  public var minimumLevels: Int = 2
  /// The bands of the per-level ratings (`ratings:` in `benchreport.yaml`).
  public var ratings = RatingSettings()
  /// Named target sets for the capacity table (`slo_tiers:` in `benchreport.yaml`).
  public var sloTiers: [SLOTier] = []
  /// A constant-load run at least this long is a soak: its trend over time is checked.
  public var soakMinutes: Double = 30
  /// The zone of times written without one (vLLM `date`, nvidia-smi timestamps) when they are
  /// joined with Unix times; nil = this machine's zone (`timezone:` in `benchreport.yaml`).
  public var timeZone: TimeZone?

  public init() {}

  /// Setting names accepted in `benchreport.yaml` under `thresholds:`.
  public static let settingNames = [
    "success_rate", "ttft_limit", "ttft_statistic", "min_throughput_growth", "headroom", "slo",
    "served_fraction", "min_requests", "min_duration", "min_levels", "soak_minutes", "timezone",
  ]

  /// Applies one named setting written as text (`95%`, `1000ms`, `p99`, `0.7-0.8`, …).
  public mutating func apply(_ name: String, _ value: String) throws(SettingsError) {
    let text = value.trimmingCharacters(in: .whitespaces)
    if name.hasPrefix("slo_tier.") {
      let tier = String(name.dropFirst("slo_tier.".count))
      sloTiers.removeAll { $0.name == tier }
      sloTiers.append(SLOTier(name: tier, objectives: try ServiceLevelObjective.parseList(text)))
      return
    }
    if name.hasPrefix("ratings.") {
      try applyRating(String(name.dropFirst("ratings.".count)), text)
      return
    }
    switch name {
    case "success_rate":
      guard let fraction = ServiceLevelObjective.fraction(text.lowercased()) ?? Self.percentWithoutSign(text) else {
        throw .invalidValue(setting: name, value: text, expected: "a percentage like 95% or a fraction like 0.95")
      }
      minimumSuccessRate = fraction
    case "ttft_limit":
      guard let milliseconds = ServiceLevelObjective.milliseconds(text.lowercased()) else {
        throw .invalidValue(setting: name, value: text, expected: "a duration like 1000ms or 1s")
      }
      ttftLimitMilliseconds = milliseconds
    case "ttft_statistic":
      guard let statistic = LatencyStatistic(parsing: text) else {
        throw .invalidValue(setting: name, value: text, expected: "mean, median or pNN (p90, p95, p99)")
      }
      ttftStatistic = statistic
    case "min_throughput_growth":
      guard let fraction = ServiceLevelObjective.fraction(text.lowercased()) ?? Self.percentWithoutSign(text) else {
        throw .invalidValue(setting: name, value: text, expected: "a percentage like 20% or a fraction like 0.2")
      }
      minimumThroughputGrowth = fraction
    case "headroom":
      let bounds = text.split(separator: "-").compactMap { Double($0.trimmingCharacters(in: .whitespaces).replacingPercent()) }
      guard bounds.count == 2, bounds[0] > 0, bounds[0] <= bounds[1], bounds[1] <= 1 else {
        throw .invalidValue(setting: name, value: text, expected: "two fractions LOW-HIGH with 0 < LOW ≤ HIGH ≤ 1, e.g. 0.7-0.8")
      }
      headroomLow = bounds[0]
      headroomHigh = bounds[1]
    case "slo":
      objectives = try ServiceLevelObjective.parseList(text)
    case "served_fraction":
      guard let fraction = ServiceLevelObjective.fraction(text.lowercased()) ?? Self.percentWithoutSign(text), fraction > 0, fraction <= 1
      else {
        throw .invalidValue(setting: name, value: text, expected: "a percentage like 90% or a fraction like 0.9")
      }
      minimumServedFraction = fraction
    case "min_requests":
      minimumRequests = try Self.positiveCount(name, text, expected: "a whole number of requests ≥ 1, e.g. 20")
    case "min_duration":
      guard let milliseconds = ServiceLevelObjective.milliseconds(text.lowercased()), milliseconds >= 0 else {
        throw .invalidValue(setting: name, value: text, expected: "a duration like 5s or 30s")
      }
      minimumDurationSeconds = milliseconds / 1000
    case "soak_minutes":
      guard let minutes = Double(text), minutes > 0 else {
        throw .invalidValue(setting: name, value: text, expected: "a number of minutes > 0, e.g. 30")
      }
      soakMinutes = minutes
    case "timezone":
      guard let zone = Self.timeZone(text) else {
        throw .invalidValue(setting: name, value: text, expected: "a zone name like Asia/Shanghai or UTC, or an offset like +08:00")
      }
      timeZone = zone
    case "min_levels":
      minimumLevels = try Self.positiveCount(name, text, expected: "a whole number of levels ≥ 1, e.g. 2")
    default:
      throw .unknownSetting(name, known: Self.settingNames)
    }
  }

  /// A whole number ≥ 1, or the error that names the setting.
  static func positiveCount(_ name: String, _ text: String, expected: String) throws(SettingsError) -> Int {
    guard let count = Int(text), count >= 1 else { throw .invalidValue(setting: name, value: text, expected: expected) }
    return count
  }

  /// `Asia/Shanghai`, `UTC`, `local`, `+08:00`, `UTC+8`, `-0530`.
  static func timeZone(_ text: String) -> TimeZone? {
    if text.lowercased() == "local" { return TimeZone.current }
    if let zone = TimeZone(identifier: text) { return zone }
    var rest = Substring(text)
    for prefix in ["UTC", "GMT"] where rest.uppercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
    guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
    let digits = rest.dropFirst().filter { $0 != ":" }
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isNumber) else { return nil }
    let hours = digits.count <= 2 ? Int(digits)! : Int(digits.prefix(digits.count - 2))!
    let minutes = digits.count <= 2 ? 0 : Int(digits.suffix(2))!
    guard hours <= 14, minutes < 60 else { return nil }
    return TimeZone(secondsFromGMT: (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60))
  }

  /// Rating names accepted under `ratings:` in `benchreport.yaml`.
  public static let ratingNames = ["statistic", "ttft", "tpot", "request_throughput", "success_rate"]

  /// One `ratings:` entry: three band edges (`100ms, 200ms, 500ms`; `20, 10, 5`;
  /// `99%, 95%, 90%`) or the statistic rated (`median`, `p90`, `mean`).
  mutating func applyRating(_ name: String, _ text: String) throws(SettingsError) {
    let setting = "ratings." + name
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    func edges(_ parse: (String) -> Double?, ascending: Bool, expected: String) throws(SettingsError) -> [Double] {
      let values = parts.compactMap(parse)
      guard values.count == 3, values.count == parts.count, ascending ? values == values.sorted() : values == values.sorted(by: >)
      else { throw .invalidValue(setting: setting, value: text, expected: expected) }
      return values
    }
    switch name {
    case "statistic":
      guard let statistic = LatencyStatistic(parsing: text) else {
        throw .invalidValue(setting: setting, value: text, expected: "mean, median or pNN")
      }
      ratings.statistic = statistic
    case "ttft":
      ratings.ttft.edges = try edges(ServiceLevelObjective.milliseconds, ascending: true, expected: "three ascending durations, e.g. 100ms, 200ms, 500ms")
    case "tpot":
      ratings.tpot.edges = try edges(ServiceLevelObjective.milliseconds, ascending: true, expected: "three ascending durations, e.g. 50ms, 100ms, 200ms")
    case "request_throughput":
      ratings.requestThroughput.edges = try edges({ Double($0) }, ascending: false, expected: "three descending req/s values, e.g. 20, 10, 5")
    case "success_rate":
      ratings.successRate.edges = try edges(
        { ServiceLevelObjective.fraction($0) ?? Self.percentWithoutSign($0) }, ascending: false,
        expected: "three descending percentages, e.g. 99%, 95%, 90%")
    default:
      throw .unknownSetting(setting, known: Self.ratingNames.map { "ratings." + $0 })
    }
  }

  /// `95` meaning 95 % (values above 1 are taken as percentages).
  static func percentWithoutSign(_ text: String) -> Double? {
    guard let value = Double(text), value > 1, value <= 100 else { return nil }
    return value / 100
  }
}

extension String {
  /// `75%` → `0.75`; other text unchanged.
  fileprivate func replacingPercent() -> String {
    guard hasSuffix("%"), let value = Double(dropLast()) else { return self }
    return String(value / 100)
  }
}
