import BenchModel
import Foundation

/// Compares two sides' sweeps: pairs them (`SweepMatcher`), then for every level measured on
/// both sides judges each metric's change, compares the sweep decisions, and applies the
/// `--fail-on` rules. Pure: same snapshots and settings, same result, bit for bit (the
/// bootstrap draws from a seeded generator).
public enum ComparisonAnalyzer {
  public static func compare(base: [SweepSnapshot], new: [SweepSnapshot], settings: ComparisonSettings) -> Comparison {
    let matching = SweepMatcher.match(base: base, new: new)
    var sweeps = matching.pairs.map { compare($0, settings: settings) }
    var violations: [RuleViolation] = []
    for index in sweeps.indices {
      violations += self.violations(in: sweeps[index], rules: settings.rules)
      // The samples did their job; the report does not need millions of values twice over.
      sweeps[index].base.dropSamples()
      sweeps[index].new.dropSamples()
    }
    return Comparison(
      settings: settings, sweeps: sweeps, onlyInBase: matching.onlyInBase.map(\.withoutSamples),
      onlyInNew: matching.onlyInNew.map(\.withoutSamples), violations: violations)
  }

  static func compare(_ pair: SweepMatching.Pair, settings: ComparisonSettings) -> SweepComparison {
    let baseLevels = Dictionary(pair.base.levels.map { ($0.level, $0) }, uniquingKeysWith: { first, _ in first })
    let newLevels = Dictionary(pair.new.levels.map { ($0.level, $0) }, uniquingKeysWith: { first, _ in first })
    let shared = pair.base.levels.map(\.level).filter { newLevels[$0] != nil }
    // Levels are independent: judged on all cores, results in level order.
    let levels = ParallelMap.map(shared) { level in compare(baseLevels[level]!, newLevels[level]!, settings: settings) }
    return SweepComparison(
      base: pair.base, new: pair.new, differences: pair.differences, levels: levels,
      levelsOnlyInBase: pair.base.levels.map(\.level).filter { newLevels[$0] == nil },
      levelsOnlyInNew: pair.new.levels.map(\.level).filter { baseLevels[$0] == nil },
      decisions: decisions(pair.base, pair.new, settings: settings))
  }

  /// Each metric both sides have, judged by the bootstrap when both sides have enough
  /// per-request samples of it, else by the threshold.
  static func compare(_ base: LevelSnapshot, _ new: LevelSnapshot, settings: ComparisonSettings) -> LevelComparison {
    var changes: [MetricChange] = []
    var onlyOneSide: [ComparedMetric] = []
    var intervals: [LatencyMetric: [LatencyStatistic: BootstrapInterval.Interval]] = [:]
    var mannWhitney: [LatencyMetric: Double] = [:]
    for metric in SweepSnapshotBuilder.sampledMetrics {
      guard let baseValues = base.samples[metric], let newValues = new.samples[metric],
        baseValues.count >= settings.minimumSamples, newValues.count >= settings.minimumSamples
      else { continue }
      let statistics = ComparedMetric.latencyStatistics.first { $0.0 == metric }?.1 ?? []
      let seed = seed(for: base.level, metric: metric)
      intervals[metric] = BootstrapInterval.differences(
        base: baseValues, new: newValues, statistics: statistics, confidence: settings.confidence,
        resamples: settings.resamples, seed: seed)
      mannWhitney[metric] = MannWhitneyU.test(baseValues, newValues)?.pValue
    }
    for metric in ComparedMetric.catalogue {
      switch (base.metrics[metric], new.metrics[metric]) {
      case (let b?, let n?):
        var interval: BootstrapInterval.Interval?
        var latencyMetric: LatencyMetric?
        if case .latency(let m, let statistic) = metric {
          interval = intervals[m]?[statistic]
          latencyMetric = m
        }
        if let interval, let latencyMetric {
          let relative = b == 0 ? Double.infinity : abs(n - b) / abs(b)
          let real = interval.excludesZero && relative >= settings.minimumEffect
          changes.append(
            MetricChange(
              metric: metric, base: b, new: n,
              assessment: real ? .of(change: n - b, higherIsBetter: metric.higherIsBetter) : .unchanged,
              evidence: .bootstrap(
                interval, mannWhitneyP: mannWhitney[latencyMetric], baseCount: base.samples[latencyMetric]?.count ?? 0,
                newCount: new.samples[latencyMetric]?.count ?? 0)))
        } else if metric == .successRate {
          let real = abs(n - b) >= settings.successRatePoints - 1e-12
          changes.append(
            MetricChange(
              metric: metric, base: b, new: n, assessment: real ? .of(change: n - b, higherIsBetter: true) : .unchanged,
              evidence: .pointsThreshold(settings.successRatePoints)))
        } else {
          let real = b == 0 ? n != 0 : abs(n - b) / abs(b) >= settings.relativeThreshold - 1e-12
          changes.append(
            MetricChange(
              metric: metric, base: b, new: n,
              assessment: real ? .of(change: n - b, higherIsBetter: metric.higherIsBetter) : .unchanged,
              evidence: .relativeThreshold(settings.relativeThreshold)))
        }
      case (.some, nil), (nil, .some):
        onlyOneSide.append(metric)
      case (nil, nil):
        continue
      }
    }
    return LevelComparison(
      level: base.level, changes: changes, onlyOneSide: onlyOneSide, baseRequests: base.requests,
      newRequests: new.requests)
  }

