import BenchModel
import Foundation

/// One `--fail-on` rule: a metric or decision, a direction and how much change fails, e.g.
/// `ttft_p99:+10%` (p99 TTFT up by 10 % or more), `output_throughput:-5%`,
/// `success_rate:-1pt`, `e2el_p99:+200ms`, `max_stable:-25%`.
///
/// A rule fires only on changes that are beyond noise (see `ComparisonSettings`): a CI gate
/// that fails on noise is one people learn to ignore.
public struct RegressionRule: Sendable, Equatable, CustomStringConvertible {
  public enum Subject: Sendable, Equatable {
    case metric(ComparedMetric)
    case decision(DecisionChange.Kind)
  }

  public enum Amount: Sendable, Equatable {
    /// Relative to the base: 0.1 = 10 %.
    case relative(Double)
    /// Percentage points of a rate: 0.01 = 1 point.
    case points(Double)
    /// Milliseconds (latency).
    case milliseconds(Double)
    /// In the metric's own unit (tok/s, req/s, a level).
    case absolute(Double)
  }

  public var subject: Subject
  /// True for `+` (fires on increases), false for `-`.
  public var increase: Bool
  public var amount: Amount
  /// The rule as written.
  public var text: String

  public var description: String { text }

  /// Parses a comma-separated list.
  public static func parseList(_ text: String) throws(RuleError) -> [RegressionRule] {
    var rules: [RegressionRule] = []
    for part in text.split(separator: ",") { rules.append(try RegressionRule(parsing: String(part))) }
    return rules
  }

  public init(parsing raw: String) throws(RuleError) {
    let text = raw.trimmingCharacters(in: .whitespaces)
    self.text = text
    guard let colon = text.firstIndex(of: ":") else { throw .missingColon(rule: text) }
    let name = text[..<colon].trimmingCharacters(in: .whitespaces)
    var change = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
    if let metric = ComparedMetric(key: name), ComparedMetric.catalogue.contains(metric) {
      subject = .metric(metric)
    } else if let decision = DecisionChange.Kind(key: name) {
      subject = .decision(decision)
    } else {
      throw .unknownMetric(rule: text, name: name)
    }
    guard let sign = change.first, sign == "+" || sign == "-" || sign == "−" else {
      throw .missingSign(rule: text)
    }
    increase = sign == "+"
    change.removeFirst()
    let units: [(String, (Double) -> Amount)] = [
      ("%", { .relative($0 / 100) }), ("pt", { .points($0 / 100) }), ("pp", { .points($0 / 100) }),
      ("ms", { .milliseconds($0) }), ("s", { .milliseconds($0 * 1000) }),
    ]
    var parsed: Amount?
    for (suffix, make) in units where change.hasSuffix(suffix) {
      guard let value = Double(change.dropLast(suffix.count)), value >= 0, value.isFinite else {
        throw .invalidAmount(rule: text)
      }
      parsed = make(value)
      break
    }
    if parsed == nil {
      guard let value = Double(change), value >= 0, value.isFinite else { throw .invalidAmount(rule: text) }
      parsed = .absolute(value)
    }
    amount = parsed!
    try validate()
  }

  /// Units that make no sense for the subject are refused up front, not silently ignored.
  private func validate() throws(RuleError) {
    switch (subject, amount) {
    case (.metric(.successRate), .milliseconds), (.metric(.successRate), .absolute):
      throw .unitMismatch(rule: text, expected: "pt (percentage points) or % for success_rate")
    case (.metric(let metric), .points) where metric != .successRate:
      throw .unitMismatch(rule: text, expected: "% or an amount in the metric's unit; pt is for success_rate")
    case (.metric(let metric), .milliseconds) where !metric.isLatency:
      throw .unitMismatch(rule: text, expected: "% or an amount in the metric's unit; ms is for latency")
    case (.decision, .milliseconds), (.decision, .points):
      throw .unitMismatch(rule: text, expected: "% or an amount in the decision's unit")
    default: return
    }
  }

  /// True when `change` moved in the rule's direction by at least its amount and is beyond noise.
  public func fires(on change: MetricChange) -> Bool {
    guard case .metric(let metric) = subject, metric == change.metric, change.isSignificant else { return false }
    return exceeded(absolute: change.absolute, relative: change.relative)
  }

  /// True when the decision moved in the rule's direction by at least its amount.
  public func fires(on change: DecisionChange) -> Bool {
    guard case .decision(let kind) = subject, kind == change.kind, change.assessment != .unchanged else { return false }
    let absolute: Double? = if let b = change.base, let n = change.new { n - b } else { nil }
    return exceeded(absolute: absolute, relative: change.relative)
  }

  private func exceeded(absolute: Double?, relative: Double?) -> Bool {
    let moved: Double?
    let limit: Double
    switch amount {
    case .relative(let value):
      moved = relative
      limit = value
    case .points(let value), .milliseconds(let value), .absolute(let value):
      moved = absolute
      limit = value
    }
    guard let moved else { return false }
    let directed = increase ? moved : -moved
    return directed > 0 && directed >= limit - 1e-12
  }
}

/// A `--fail-on` rule that cannot be understood, with what to write instead.
public enum RuleError: Error, Equatable, CustomStringConvertible {
  case missingColon(rule: String)
  case unknownMetric(rule: String, name: String)
  case missingSign(rule: String)
  case invalidAmount(rule: String)
  case unitMismatch(rule: String, expected: String)

  public var description: String {
    switch self {
    case .missingColon(let rule):
      "rule '\(rule)': write METRIC:CHANGE, e.g. ttft_p99:+10% or output_throughput:-5%"
    case .unknownMetric(let rule, let name):
      "rule '\(rule)': unknown metric '\(name)'; use one of \(Self.knownNames)"
    case .missingSign(let rule):
      "rule '\(rule)': the change needs a direction, + (increase) or - (decrease), e.g. ttft_p99:+10%"
    case .invalidAmount(let rule):
      "rule '\(rule)': the amount must be a non-negative number with %, pt, ms, s or no unit, e.g. +10%, -1pt, +200ms"
    case .unitMismatch(let rule, let expected):
      "rule '\(rule)': use \(expected)"
    }
  }

  static var knownNames: String {
    (ComparedMetric.catalogue.map(\.key) + DecisionChange.Kind.allCases.map(\.rawValue)).joined(separator: ", ")
  }
}
