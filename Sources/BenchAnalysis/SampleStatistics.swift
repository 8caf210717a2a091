import BenchModel

/// Latency summaries recomputed from per-request samples, the way vLLM computes them, so they
/// match what it printed (`vllm/benchmarks/serve.py`, `calculate_metrics`):
///
/// - only successful requests count;
/// - TTFT is the `ttfts` entry; E2E is the `latencies` entry when present, else TTFT + Σ gaps;
/// - TPOT per request = (E2E − TTFT) / (output_len − 1), only for output_len > 1;
/// - ITL is every gap of every successful request, flattened;
/// - statistics of the values in seconds, in file order, then × 1000 — as vLLM does
///   (`np.mean(ttfts) * 1000`): numpy's pairwise summation for the mean and the std
///   (`ddof = 0`), numpy's default linear interpolation for the percentiles, and the mean of
///   the two middle values for an even-sized median (`np.median`). TTFT and ITL then equal
///   what vLLM printed to the last bit.
public enum SampleStatistics {
  /// Percentiles always computed, besides any the file reported.
  public static let standardPercentiles: [Double] = [50, 90, 95, 99]

  /// Summaries for every metric the samples allow, with `extraPercentiles` included; in ms.
  public static func summaries(
    of samples: RequestSamples, extraPercentiles: Set<Double> = []
  ) -> [LatencyMetric: LatencySummary] {
    let percentiles = Array(Set(standardPercentiles).union(extraPercentiles)).sorted()
    var summaries: [LatencyMetric: LatencySummary] = [:]
    var perRequest = secondValues(of: samples)
    for metric in LatencyMetric.allCases {
      let computed: LatencySummary?
      if metric == .itl {
        // The file's own array when every gap belongs to a successful request (failed
        // requests have none): millions of values, never copied.
        computed =
          samples.gapsAreAllSuccessful
          ? samples.interTokenGaps.withUnsafeBufferPointer { Self.summary(of: $0, percentiles: percentiles) }
          : Self.summary(of: successfulGaps(of: samples), percentiles: percentiles)
      } else {
        computed = perRequest.removeValue(forKey: metric).map { Self.summary(of: $0, percentiles: percentiles) }
      }
      guard let computed, computed.mean != nil else { continue }
      summaries[metric] = computed.scaled(by: 1000)
    }
    return summaries
  }

  /// Per-request TTFT, TPOT and E2E of the successful requests in seconds, in file order.
  static func secondValues(of samples: RequestSamples) -> [LatencyMetric: [Double]] {
    var ttft: [Double] = []
    var tpot: [Double] = []
    var e2el: [Double] = []
    ttft.reserveCapacity(samples.count)
    tpot.reserveCapacity(samples.count)
    e2el.reserveCapacity(samples.count)
    for index in 0..<samples.count where samples.isSuccessful(index) {
      let firstToken = samples.timeToFirstToken[index]
      let latency = samples.endToEndLatency?[index] ?? (firstToken + samples.gaps(of: index).reduce(0, +))
      ttft.append(firstToken)
      e2el.append(latency)
      if index < samples.outputLengths.count, samples.outputLengths[index] > 1 {
        tpot.append((latency - firstToken) / Double(samples.outputLengths[index] - 1))
      }
    }
    return [.ttft: ttft, .tpot: tpot, .e2el: e2el]
  }

  /// The gaps of the successful requests, in file order, in seconds (a copy: for samples
  /// whose failed requests have gaps, see `RequestSamples.gapsAreAllSuccessful`).
  public static func successfulGaps(of samples: RequestSamples) -> [Double] {
    var gaps: [Double] = []
    for index in 0..<samples.count where samples.isSuccessful(index) { gaps += samples.gaps(of: index) }
    return gaps
  }

  /// Mean, median, population std and the given percentiles of `values` (any order, any
  /// unit: the summary has the values' unit).
  public static func summary(of values: [Double], percentiles: [Double]) -> LatencySummary {
    values.withUnsafeBufferPointer { summary(of: $0, percentiles: percentiles) }
  }

