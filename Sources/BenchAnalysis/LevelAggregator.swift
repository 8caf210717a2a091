import BenchModel

/// Turns the runs of one load level into `LevelMetrics`: counts and success rate, throughput,
/// latency (recomputed from samples when every run has them), decode speed and Little's-law
/// concurrency. Repetitions are pooled (samples) or averaged (reported summaries).
public enum LevelAggregator {
  public static func metrics(of level: SweepLevel) -> LevelMetrics {
    var metrics = LevelMetrics(level: level.level)
    let runs = level.runs
    metrics.runCount = runs.count
    metrics.sources = runs.map(\.source)
    metrics.notes = Array(Set(runs.flatMap(\.notes))).sorted()
    if runs.count > 1 {
      metrics.notes.append("\(runs.count) runs at this level: counts summed, rates and latencies averaged")
    }

    // Counts.
    var attempted = 0
    var completed = 0
    var failed = 0
    var countsKnown = true
    for run in runs {
      guard let counts = attemptCounts(of: run) else {
        countsKnown = false
        break
      }
      attempted += counts.attempted
      completed += counts.completed
      failed += counts.attempted - counts.completed
    }
    if countsKnown && !runs.isEmpty {
      metrics.requests = attempted
      metrics.completed = completed
      metrics.failed = failed
      metrics.successRate = attempted > 0 ? Double(completed) / Double(attempted) : nil
    } else {
      metrics.completed = sum(runs.map(\.completed))
      metrics.requests = sum(runs.map(\.numPrompts))
    }

    metrics.duration = average(runs.map(\.duration))
    metrics.requestThroughput = average(runs.map(\.requestThroughput))
    metrics.totalRequestThroughput = average(runs.map(\.totalRequestThroughput))
    metrics.outputThroughput = average(runs.map(\.outputThroughput))
    metrics.totalTokenThroughput = average(runs.map(\.totalTokenThroughput))
    metrics.requestGoodput = average(runs.map(\.requestGoodput))

    // Latency.
    let samples = runs.compactMap(\.samples)
    if samples.count == runs.count, !samples.isEmpty {
      let pooled = samples.count == 1 ? samples[0] : pool(samples)
      let reportedPercentiles = Set(runs.flatMap { $0.latency.values.flatMap(\.percentiles.keys) })
      if runs.count == 1, let ahead = runs[0].recomputedLatency, ahead.extraPercentiles == reportedPercentiles {
        metrics.latency = ahead.summaries
      } else {
        metrics.latency = SampleStatistics.summaries(of: pooled, extraPercentiles: reportedPercentiles)
      }
      // Keep reported summaries for metrics the samples cannot give.
      for (metric, summary) in runs[0].latency where metrics.latency[metric] == nil && runs.count == 1 {
        metrics.latency[metric] = summary
      }
      // Without the file's per-request latencies, E2E and TPOT can only be rebuilt as TTFT + ΣITL,
      // which misses the time after the last token: the tool's own printed values win.
      if runs.count == 1, samples[0].endToEndLatency == nil {
        var kept: [LatencyMetric] = []
        // V4/V5 files swapped mean and median E2EL: their E2EL stays rebuilt.
        let swappedE2E = ["V4", "V5"].contains(runs[0].format.schema)
        for metric in [LatencyMetric.tpot, .e2el] where !(metric == .e2el && swappedE2E) {
          guard let reported = runs[0].latency[metric], !reported.isEmpty, let rebuilt = metrics.latency[metric] else { continue }
          metrics.latency[metric] = merged(reported: reported, rebuilt: rebuilt)
          kept.append(metric)
        }
        if !kept.isEmpty {
          metrics.notes.append(
            "\(kept.map { $0.rawValue.uppercased() }.joined(separator: " and ")) as the file reports them (its per-request latencies are not saved); statistics it does not report are rebuilt from TTFT + inter-token gaps")
        }
      }
      var counts: [String: Int] = [:]
      for sample in samples { for error in sample.errorCounts { counts[error.message, default: 0] += error.count } }
      metrics.topErrors = counts.map { ErrorCount(message: $0.key, count: $0.value) }
        .sorted { ($0.count, $1.message) > ($1.count, $0.message) }
    } else {
      metrics.latency = averageSummaries(runs.map(\.latency))
    }
    if metrics.topErrors.isEmpty {
      // Locust failures by error; the steps of a step-load run share one run-wide list, so
      // they are not attributed to any one step.
      var counts: [String: Int] = [:]
      for run in runs where run.plateau == nil {
        for record in run.failureRecords { counts[record.error, default: 0] += record.occurrences }
      }
      metrics.topErrors = counts.map { ErrorCount(message: $0.key, count: $0.value) }
        .sorted { ($0.count, $1.message) > ($1.count, $0.message) }
    }

    if let tpot = metrics.latency[.tpot]?.mean, tpot > 0 {
      metrics.perStreamDecodeSpeed = 1000 / tpot
    }

    // Little's law.
    if let reported = average(runs.map(\.measuredConcurrency)) {
      metrics.effectiveConcurrency = reported
      metrics.effectiveConcurrencySource = .reported
    } else if let throughput = metrics.totalRequestThroughput ?? metrics.requestThroughput, let e2e = metrics.latency[.e2el]?.mean {
      // Locust's mean covers failed requests too, so it pairs with the rate that counts them.
      metrics.effectiveConcurrency = throughput * e2e / 1000
      metrics.effectiveConcurrencySource = .littlesLaw
    } else if let throughput = metrics.requestThroughput, let ttft = metrics.latency[.ttft]?.mean,
      let tpot = metrics.latency[.tpot]?.mean, let outputTokens = sum(runs.map(\.totalOutputTokens)),
      let completed = metrics.completed, completed > 0
    {
      let meanOutput = Double(outputTokens) / Double(completed)
      metrics.effectiveConcurrency = throughput * (ttft + tpot * max(meanOutput - 1, 0)) / 1000
      metrics.effectiveConcurrencySource = .littlesLawApproximation
    }
    return metrics
  }