  /// A seed per level and metric, so each interval is reproducible on its own (adding a level
  /// to a sweep does not change the other levels' intervals).
  static func seed(for level: LoadLevel, metric: LatencyMetric) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the level and metric spelled out
    for byte in "\(level.variable.rawValue)=\(level)/\(metric.rawValue)".utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }

  static func decisions(_ base: SweepSnapshot, _ new: SweepSnapshot, settings: ComparisonSettings) -> [DecisionChange] {
    func level(_ value: LoadLevel?) -> Double? {
      guard let value, value.numericValue.isFinite else { return nil }
      return value.numericValue
    }
    func change(_ kind: DecisionChange.Kind, _ b: Double?, _ n: Double?, baseLow: Double? = nil, newLow: Double? = nil)
      -> DecisionChange
    {
      let assessment: ChangeAssessment
      switch (b, n) {
      case (let b?, let n?):
        assessment = abs(n - b) <= 1e-9 * max(abs(b), 1) ? .unchanged : .of(change: n - b, higherIsBetter: true)
      case (.some, nil): assessment = .worse
      case (nil, .some): assessment = .better
      case (nil, nil): assessment = .unchanged
      }
      return DecisionChange(kind: kind, base: b, new: n, baseLow: baseLow, newLow: newLow, assessment: assessment)
    }
    var list = [
      change(.knee, level(base.knee), level(new.knee)),
      change(.maxStable, level(base.maxStable), level(new.maxStable)),
      change(
        .recommended, base.recommended?.upperBound, new.recommended?.upperBound, baseLow: base.recommended?.lowerBound,
        newLow: new.recommended?.lowerBound),
    ]
    // A knee that appears or disappears is neither better nor worse: it says whether growth
    // flattened inside the tested range, which the levels' changes already show.
    if list[0].base == nil || list[0].new == nil { list[0].assessment = .unchanged }
    if base.measure == new.measure {
      var peak = change(.peakThroughput, base.peakThroughput, new.peakThroughput)
      if let b = peak.base, let n = peak.new, b > 0, abs(n - b) / b < settings.relativeThreshold - 1e-12 {
        peak.assessment = .unchanged
      }
      list.append(peak)
    }
    return list
  }

  static func violations(in sweep: SweepComparison, rules: [RegressionRule]) -> [RuleViolation] {
    var found: [RuleViolation] = []
    for rule in rules {
      for level in sweep.levels {
        for change in level.changes where rule.fires(on: change) {
          found.append(RuleViolation(rule: rule, sweep: sweep.new.title, level: level.level, change: change))
        }
      }
      for decision in sweep.decisions where rule.fires(on: decision) {
        found.append(RuleViolation(rule: rule, sweep: sweep.new.title, level: nil, decision: decision))
      }
    }
    return found
  }
}

extension SweepSnapshot {
  mutating func dropSamples() {
    for index in levels.indices { levels[index].samples = [:] }
  }
}

extension SweepMatching.Unpaired {
  var withoutSamples: SweepMatching.Unpaired {
    var copy = self
    copy.snapshot.dropSamples()
    return copy
  }
}