  /// ``summary(of:percentiles:)`` of values in a buffer, which is neither sorted nor copied:
  /// the ranks the percentiles need are selected (``OrderStatistics``).
  static func summary(of values: UnsafeBufferPointer<Double>, percentiles: [Double]) -> LatencySummary {
    var summary = LatencySummary(origin: .recomputed)
    let count = values.count
    guard count > 0 else { return summary }
    var ranks = Set(Percentile.ranks(count: count, percentiles))
    // np.median: the middle value, or the mean of the two middle values.
    let middle = count % 2 == 1 ? [count / 2] : [count / 2 - 1, count / 2]
    ranks.formUnion(middle)
    let atRank = OrderStatistics.values(atRanks: ranks, of: values)
    summary.median = middle.count == 1 ? atRank[middle[0]]! : (atRank[middle[0]]! + atRank[middle[1]]!) / 2
    for p in percentiles {
      summary.percentiles[p] = Percentile.linear(count: count, p) { atRank[$0]! }
    }
    summary.mean = DescriptiveStatistics.mean(values)
    summary.standardDeviation = DescriptiveStatistics.populationStandardDeviation(values, mean: summary.mean)
    return summary
  }

  /// Per-request values in ms for each metric (ITL: all gaps).
  public static func millisecondValues(of samples: RequestSamples) -> [LatencyMetric: [Double]] {
    millisecondValues(of: samples, metrics: Set(LatencyMetric.allCases))
  }

  /// Per-request values in ms of one metric (ITL: all gaps): what the charts need, without
  /// building the other three (ITL alone is millions of values).
  public static func millisecondValues(of samples: RequestSamples, metric: LatencyMetric) -> [Double] {
    millisecondValues(of: samples, metrics: [metric])[metric] ?? []
  }

  static func millisecondValues(of samples: RequestSamples, metrics: Set<LatencyMetric>) -> [LatencyMetric: [Double]] {
    var values: [LatencyMetric: [Double]] = [:]
    if !metrics.isDisjoint(with: [.ttft, .tpot, .e2el]) {
      for (metric, seconds) in secondValues(of: samples) where metrics.contains(metric) {
        values[metric] = seconds.map { $0 * 1000 }
      }
    }
    if metrics.contains(.itl) {
      var itl: [Double] = []
      itl.reserveCapacity(samples.interTokenGaps.count)
      forEachInterTokenGapMilliseconds(of: samples) { itl.append($0) }
      values[.itl] = itl
    }
    return values
  }

  /// Calls `body` with every inter-token gap of every successful request in ms: the values of
  /// `millisecondValues(of:metric: .itl)`, without building the array.
  public static func forEachInterTokenGapMilliseconds(of samples: RequestSamples, _ body: (Double) -> Void) {
    forEachInterTokenGapMilliseconds(of: samples, requests: 0..<samples.count, body)
  }

  /// The same for the requests in `requests` only (a part of a run, counted on its own core).
  public static func forEachInterTokenGapMilliseconds(
    of samples: RequestSamples, requests: Range<Int>, _ body: (Double) -> Void
  ) {
    // Through buffer pointers rather than a slice per request: the ITL histogram enumerates
    // tens of millions of gaps several times.
    samples.interTokenGaps.withUnsafeBufferPointer { gaps in
      samples.gapOffsets.withUnsafeBufferPointer { offsets in
        precondition(offsets.count > samples.count && requests.upperBound <= samples.count, "gap offsets missing")
        for index in requests where samples.isSuccessful(index) {
          let start = offsets[index]
          let end = offsets[index + 1]
          precondition(start <= end && end <= gaps.count, "gap offsets out of range")
          for position in start..<end { body(gaps[position] * 1000) }
        }
      }
    }
  }

  /// Median per-stream decode speed in tokens/s: (output_len − 1) / (E2E − TTFT) of each
  /// successful request with more than one output token.
  public static func perStreamDecodeSpeeds(of samples: RequestSamples) -> [Double] {
    var speeds: [Double] = []
    for index in 0..<samples.count where index < samples.outputLengths.count {
      guard samples.isSuccessful(index) else { continue }
      let outputLength = samples.outputLengths[index]
      guard outputLength > 1 else { continue }
      let firstToken = samples.timeToFirstToken[index]
      let latency = samples.endToEndLatency?[index] ?? (firstToken + samples.gaps(of: index).reduce(0, +))
      let decodeTime = latency - firstToken
      if decodeTime > 0 { speeds.append(Double(outputLength - 1) / decodeTime) }
    }
    return speeds
  }
}
