import BenchModel

/// Typed, forgiving access to a result object's keys.
///
/// The tools write numbers as ints or floats, `"inf"` as a string, `NaN` for empty statistics,
/// and users hand-edit files. Each accessor accepts every spelling that means a number and
/// records a note for a value it cannot use, so nothing is dropped silently.
struct ResultFields {
  let object: JSONObject
  private(set) var notes: [String] = []

  init(_ object: JSONObject) {
    self.object = object
  }

  func has(_ key: String) -> Bool { object[key] != nil }

  /// A finite number, or nil when absent, null, NaN or unusable (with a note for the last two).
  mutating func double(_ key: String) -> Double? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .number(let number):
      if number.isNaN {
        notes.append("\(key) is NaN; treated as unknown")
        return nil
      }
      if number.isInfinite {
        notes.append("\(key) is \(number > 0 ? "" : "-")Infinity; treated as unknown")
        return nil
      }
      return number
    case .string(let text):
      if let number = Double(text.trimmingSpaces), number.isFinite { return number }
      notes.append("\(key) is the string \"\(text.prefix(40))\", expected a number; ignored")
      return nil
    default:
      notes.append("\(key) is \(value.typeName), expected a number; ignored")
      return nil
    }
  }

  /// A duration or throughput: a finite number ≥ 0, or nil (with a note when negative — a
  /// negative duration or rate is a broken file, not a measurement).
  mutating func measure(_ key: String) -> Double? {
    guard let number = double(key) else { return nil }
    guard number >= 0 else {
      notes.append("\(key) is \(number), but a duration or throughput cannot be negative; treated as unknown")
      return nil
    }
    return number
  }

  /// A count: a non-negative whole number.
  mutating func int(_ key: String) -> Int? {
    guard let number = double(key) else { return nil }
    guard number >= 0, number.rounded() == number, number < 9.0e15 else {
      notes.append("\(key) is \(number), expected a whole number ≥ 0; ignored")
      return nil
    }
    return Int(number)
  }

  mutating func string(_ key: String) -> String? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .string(let text): return text
    case .number(let number):
      return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    case .bool(let flag): return String(flag)
    default:
      notes.append("\(key) is \(value.typeName), expected a string; ignored")
      return nil
    }
  }

  /// A request rate: a number, `Infinity`, or the strings `"inf"` / `"Infinity"`.
  mutating func requestRate(_ key: String) -> RequestRate? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .number(let number):
      if number.isInfinite && number > 0 { return .infinite }
      if number.isFinite && number > 0 { return .finite(number) }
      notes.append("\(key) is \(number), expected a positive rate; ignored")
      return nil
    case .string(let text):
      let lowered = text.trimmingSpaces.lowercased()
      if ["inf", "+inf", "infinity", "+infinity"].contains(lowered) { return .infinite }
      if let number = Double(lowered), number.isFinite, number > 0 { return .finite(number) }
      notes.append("\(key) is the string \"\(text.prefix(40))\", expected a rate; ignored")
      return nil
    default:
      notes.append("\(key) is \(value.typeName), expected a rate; ignored")
      return nil
    }
  }

  /// A latency statistic in ms: a negative one cannot be measured (SGLang writes slightly
  /// negative TPOT for retokenised outputs; hand edits do worse), so it is dropped with a note.
  mutating func latency(_ key: String) -> Double? {
    guard let value = double(key) else { return nil }
    if value < 0 {
      notes.append("\(key) is negative (\(value) ms); treated as unknown")
      return nil
    }
    return value
  }

  /// Latency summaries from keys `{stat}_{metric}{suffix}` and `p{p}_{metric}{suffix}`.
  ///
  /// vLLM spells metrics `ttft`, `tpot`, `itl`, `e2el` with suffix `_ms`; SGLang spells E2E
  /// `e2e_latency`. Percentile words follow vLLM's `p_word` rule (`p99`, `p99.9`, `p50`).
  mutating func latencySummaries(metricNames: [LatencyMetric: String]) -> [LatencyMetric: LatencySummary] {
    var summaries: [LatencyMetric: LatencySummary] = [:]
    for (metric, name) in metricNames {
      let suffix = "_\(name)_ms"
      var summary = LatencySummary()
      summary.mean = latency("mean\(suffix)")
      summary.median = latency("median\(suffix)")
      summary.standardDeviation = latency("std\(suffix)")
      for key in object.keys where key.hasPrefix("p") && key.hasSuffix(suffix) {
        let word = key.dropFirst().dropLast(suffix.count)
        guard let p = Double(word), p >= 0, p <= 100 else { continue }
        if let value = latency(key) { summary.percentiles[p] = value }
      }
      if !summary.isEmpty { summaries[metric] = summary }
    }
    return summaries
  }
}

extension String {
  var trimmingSpaces: Substring {
    var text = self[...]
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return text
  }
}
