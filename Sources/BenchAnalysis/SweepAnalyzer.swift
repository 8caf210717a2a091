import BenchModel
import Foundation

/// Analyses a sweep: per-level metrics, concurrency efficiency, throughput knee, max stable
/// level and the recommended production range. Pure: same sweep and settings, same result.
public enum SweepAnalyzer {
  /// `failedAttempts`: levels the sweep tried without a result (see `FailedAttempts` in the
  /// ingest), with the file that shows it; the next level to test is never one of them unasked.
  public static func analyze(
    _ sweep: Sweep, settings: AnalysisSettings = AnalysisSettings(), failedAttempts: [LoadLevel: String] = [:],
    metrics: MetricsTimeline = MetricsTimeline()
  ) -> SweepAnalysis {
    // Levels ascending and runs by source, however the caller built the sweep: the growth rule
    // and the knee compare neighbouring levels, and repetitions are averaged in run order.
    var sweep = sweep
    sweep.levels = sweep.levels.sorted { $0.level < $1.level }.map { level in
      SweepLevel(level: level.level, runs: level.runs.sorted { $0.source < $1.source })
    }
    var levels = sweep.levels.map(LevelAggregator.metrics(of:))
    let targetChecks = TargetCheck.evaluate(levels, objectives: settings.objectives)
    addEfficiency(to: &levels, variable: sweep.variable)
    let resources = ResourceJoin.join(sweep, levels: levels, metrics: metrics, timeZone: settings.timeZone ?? TimeZone.current)
    for index in levels.indices {
      levels[index].gpu = resources.gpu[levels[index].level]
      levels[index].server = resources.server[levels[index].level]
    }
    let measure = ThroughputMeasure.choose(for: levels)
    let knee = findKnee(levels, measure: measure, minimumGrowth: settings.minimumThroughputGrowth)
    let stability = assessStability(levels, sweep: sweep, measure: measure, settings: settings)
    let judgedLevels = stability.verdicts.filter { $0.kind != .insufficient }.count
    let withheld = stability.maxStable != nil && judgedLevels < settings.minimumLevels
    let recommendation = withheld ? nil : recommend(stability, levels: levels, settings: settings)
    // A soak (one long constant load) is a test of time, not of capacity: its missing
    // recommendation is no finding.
    let scenarios = ScenarioKind.classify(sweep, levels: levels, stability: stability, settings: settings)
    let soakOnly = !scenarios.isEmpty && scenarios.values.allSatisfy { $0 == .soak }
    var findings = SweepFindings.findings(
      levels: levels, stability: stability, recommendationWithheld: withheld && !soakOnly, variable: sweep.variable,
      settings: settings, failedAttempts: failedAttempts, soakOnly: soakOnly)
    let failureCauses = FailureCauses.table(sweep, levels: levels)
    findings += SweepDiagnosis(
      sweep: sweep, levels: levels, stability: stability, settings: settings, failureCauses: failureCauses
    ).findings()
    findings += ResourceFindings(levels: levels, stability: stability).findings()
    // What the readers found about the runs, each once.
    for finding in sweep.runs.flatMap(\.findings) where !findings.contains(finding) { findings.append(finding) }
    findings.sort { $0.severity > $1.severity }
    return SweepAnalysis(
      sweep: sweep, levels: levels, knee: knee, stability: stability,
      recommendation: recommendation, settings: settings, targetChecks: targetChecks, findings: findings,
      kneeAtClientLimit: kneeAtClientLimit(knee, stability: stability),
      ratings: levels.map { LevelRatings.rate($0, settings: settings.ratings) },
      failureCauses: failureCauses,
      tierCapacities: settings.sloTiers.map { TierCapacity.evaluate($0, levels: levels, stability: stability) },
      scenarios: scenarios,
      failedAttempts: failedAttempts, resourceNotes: resources.notes)
  }

  // MARK: Efficiency

