import BenchModel

/// Load levels recovered from a file name, used only when the JSON does not say.
///
/// The tools' default names carry them (`openai-10.0qps-concurrency64-…json`,
/// `serving_…_qps_inf.json`), but custom `--result-filename`s are common, so this is a
/// fallback and every use is noted on the run.
enum FileNameHints {
  static func concurrency(in fileName: String) -> Int? {
    for pattern in ["concurrency", "max_concurrency=", "conc", "_c"] {
      if let value = number(after: pattern, in: fileName), let integer = Int(value) { return integer }
    }
    return nil
  }

  /// Locust user counts in names: `u64`, `users_64`, `64users`, `baseline_25_clients`, `-u64`.
  static func users(in fileName: String) -> Int? {
    let lowered = fileName.lowercased()
    for pattern in ["users_", "users-", "users=", "users", "user_", "clients_", "clients", "-u", "_u", "u"] {
      var search = lowered[...]
      while let range = search.range(of: pattern) {
        let before = range.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: range.lowerBound)]
        let digits = lowered[range.upperBound...].prefix { $0.isNumber }
        let after = lowered[range.upperBound...].dropFirst(digits.count).first
        // `u64` must stand alone (`run_u64_stats`, `u64`), not end a word (`menu2`).
        let standsAlone = pattern != "u" || before == nil || !(before!.isLetter)
        if standsAlone, !digits.isEmpty, after == nil || !(after!.isLetter), let value = Int(digits), value > 0 { return value }
        search = lowered[range.upperBound...]
      }
    }
    // `64users`, `25_clients`, `64-users`
    for marker in ["users", "clients", "user"] {
      guard let range = lowered.range(of: marker) else { continue }
      var end = range.lowerBound
      while end > lowered.startIndex, "_- ".contains(lowered[lowered.index(before: end)]) { end = lowered.index(before: end) }
      var start = end
      while start > lowered.startIndex, lowered[lowered.index(before: start)].isNumber { start = lowered.index(before: start) }
      if start < end, let value = Int(lowered[start..<end]), value > 0 { return value }
    }
    return nil
  }

  static func requestRate(in fileName: String) -> RequestRate? {
    let lowered = fileName.lowercased()
    // `10.0qps`, `infqps`
    if let range = lowered.range(of: "qps") {
      var start = range.lowerBound
      while start > lowered.startIndex {
        let previous = lowered.index(before: start)
        guard lowered[previous].isNumber || lowered[previous] == "." || "inf".contains(lowered[previous]) else { break }
        start = previous
      }
      if let rate = parseRate(String(lowered[start..<range.lowerBound])) { return rate }
    }
    // `qps_16`, `qps_inf`, `request_rate=4`
    for pattern in ["qps_", "qps-", "request_rate=", "rate"] {
      if let value = number(after: pattern, in: lowered, allowInf: true), let rate = parseRate(value) {
        return rate
      }
    }
    return nil
  }

  private static func parseRate(_ text: String) -> RequestRate? {
    if text == "inf" { return .infinite }
    if let value = Double(text), value > 0 { return .finite(value) }
    return nil
  }

  private static func number(after marker: String, in text: String, allowInf: Bool = false) -> String? {
    guard let range = text.range(of: marker) else { return nil }
    let rest = text[range.upperBound...]
    if allowInf && rest.hasPrefix("inf") { return "inf" }
    let digits = rest.prefix { $0.isNumber || $0 == "." }
    let trimmed = digits.hasSuffix(".") ? digits.dropLast() : digits
    return trimmed.isEmpty ? nil : String(trimmed)
  }
}
