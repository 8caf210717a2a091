import BenchModel

/// The findings of one analysed sweep, from its verdicts and numbers: what limited the load,
/// what cannot be judged, where the limit is and what to run next. Every finding carries the
/// numbers its text states.
public enum SweepFindings {
  static func findings(
    levels: [LevelMetrics], stability: StabilityVerdict, recommendationWithheld: Bool, variable: LoadVariable,
    settings: AnalysisSettings, failedAttempts: [LoadLevel: String] = [:], soakOnly: Bool = false
  ) -> [Finding] {
    var findings: [Finding] = []
    let verdicts = stability.verdicts
    func metrics(_ level: LoadLevel) -> LevelMetrics? { levels.first { $0.level == level } }

    // Unreachable server.
    var unreachable: [(LoadLevel, Int, String?)] = []
    var thin: [(LoadLevel, Insufficiency)] = []
    var rateCaps: [(LoadLevel, Double, Double, Double?)] = []
    var fewPrompts: [(LoadLevel, Int, Int)] = []
    var concurrencyCaps: [(LoadLevel, Int, Double, Double, Double)] = []
    var overloads: [(LoadLevel, OverloadEvidence)] = []
    for verdict in verdicts {
      for reason in verdict.reasons {
        switch reason {
        case .insufficientData(.unreachable(let attempted, let error)): unreachable.append((verdict.level, attempted, error))
        case .insufficientData(let insufficiency) where verdict.kind == .insufficient: thin.append((verdict.level, insufficiency))
        case .clientLimited(.rateCap(let cap, let served, let inFlight, _)) where verdict.kind == .clientLimited:
          rateCaps.append((verdict.level, cap, served, inFlight))
        case .clientLimited(.promptsBelowConcurrency(let requests, let concurrency)) where verdict.kind == .clientLimited:
          fewPrompts.append((verdict.level, requests, concurrency))
        case .clientLimited(.concurrencyCap(let limit, let inFlight, let offered, let served)) where verdict.kind == .clientLimited:
          concurrencyCaps.append((verdict.level, limit, inFlight, offered, served))
        case .overloaded(let evidence): overloads.append((verdict.level, evidence))
        default: break
        }
      }
    }
    if let first = unreachable.first {
      var evidence: [FindingEvidence] = [.number("attempted", Double(unreachable.map(\.1).reduce(0, +)), .count)]
      if let error = first.2 { evidence.append(.text("error", String(error.prefix(200)))) }
      findings.append(Finding(code: .serverUnreachable, severity: .critical, levels: unreachable.map(\.0), evidence: evidence))
    }
    if let first = thin.first {
      var evidence: [FindingEvidence] = [
        .level("level", first.0), .number("minRequests", Double(settings.minimumRequests), .count),
        .number("minDurationSeconds", settings.minimumDurationSeconds, .seconds),
      ]
      if let level = metrics(first.0) {
        if let requests = level.requests ?? level.completed { evidence.append(.number("requests", Double(requests), .count)) }
        if let duration = level.duration { evidence.append(.number("durationSeconds", duration, .seconds)) }
        if let completed = level.completed { evidence.append(.number("completed", Double(completed), .count)) }
      }
      findings.append(Finding(code: .insufficientData, severity: .warning, levels: thin.map(\.0), evidence: evidence))
    }
    if recommendationWithheld {
      let judged = verdicts.filter { $0.kind != .insufficient }.count
      findings.append(
        Finding(
          code: .insufficientData, severity: .warning,
          evidence: [
            .number("judgedLevels", Double(judged), .count), .number("minLevels", Double(settings.minimumLevels), .count),
          ]))
    }

    // Client limits.
    if let first = rateCaps.first {
      var evidence: [FindingEvidence] = [
        .number("cap", first.1, .requestsPerSecond), .level("firstLevel", first.0),
        .number("servedMax", rateCaps.map(\.2).max() ?? first.2, .requestsPerSecond),
      ]
      let inFlight = rateCaps.compactMap(\.3)
      if let most = inFlight.max() { evidence.append(.number("inFlightMax", most, .inFlight)) }
      findings.append(Finding(code: .clientRateCap, severity: .warning, levels: rateCaps.map(\.0), evidence: evidence))
    }
    if let first = fewPrompts.first {
      findings.append(
        Finding(
          code: .promptsBelowConcurrency, severity: .warning, levels: fewPrompts.map(\.0),
          evidence: [.number("requests", Double(first.1), .count), .level("firstLevel", first.0)]))
    }
    if let first = concurrencyCaps.first {
      findings.append(
        Finding(
          code: .clientConcurrencyCap, severity: .warning, levels: concurrencyCaps.map(\.0),
          evidence: [
            .number("limit", Double(first.1), .count), .level("firstLevel", first.0), .number("inFlight", first.2, .inFlight),
            .number("served", first.4, .requestsPerSecond),
          ]))
    }

    // Overload.
    if let first = overloads.first {
      let evidence = first.1
      var values: [FindingEvidence] = [
        .level("level", first.0), .number("offered", evidence.offered, .requestsPerSecond),
        .number("served", evidence.served, .requestsPerSecond), .number("servedFraction", evidence.servedFraction, .fraction),
        .number("minimum", evidence.minimum, .fraction),
      ]
      if let ratio = evidence.latencyRatio { values.append(.number("latencyRatio", ratio, .ratio)) }
      if let ratio = evidence.positionLatencyRatio { values.append(.number("positionLatencyRatio", ratio, .ratio)) }
      if evidence.unloadedLatencySeconds > 0 {
        values.append(.number("unloadedLatencySeconds", evidence.unloadedLatencySeconds, .seconds))
      }
      findings.append(Finding(code: .overloaded, severity: .critical, levels: overloads.map(\.0), evidence: values))
    }

    // The limit: found, or not reached.
    if let firstUnstable = stability.firstUnstable, let kind = stability.deciding {
      var evidence: [FindingEvidence] = [.level("firstFailing", firstUnstable), .text("kind", kind.rawValue)]
      if let maxStable = stability.maxStable {
        evidence.insert(.level("maxStable", maxStable), at: 0)
        // A cliff or a gradual rise: the latency at the first failing level against the stable
        // one (TTFT at the limit's statistic, else the median request time).
        if let stable = metrics(maxStable), let failing = metrics(firstUnstable),
          let jump = latencyJump(from: stable, to: failing, settings: settings)
        {
          evidence.append(.number("jump", jump, .ratio))
          evidence.append(.text("shape", jump >= cliffRatio ? "cliff" : "gradual"))
        }
        if let next = bisection(maxStable, firstUnstable) {
          evidence.append(.level("next", next))
          if let file = failedAttempts[next] { evidence.append(.text("attemptFile", file)) }
        }
      }
      findings.append(Finding(code: .limitFound, severity: .info, levels: [firstUnstable], evidence: evidence))
    } else if let maxStable = stability.maxStable, rateCaps.isEmpty, fewPrompts.isEmpty, concurrencyCaps.isEmpty, !soakOnly {
      var evidence: [FindingEvidence] = [.level("highest", maxStable)]
      if let next = nextLevel(after: levels.map(\.level)) {
        evidence.append(.level("next", next))
        if let file = failedAttempts[next] { evidence.append(.text("attemptFile", file)) }
      }
      findings.append(Finding(code: .notSaturated, severity: .info, levels: [maxStable], evidence: evidence))
    }
    return findings.sorted { $0.severity > $1.severity }
  }