  /// Efficiency = throughput per unit of load; scaling efficiency compares each level with
  /// linear scaling from the lowest level: T(c) / (c · T(c_min) / c_min).
  static func addEfficiency(to levels: inout [LevelMetrics], variable: LoadVariable) {
    let finite = levels.filter { $0.level.numericValue.isFinite && $0.level.numericValue > 0 }
    let base = finite.first { $0.requestThroughput != nil || $0.outputThroughput != nil }
    for index in levels.indices {
      let load = levels[index].level.numericValue
      guard load.isFinite, load > 0 else { continue }
      if let throughput = levels[index].requestThroughput {
        levels[index].efficiency = throughput / load
      }
      if variable.isClosedLoop, let output = levels[index].outputThroughput {
        levels[index].outputThroughputPerConcurrency = output / load
      }
      if let base, let scaling = scalingEfficiency(levels[index], base: base) {
        levels[index].scalingEfficiency = scaling
      }
    }
  }

  static func scalingEfficiency(_ level: LevelMetrics, base: LevelMetrics) -> Double? {
    let load = level.level.numericValue
    let baseLoad = base.level.numericValue
    let pairs: [(Double?, Double?)] = [
      (level.outputThroughput, base.outputThroughput), (level.requestThroughput, base.requestThroughput),
    ]
    for case let (value?, baseValue?) in pairs where baseValue > 0 {
      return value / (load * baseValue / baseLoad)
    }
    return nil
  }

  // MARK: Knee

  static func findKnee(_ levels: [LevelMetrics], measure: ThroughputMeasure?, minimumGrowth: Double = 0.2) -> ThroughputKnee {
    guard let measure else {
      return ThroughputKnee(linear: .tooFewLevels(count: 0), log2: .tooFewLevels(count: 0), measure: nil, primaryAxis: .linear)
    }
    let points = levels.filter { $0.level.numericValue.isFinite && $0.level.numericValue > 0 }
      .compactMap { level in measure.value(of: level).map { (level.level, $0) } }
    guard points.count >= 3 else {
      return ThroughputKnee(
        linear: .tooFewLevels(count: points.count), log2: .tooFewLevels(count: points.count), measure: measure,
        primaryAxis: .linear)
    }
    let detector = KneeDetector(curve: .concave, direction: .increasing, sensitivity: 1)
    let y = points.map(\.1)
    func outcome(_ x: [Double]) -> ThroughputKnee.Outcome {
      guard let result = detector.findKnee(x: x, y: y), let index = x.firstIndex(of: result.knee) else {
        return .noKnee
      }
      return .found(level: points[index].0, throughput: y[index])
    }
    let linearX = points.map { $0.0.numericValue }
    return ThroughputKnee(
      linear: outcome(linearX), log2: outcome(linearX.map { Foundation.log2($0) }), measure: measure,
      primaryAxis: ThroughputKnee.evenlySpacedAxis(for: linearX), throughputs: points, minimumGrowth: minimumGrowth)
  }

  // MARK: Stability

  /// Gives every level its verdict (`LevelJudge`) and walks the levels upward: the max stable
  /// level is the highest `ok` level below the first level whose verdict ends the walk
  /// (saturated, overloaded, unstable, slo-breach). Client-limited and insufficient levels
  /// neither end the walk nor count as stable.
  static func assessStability(
    _ levels: [LevelMetrics], sweep: Sweep, measure: ThroughputMeasure?, settings: AnalysisSettings
  ) -> StabilityVerdict {
    let unchecked = uncheckedCriteria(levels, measure: measure, settings: settings)
    let verdicts = LevelJudge(levels: levels, sweep: sweep, measure: measure, settings: settings).verdicts()
    var maxStable: LoadLevel?
    for verdict in verdicts {
      if verdict.kind.endsWalk {
        let reasons = verdict.decidingReasons + verdict.reasons.filter { $0.kind != verdict.kind }
        return StabilityVerdict(
          maxStable: maxStable, firstUnstable: verdict.level, reasons: reasons, uncheckedCriteria: unchecked, verdicts: verdicts)
      }
      if verdict.kind == .ok { maxStable = verdict.level }
    }
    return StabilityVerdict(maxStable: maxStable, firstUnstable: nil, reasons: [], uncheckedCriteria: unchecked, verdicts: verdicts)
  }

