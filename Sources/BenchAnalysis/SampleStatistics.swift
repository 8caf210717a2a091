import BenchModel

/// Latency summaries recomputed from per-request samples, the way vLLM computes them, so they
/// match what it printed (`vllm/benchmarks/serve.py`, `calculate_metrics`):
///
/// - only successful requests count;
/// - TTFT is the `ttfts` entry; E2E is the `latencies` entry when present, else TTFT + Σ gaps;
/// - TPOT per request = (E2E − TTFT) / (output_len − 1), only for output_len > 1;
/// - ITL is every gap of every successful request, flattened;
/// - percentiles with numpy's default linear interpolation, std with `ddof = 0`;
/// - seconds in, milliseconds out.
public enum SampleStatistics {
  /// Percentiles always computed, besides any the file reported.
  public static let standardPercentiles: [Double] = [50, 90, 95, 99]

  /// Summaries for every metric the samples allow, with `extraPercentiles` included.
  public static func summaries(
    of samples: RequestSamples, extraPercentiles: Set<Double> = []
  ) -> [LatencyMetric: LatencySummary] {
    var values = millisecondValues(of: samples)
    let percentiles = Array(Set(standardPercentiles).union(extraPercentiles)).sorted()
    var summaries: [LatencyMetric: LatencySummary] = [:]
    for metric in LatencyMetric.allCases {
      // Taken out of the dictionary so it is sorted in place, without a copy.
      guard var metricValues = values.removeValue(forKey: metric), !metricValues.isEmpty else { continue }
      RadixSort.sort(&metricValues)
      summaries[metric] = summary(ofSorted: &metricValues, percentiles: percentiles)
    }
    return summaries
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
    var ttft: [Double] = []
    var tpot: [Double] = []
    var itl: [Double] = []
    var e2el: [Double] = []
    let wantsTTFT = metrics.contains(.ttft)
    let wantsTPOT = metrics.contains(.tpot)
    let wantsITL = metrics.contains(.itl)
    let wantsE2EL = metrics.contains(.e2el)
    if wantsTTFT { ttft.reserveCapacity(samples.count) }
    if wantsE2EL { e2el.reserveCapacity(samples.count) }
    if wantsITL { itl.reserveCapacity(samples.interTokenGaps.count) }
    for index in 0..<samples.count where index >= samples.succeeded.count || samples.succeeded[index] {
      let firstToken = samples.timeToFirstToken[index]
      let gaps = samples.gaps(of: index)
      if wantsITL { itl.append(contentsOf: gaps.lazy.map { $0 * 1000 }) }
      guard wantsTTFT || wantsE2EL || wantsTPOT else { continue }
      let latency = samples.endToEndLatency?[index] ?? (firstToken + gaps.reduce(0, +))
      if wantsTTFT { ttft.append(firstToken * 1000) }
      if wantsE2EL { e2el.append(latency * 1000) }
      if wantsTPOT, index < samples.outputLengths.count, samples.outputLengths[index] > 1 {
        tpot.append((latency - firstToken) / Double(samples.outputLengths[index] - 1) * 1000)
      }
    }
    var values: [LatencyMetric: [Double]] = [:]
    if wantsTTFT { values[.ttft] = ttft }
    if wantsTPOT { values[.tpot] = tpot }
    if wantsITL { values[.itl] = itl }
    if wantsE2EL { values[.e2el] = e2el }
    return values
  }

  /// Mean, median, population std and the given percentiles of `values` (any order).
  public static func summary(of values: [Double], percentiles: [Double]) -> LatencySummary {
    var sorted = RadixSort.sorted(values)
    return summary(ofSorted: &sorted, percentiles: percentiles)
  }

  /// The summary of values already sorted ascending. The mean and std are summed in sorted
  /// order, as they always have been here, so the numbers do not move by a last bit.
  /// `sorted` is used up: the squared deviations of the std overwrite it (millions of ITL
  /// values need no second array).
  static func summary(ofSorted sorted: inout [Double], percentiles: [Double]) -> LatencySummary {
    var summary = LatencySummary(origin: .recomputed)
    summary.mean = DescriptiveStatistics.mean(sorted)
    summary.median = Percentile.linear(sorted, 50)
    for p in percentiles {
      summary.percentiles[p] = Percentile.linear(sorted, p)
    }
    summary.standardDeviation = DescriptiveStatistics.populationStandardDeviation(overwriting: &sorted)
    return summary
  }

  /// Calls `body` with every inter-token gap of every successful request in ms: the values of
  /// `millisecondValues(of:metric: .itl)`, without building the array.
  public static func forEachInterTokenGapMilliseconds(of samples: RequestSamples, _ body: (Double) -> Void) {
    // Through buffer pointers rather than a slice per request: the ITL histogram enumerates
    // tens of millions of gaps several times.
    samples.interTokenGaps.withUnsafeBufferPointer { gaps in
      samples.gapOffsets.withUnsafeBufferPointer { offsets in
        precondition(offsets.count > samples.count, "gap offsets missing")
        for index in 0..<samples.count where index >= samples.succeeded.count || samples.succeeded[index] {
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
      guard index >= samples.succeeded.count || samples.succeeded[index] else { continue }
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