  /// Latency at the first failing level this many times the stable level's: a cliff.
  public static let cliffRatio = 3.0

  static func latencyJump(from stable: LevelMetrics, to failing: LevelMetrics, settings: AnalysisSettings) -> Double? {
    let pairs: [(Double?, Double?)] = [
      (settings.ttftStatistic.value(in: stable.latency[.ttft]), settings.ttftStatistic.value(in: failing.latency[.ttft])),
      (stable.latency[.e2el]?.percentile(50) ?? stable.latency[.e2el]?.mean, failing.latency[.e2el]?.percentile(50) ?? failing.latency[.e2el]?.mean),
    ]
    for case let (before?, after?) in pairs where before > 0 { return after / before }
    return nil
  }

  /// The level halfway (geometrically for doublings) between a stable and a failing level, to
  /// narrow the limit; nil when none lies between.
  public static func bisection(_ stable: LoadLevel, _ failing: LoadLevel) -> LoadLevel? {
    switch (stable, failing) {
    case (.concurrency(let low), .concurrency(let high)):
      let middle = Int((Double(low) * Double(high)).squareRoot().rounded())
      return middle > low && middle < high ? .concurrency(middle) : nil
    case (.users(let low), .users(let high)):
      let middle = Int((Double(low) * Double(high)).squareRoot().rounded())
      return middle > low && middle < high ? .users(middle) : nil
    case (.requestRate(.finite(let low)), .requestRate(.finite(let high))) where high > low * 1.1:
      let middle = ((low * high).squareRoot() * 10).rounded() / 10
      return middle > low && middle < high ? .requestRate(.finite(middle)) : nil
    default:
      return nil
    }
  }

  /// The next step of the sweep after its highest finite level: twice it for a doubling sweep,
  /// one more step of the same size for an evenly spaced one (10, 12, …, 20 → 22); nil when
  /// ∞ was already tested.
  public static func nextLevel(after levels: [LoadLevel]) -> LoadLevel? {
    let finite = levels.filter { $0.numericValue.isFinite && $0.numericValue > 0 }
    guard let last = finite.last, !levels.contains(.requestRate(.infinite)) else { return nil }
    let values = finite.map(\.numericValue)
    let arithmetic = values.count >= 3 && ThroughputKnee.evenlySpacedAxis(for: values) == .linear
    let next = arithmetic ? 2 * values[values.count - 1] - values[values.count - 2] : 2 * last.numericValue
    switch last {
    case .concurrency: return .concurrency(Int(next.rounded()))
    case .users: return .users(Int(next.rounded()))
    case .requestRate: return .requestRate(.finite(next))
    }
  }
}