  static func uncheckedCriteria(_ levels: [LevelMetrics], measure: ThroughputMeasure?, settings: AnalysisSettings) -> [String] {
    var unchecked: [String] = []
    if levels.contains(where: { $0.successRate == nil }) {
      unchecked.append("success rate (request counts missing at some levels)")
    }
    if !levels.isEmpty, levels.allSatisfy({ $0.level.variable == .users && $0.latency[.ttft] == nil }) {
      unchecked.append(
        "TTFT \(settings.ttftStatistic) (Locust records whole response times, not TTFT; give a latency limit with --slo e2el_p99=…)")
    } else if levels.contains(where: { settings.ttftStatistic.value(in: $0.latency[.ttft]) == nil }) {
      unchecked.append("TTFT \(settings.ttftStatistic) (missing at some levels)")
    }
    if measure == nil { unchecked.append("throughput growth (throughput missing at some levels)") }
    for objective in settings.objectives {
      if case .latency(let metric, let statistic, _) = objective.target,
        levels.contains(where: { statistic.value(in: $0.latency[metric]) == nil })
      {
        unchecked.append("SLO \(objective.text) (\(metric.rawValue.uppercased()) \(statistic) missing at some levels)")
      }
    }
    return unchecked
  }

  /// True when the headline knee lies at or above the first client-limited level: the
  /// throughput curve bends there because the client stopped raising the load.
  static func kneeAtClientLimit(_ knee: ThroughputKnee, stability: StabilityVerdict) -> Bool {
    guard case .found(let level, _) = knee.headline,
      let firstLimited = stability.verdicts.first(where: { $0.kind == .clientLimited })?.level
    else { return false }
    return level >= firstLimited
  }

  // MARK: Recommendation

  /// The headroom fractions of the max stable level: whole requests for concurrency and whole
  /// users for Locust (never below 1), req/s for rates; an ∞ max stable rate uses the throughput measured there.
  static func recommend(_ stability: StabilityVerdict, levels: [LevelMetrics], settings: AnalysisSettings) -> Recommendation? {
    var recommendation = recommendedRange(stability, levels: levels, settings: settings)
    recommendation?.isLowerBound = !stability.limitReached
    return recommendation
  }

  static func recommendedRange(_ stability: StabilityVerdict, levels: [LevelMetrics], settings: AnalysisSettings) -> Recommendation? {
    guard let maxStable = stability.maxStable else { return nil }
    switch maxStable {
    case .concurrency(let value):
      let low = max(1, Int((Double(value) * settings.headroomLow + 1e-9).rounded(.down)))
      let high = max(low, Int((Double(value) * settings.headroomHigh + 1e-9).rounded(.down)))
      return Recommendation(
        range: .concurrency(low: low, high: high), basis: Double(value),
        headroomLow: settings.headroomLow, headroomHigh: settings.headroomHigh, basedOnMeasuredThroughput: false)
    case .users(let value):
      let low = max(1, Int((Double(value) * settings.headroomLow + 1e-9).rounded(.down)))
      let high = max(low, Int((Double(value) * settings.headroomHigh + 1e-9).rounded(.down)))
      return Recommendation(
        range: .users(low: low, high: high), basis: Double(value),
        headroomLow: settings.headroomLow, headroomHigh: settings.headroomHigh, basedOnMeasuredThroughput: false)
    case .requestRate(let rate):
      var basis = rate.sortValue
      var measured = false
      if rate.isInfinite {
        guard let throughput = levels.first(where: { $0.level == maxStable })?.requestThroughput else { return nil }
        basis = throughput
        measured = true
      }
      return Recommendation(
        range: .requestRate(low: basis * settings.headroomLow, high: basis * settings.headroomHigh), basis: basis,
        headroomLow: settings.headroomLow, headroomHigh: settings.headroomHigh, basedOnMeasuredThroughput: measured)
    }
  }
}
