import BenchModel
import Foundation

/// Analyses a sweep: per-level metrics, concurrency efficiency, throughput knee, max stable
/// level and the recommended production range. Pure: same sweep and settings, same result.
public enum SweepAnalyzer {
  public static func analyze(_ sweep: Sweep, settings: AnalysisSettings = AnalysisSettings()) -> SweepAnalysis {
    // Levels ascending and runs by source, however the caller built the sweep: the growth rule
    // and the knee compare neighbouring levels, and repetitions are averaged in run order.
    var sweep = sweep
    sweep.levels = sweep.levels.sorted { $0.level < $1.level }.map { level in
      SweepLevel(level: level.level, runs: level.runs.sorted { $0.source < $1.source })
    }
    var levels = sweep.levels.map(LevelAggregator.metrics(of:))
    let targetChecks = TargetCheck.evaluate(levels, objectives: settings.objectives)
    addEfficiency(to: &levels, variable: sweep.variable)
    let measure = ThroughputMeasure.choose(for: levels)
    let knee = findKnee(levels, measure: measure, minimumGrowth: settings.minimumThroughputGrowth)
    let stability = assessStability(levels, measure: measure, settings: settings)
    let recommendation = recommend(stability, levels: levels, settings: settings)
    return SweepAnalysis(
      sweep: sweep, levels: levels, knee: knee, stability: stability,
      recommendation: recommendation, settings: settings, targetChecks: targetChecks)
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

  /// Walks the levels upward and stops at the first that breaks a criterion.
  static func assessStability(_ levels: [LevelMetrics], measure: ThroughputMeasure?, settings: AnalysisSettings) -> StabilityVerdict {
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

    var maxStable: LoadLevel?
    for (index, level) in levels.enumerated() {
      let reasons = stopReasons(level, previous: index > 0 ? levels[index - 1] : nil, measure: measure, settings: settings)
      if !reasons.isEmpty {
        return StabilityVerdict(maxStable: maxStable, firstUnstable: level.level, reasons: reasons, uncheckedCriteria: unchecked)
      }
      maxStable = level.level
    }
    return StabilityVerdict(maxStable: maxStable, firstUnstable: nil, reasons: [], uncheckedCriteria: unchecked)
  }

  static func stopReasons(_ level: LevelMetrics, previous: LevelMetrics?, measure: ThroughputMeasure?, settings: AnalysisSettings) -> [StopReason] {
    var reasons: [StopReason] = []
    if let rate = level.successRate, rate < settings.minimumSuccessRate {
      reasons.append(.lowSuccessRate(rate: rate, minimum: settings.minimumSuccessRate))
    }
    if let ttft = settings.ttftStatistic.value(in: level.latency[.ttft]), ttft > settings.ttftLimitMilliseconds {
      reasons.append(.ttftOverLimit(statistic: settings.ttftStatistic, valueMilliseconds: ttft, limitMilliseconds: settings.ttftLimitMilliseconds))
    }
    if let measure, let previous, let current = measure.value(of: level), let before = measure.value(of: previous), before > 0 {
      let growth = current / before - 1
      if growth < settings.minimumThroughputGrowth {
        reasons.append(.insufficientGrowth(growth: growth, minimum: settings.minimumThroughputGrowth, previous: previous.level, measure: measure))
      }
    }
    for objective in settings.objectives {
      switch objective.target {
      case .latency(let metric, let statistic, let limit):
        if let value = statistic.value(in: level.latency[metric]), value > limit {
          reasons.append(.objectiveBreached(objective, value: value))
        }
      case .errorRate(let maximum):
        if let success = level.successRate, 1 - success > maximum {
          reasons.append(.objectiveBreached(objective, value: 1 - success))
        }
      case .minimumThroughput:
        // A throughput target is a goal, not a limit: low levels miss it by design, so it is
        // reported in the target checks and never stops the walk.
        break
      }
    }
    return reasons
  }

  // MARK: Recommendation

  /// The headroom fractions of the max stable level: whole requests for concurrency and whole
  /// users for Locust (never below 1), req/s for rates; an ∞ max stable rate uses the throughput measured there.
  static func recommend(_ stability: StabilityVerdict, levels: [LevelMetrics], settings: AnalysisSettings) -> Recommendation? {
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