  /// Recomputes `run`'s latency summaries from its samples now, into `run.recomputedLatency`,
  /// so `metrics(of:)` of a level made of this run alone need not sort them again (the same
  /// numbers: the same function on the same samples). For the executable to call on the
  /// thread that read the file; a run without samples is left as it is.
  public static func recomputeLatencyAhead(of run: inout Run) {
    guard let samples = run.samples else { return }
    let reportedPercentiles = Set(run.latency.values.flatMap(\.percentiles.keys))
    run.recomputedLatency = RecomputedLatency(
      extraPercentiles: reportedPercentiles,
      summaries: SampleStatistics.summaries(of: samples, extraPercentiles: reportedPercentiles))
  }

  /// (attempted, completed) of one run, from `failed`, `num_prompts` or the samples.
  static func attemptCounts(of run: Run) -> (attempted: Int, completed: Int)? {
    if let completed = run.completed {
      if let failed = run.failed { return (completed + failed, completed) }
      if let prompts = run.numPrompts, prompts >= completed { return (prompts, completed) }
      if let samples = run.samples, samples.count >= completed { return (samples.count, completed) }
      return nil
    }
    if let samples = run.samples, !samples.succeeded.isEmpty {
      return (samples.count, samples.succeeded.filter { $0 }.count)
    }
    return nil
  }

  /// The reported summary, with the statistics it lacks taken from the rebuilt one.
  static func merged(reported: LatencySummary, rebuilt: LatencySummary) -> LatencySummary {
    var summary = reported
    summary.mean = reported.mean ?? rebuilt.mean
    summary.median = reported.median ?? rebuilt.median
    summary.standardDeviation = reported.standardDeviation ?? rebuilt.standardDeviation
    for (p, value) in rebuilt.percentiles where summary.percentiles[p] == nil { summary.percentiles[p] = value }
    summary.origin = .reported
    return summary
  }

  static func pool(_ samples: [RequestSamples]) -> RequestSamples {
    var pooled = RequestSamples()
    for sample in samples {
      let base = pooled.interTokenGaps.count
      pooled.inputLengths += sample.inputLengths
      pooled.outputLengths += sample.outputLengths
      pooled.timeToFirstToken += sample.timeToFirstToken
      pooled.interTokenGaps += sample.interTokenGaps
      pooled.gapOffsets += sample.gapOffsets.dropFirst().map { $0 + base }
      pooled.succeeded += sample.succeeded.count == sample.count ? sample.succeeded : Array(repeating: true, count: sample.count)
    }
    if samples.allSatisfy({ $0.endToEndLatency != nil }) {
      pooled.endToEndLatency = samples.flatMap { $0.endToEndLatency! }
    }
    return pooled
  }

  static func averageSummaries(_ summaries: [[LatencyMetric: LatencySummary]]) -> [LatencyMetric: LatencySummary] {
    if summaries.count == 1 { return summaries[0] }
    var result: [LatencyMetric: LatencySummary] = [:]
    for metric in LatencyMetric.allCases {
      let present = summaries.compactMap { $0[metric] }
      guard present.count == summaries.count else { continue }
      var summary = LatencySummary(origin: .reported)
      summary.mean = average(present.map(\.mean))
      summary.median = average(present.map(\.median))
      summary.standardDeviation = average(present.map(\.standardDeviation))
      let keys = present.map { Set($0.percentiles.keys) }.reduce(into: Set(present[0].percentiles.keys)) { $0.formIntersection($1) }
      for p in keys { summary.percentiles[p] = average(present.map { $0.percentiles[p] }) }
      result[metric] = summary
    }
    return result
  }

  /// Mean of the values when every one is known, else nil.
  static func average(_ values: [Double?]) -> Double? {
    let known = values.compactMap { $0 }
    guard !known.isEmpty, known.count == values.count else { return nil }
    return DescriptiveStatistics.mean(known)
  }

  static func sum(_ values: [Int?]) -> Int? {
    let known = values.compactMap { $0 }
    guard !known.isEmpty, known.count == values.count else { return nil }
    return known.reduce(0, +)
  }
}
