import BenchModel

/// Turns a fresh `SweepAnalysis` into the snapshot `compare` works on, keeping the per-request
/// samples (TTFT, TPOT, E2E in ms, successful requests) so changes can be tested statistically.
public enum SweepSnapshotBuilder {
  /// Latency metrics whose per-request values are kept. ITL is left out on purpose: the gaps of
  /// one request are not independent of each other, so a per-gap test would overstate how sure
  /// a change is; ITL changes are judged by the relative threshold instead.
  public static let sampledMetrics: [LatencyMetric] = [.ttft, .tpot, .e2el]

  public static func snapshot(of analysis: SweepAnalysis, title: String, keepSamples: Bool = true) -> SweepSnapshot {
    let levels = zip(analysis.sweep.levels, analysis.levels).map { sweepLevel, metrics in
      level(metrics, runs: sweepLevel.runs, keepSamples: keepSamples)
    }
    let recommended: ClosedRange<Double>? = analysis.recommendation.map { recommendation in
      switch recommendation.range {
      case .concurrency(let low, let high), .users(let low, let high): Double(low)...Double(high)
      case .requestRate(let low, let high): low...high
      }
    }
    var knee: LoadLevel?
    if case .found(let level, _) = analysis.knee.headline { knee = level }
    return SweepSnapshot(
      identity: analysis.sweep.identity, variable: analysis.sweep.variable, title: title, levels: levels, knee: knee,
      maxStable: analysis.stability.maxStable, limitNotReached: analysis.stability.limitNotReached,
      recommended: recommended, measure: analysis.knee.measure)
  }

  static func level(_ metrics: LevelMetrics, runs: [Run], keepSamples: Bool) -> LevelSnapshot {
    var values: [ComparedMetric: Double] = [:]
    for metric in ComparedMetric.catalogue {
      if let value = metric.value(of: metrics), value.isFinite { values[metric] = value }
    }
    var samples: [LatencyMetric: [Double]] = [:]
    let runSamples = runs.compactMap(\.samples)
    if keepSamples, !runs.isEmpty, runSamples.count == runs.count {
      for sample in runSamples {
        let perMetric = SampleStatistics.millisecondValues(of: sample, metrics: Set(sampledMetrics))
        for (metric, list) in perMetric where !list.isEmpty {
          samples[metric, default: []].append(contentsOf: list.filter(\.isFinite))
        }
      }
    }
    // Locust --json: the histogram holds every request's response time (bucketed as Locust
    // buckets them), which is what its percentiles are computed from.
    let histograms = runs.compactMap(\.responseTimeHistogram)
    if keepSamples, samples.isEmpty, !runs.isEmpty, histograms.count == runs.count {
      var values: [Double] = []
      for histogram in histograms {
        for bucket in histogram.keys.sorted() where bucket.isFinite {
          values.append(contentsOf: repeatElement(bucket, count: max(histogram[bucket]!, 0)))
        }
      }
      if !values.isEmpty { samples[.e2el] = values }
    }
    return LevelSnapshot(level: metrics.level, metrics: values, samples: samples, requests: metrics.requests)
  }
}
