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
    values.withUnsafeBufferPointer(mean)
  }

  /// ``mean(_:)`` of values in a buffer (e.g. a run's inter-token gaps, never copied).
  public static func mean(_ values: UnsafeBufferPointer<Double>) -> Double? {
    guard !values.isEmpty else { return nil }
    return pairwiseSum(values) { $0 } / Double(values.count)
  }

  /// The population standard deviation (`np.std`, which divides by n: `ddof=0`), or `nil`
  /// for an empty sample.
  ///
  /// Two passes, as numpy does: first the mean, then the mean squared deviation from it.
  /// Unlike the one-pass `E[x²] − E[x]²`, this keeps its precision when the values share a
  /// large offset (timestamps, or latencies of 10 000 ms ± 1 ms).
  public static func populationStandardDeviation(_ values: [Double]) -> Double? {
    values.withUnsafeBufferPointer { populationStandardDeviation($0) }
  }

  /// ``populationStandardDeviation(_:)`` of values in a buffer; `mean` when already known.
  /// numpy squares the deviations into an array and sums that; they are squared as they are
  /// summed here, the same arithmetic without the array.
  public static func populationStandardDeviation(_ values: UnsafeBufferPointer<Double>, mean: Double? = nil) -> Double? {
    guard let mean = mean ?? self.mean(values) else { return nil }
    let variance = pairwiseSum(values) { ($0 - mean) * ($0 - mean) } / Double(values.count)
    return variance.squareRoot()
  }

  /// numpy 1.x's `np.add.reduce` of `term(value)`, step for step so the result is
  /// bit-identical: the values are taken in buffers of 8192 (its iterator's buffer size), each
  /// buffer is summed pairwise and added to the running total.
  ///
  /// Why numpy 1.x: the vLLM results we have were written with it, and this reproduces their
  /// `mean_itl_ms` and `std_itl_ms` exactly (13 of 13 files in samples-public with more than
  /// 8192 gaps; one pairwise sum over the whole array, as numpy 2.4 does, misses 3 of the 13
  /// std values by an ulp). Below 8192 values both are the same.
  static func pairwiseSum(_ values: UnsafeBufferPointer<Double>, _ term: (Double) -> Double) -> Double {
    let buffer = 8192
    var total = 0.0
    var start = 0
    while start < values.count {
      let end = min(start + buffer, values.count)
      total += pairwiseBlockSum(UnsafeBufferPointer(rebasing: values[start..<end]), term)
      start = end
    }
    return total
  }

  /// numpy's pairwise summation (`pairwise_sum` in its `umath` loops) of one buffer: fewer
  /// than 8 values are added in order; up to 128 go into 8 interleaved partial sums; longer
  /// runs are split in two at a multiple of 8.
  @inline(__always)
  static func pairwiseBlockSum(_ values: UnsafeBufferPointer<Double>, _ term: (Double) -> Double) -> Double {
    let count = values.count
    if count < 8 {
      var sum = 0.0
      for value in values { sum += term(value) }
      return sum
    }
    if count <= 128 {
      var p0 = term(values[0])
      var p1 = term(values[1])
      var p2 = term(values[2])
      var p3 = term(values[3])
      var p4 = term(values[4])
      var p5 = term(values[5])
      var p6 = term(values[6])
      var p7 = term(values[7])
      var offset = 8
      while offset < count - count % 8 {
        p0 += term(values[offset])
        p1 += term(values[offset + 1])
        p2 += term(values[offset + 2])
        p3 += term(values[offset + 3])
        p4 += term(values[offset + 4])
        p5 += term(values[offset + 5])
        p6 += term(values[offset + 6])
        p7 += term(values[offset + 7])
        offset += 8
      }
      var sum = ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7))
      while offset < count {
        sum += term(values[offset])
        offset += 1
      }
      return sum
    }
    var half = count / 2
    half -= half % 8
    return pairwiseBlockSum(UnsafeBufferPointer(rebasing: values[..<half]), term)
      + pairwiseBlockSum(UnsafeBufferPointer(rebasing: values[half...]), term)
  }

  /// ``pairwiseSum(_:_:)`` of the values themselves.
  static func pairwiseSum(_ values: ArraySlice<Double>) -> Double {
    values.withUnsafeBufferPointer { pairwiseSum($0) { $0 } }
  }
}
