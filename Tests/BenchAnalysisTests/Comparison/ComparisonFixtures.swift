import BenchModel

@testable import BenchAnalysis

/// Small hand-made snapshots for the comparison tests.
enum ComparisonFixtures {
  static func identity(
    model: String? = "llama", dataset: String? = "sharegpt", metadata: [String: String] = [:], task: String? = nil
  )
    -> SweepIdentity
  {
    SweepIdentity(
      model: model, backend: "openai", label: nil, dataset: dataset, configuredInputLength: nil,
      configuredOutputLength: nil,
      metadata: metadata.sorted { $0.key < $1.key }.map { MetadataEntry(key: $0.key, value: $0.value) },
      sourceHint: nil, task: task)
  }

  /// A concurrency sweep whose output throughput at level c is `throughput(c)` and TTFT p99 `ttft(c)`.
  static func snapshot(
    _ identity: SweepIdentity = identity(), levels: [Int] = [1, 2, 4, 8],
    throughput: (Int) -> Double = { Double($0) * 100 },
    ttft: (Int) -> Double = { 50 + Double($0) }, success: Double = 1, maxStable: Int? = 8,
    samples: ((Int) -> [Double])? = nil
  ) -> SweepSnapshot {
    SweepSnapshot(
      identity: identity, variable: .concurrency, title: identity.model ?? "unnamed",
      levels: levels.map { level in
        var metrics: [ComparedMetric: Double] = [
          .outputThroughput: throughput(level), .successRate: success, .latency(.ttft, .percentile(99)): ttft(level),
        ]
        var perRequest: [LatencyMetric: [Double]] = [:]
        if let samples {
          let values = samples(level)
          perRequest[.ttft] = values
          let sorted = values.sorted()
          metrics[.latency(.ttft, .percentile(99))] = Percentile.linear(sorted, 99)
          metrics[.latency(.ttft, .percentile(50))] = Percentile.linear(sorted, 50)
        }
        return LevelSnapshot(level: .concurrency(level), metrics: metrics, samples: perRequest, requests: 100)
      }, knee: nil, maxStable: maxStable.map(LoadLevel.concurrency), limitNotReached: false,
      recommended: maxStable.map { Double($0) * 0.7...Double($0) * 0.8 }, measure: .outputTokens)
  }
}
