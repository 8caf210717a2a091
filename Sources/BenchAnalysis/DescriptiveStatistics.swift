/// Mean and standard deviation of a sample, computed the way numpy computes them.
///
/// Used when benchreport recomputes a latency summary from per-request samples, so the
/// numbers must agree with what vLLM printed (`np.mean`, and `np.std` with its default
/// `ddof=0`), to the last bit where possible. Results have the unit of the values.
public enum DescriptiveStatistics {
  /// The arithmetic mean (`np.mean`), or `nil` for an empty sample.
  ///
  /// Summed pairwise like numpy, so the rounding error grows with log n rather than n: a
  /// long sample of similar values (100 000 latencies around 20 ms) keeps its digits.
  public static func mean(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    return pairwiseSum(values[...]) / Double(values.count)
  }

  /// The population standard deviation (`np.std`, which divides by n: `ddof=0`), or `nil`
  /// for an empty sample.
  ///
  /// Two passes, as numpy does: first the mean, then the mean squared deviation from it.
  /// Unlike the one-pass `E[x²] − E[x]²`, this keeps its precision when the values share a
  /// large offset (timestamps, or latencies of 10 000 ms ± 1 ms).
  public static func populationStandardDeviation(_ values: [Double]) -> Double? {
    guard let mean = mean(values) else { return nil }
    let squaredDeviations = values.map { ($0 - mean) * ($0 - mean) }
    let variance = pairwiseSum(squaredDeviations[...]) / Double(values.count)
    return variance.squareRoot()
  }

  /// ``populationStandardDeviation(_:)`` computed in the values' own storage, which ends up
  /// holding the squared deviations: the same arithmetic without a second array.
  static func populationStandardDeviation(overwriting values: inout [Double]) -> Double? {
    guard let mean = mean(values) else { return nil }
    for index in values.indices { values[index] = (values[index] - mean) * (values[index] - mean) }
    let variance = pairwiseSum(values[...]) / Double(values.count)
    return variance.squareRoot()
  }

  /// numpy's pairwise summation (`pairwise_sum` in its `umath` loops), step for step so the
  /// result is bit-identical: fewer than 8 values are added in order; up to 128 go into 8
  /// interleaved partial sums; longer runs are split in two at a multiple of 8.
  static func pairwiseSum(_ values: ArraySlice<Double>) -> Double {
    let count = values.count
    let start = values.startIndex
    if count < 8 {
      var sum = 0.0
      for value in values { sum += value }
      return sum
    }
    if count <= 128 {
      var partials = Array(values.prefix(8))
      var offset = 8
      while offset < count - count % 8 {
        for lane in 0..<8 { partials[lane] += values[start + offset + lane] }
        offset += 8
      }
      var sum =
        ((partials[0] + partials[1]) + (partials[2] + partials[3]))
        + ((partials[4] + partials[5]) + (partials[6] + partials[7]))
      while offset < count {
        sum += values[start + offset]
        offset += 1
      }
      return sum
    }
    var half = count / 2
    half -= half % 8
    return pairwiseSum(values.prefix(half)) + pairwiseSum(values.dropFirst(half))
  }
}
