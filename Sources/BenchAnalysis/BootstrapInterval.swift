/// Percentile-bootstrap confidence interval of statistic(new) − statistic(base): how much a
/// latency statistic (mean, median, p99, in the samples' unit, e.g. ms) changed between a BASE
/// and a NEW benchmark run, and how sure we can be of it.
///
/// Why: a p99 that moved from 120 ms to 131 ms may be noise — a run has only so many requests,
/// and its p99 rests on the slowest few. Resampling each run's requests shows how much the
/// statistic would wander with other requests of the same run; when the interval of the
/// difference excludes 0, the change is beyond that noise. Unlike the U test
/// (``MannWhitneyU``), this speaks about the statistic the report shows, in its unit.
///
/// Method (as `scipy.stats.bootstrap(..., paired=False, method="percentile")`): each of B
/// resamples draws `base.count` values with replacement from `base` and `new.count` from
/// `new`, independently, and records statistic(new*) − statistic(base*); the interval is the
/// (1 − c)/2 and (1 + c)/2 quantiles of those B differences (numpy's linear interpolation).
///
/// Deterministic: the draws come from ``SeededGenerator`` (xoshiro256** seeded by SplitMix64)
/// through its ``SeededGenerator/index(below:)``, in a fixed order — resample by resample, the
/// base indices then the new ones, each an index into the sample sorted ascending — so the
/// same samples, statistic, confidence, resample count and seed give a bit-identical interval
/// on every machine (`scripts/stats_reference.py replay` reruns this in Python, bit for bit).
public enum BootstrapInterval {
  public struct Interval: Sendable, Equatable {
    /// statistic(new) − statistic(base) on the full samples, in the samples' unit; percentiles
    /// exactly as `numpy.percentile` gives them, the mean as `numpy.mean`.
    public var estimate: Double
    /// Lower bound of the interval of the difference, in the samples' unit.
    public var lower: Double
    /// Upper bound of the interval of the difference, in the samples' unit.
    public var upper: Double
    /// The confidence level, 0…1 exclusive (0.95 for a 95 % interval).
    public var confidence: Double
    /// Resamples actually drawn: the number asked for, or fewer for very large samples (see
    /// ``BootstrapInterval/drawBudget``).
    public var resamples: Int
    /// True when the interval excludes 0: the change is beyond noise at this confidence.
    public var excludesZero: Bool { lower > 0 || upper < 0 }
  }

  /// Values drawn at most per interval, over all resamples and both samples (about a second
  /// in a release build). Above it, the resample count is reduced to fit, but never below
  /// ``minimumResamples``: with 2 000 resamples the budget is reached at 100 000 values per
  /// side.
  public static let drawBudget = 400_000_000
  /// The fewest resamples a reduction leaves: below about 500 the 2.5 % and 97.5 % quantiles
  /// rest on a dozen resamples and the bounds wander visibly from seed to seed.
  public static let minimumResamples = 500

  /// The `confidence` interval of `statistic(new) − statistic(base)`.
  ///
  /// Returns `nil` when either side has fewer than 2 values, when `confidence` is not
  /// strictly between 0 and 1, when `resamples` is below 1, when a percentile lies outside
  /// 0…100, or when a sample contains NaN (callers filter out failed requests first).
  ///
  /// - Parameters:
  ///   - base: Per-request values of the BASE run (e.g. TTFT in ms), any order.
  ///   - new: Per-request values of the NEW run, same unit.
  ///   - statistic: The statistic compared: `.mean` or `.percentile(p)`, p in 0…100.
  ///   - confidence: The confidence level, e.g. 0.95.
  ///   - resamples: Bootstrap resamples B; reduced when the samples are very large
  ///     (``drawBudget``). With 2 000, the bounds of a median or mean of real latencies land
  ///     within about 2 % (at most 7 %) of the interval's width of where 100 000 would put
  ///     them. A tail percentile of few requests (p99 of 100) rests on a handful of values:
  ///     its bounds can jump by 20 % of the width or more from seed to seed.
  ///   - seed: Seed of the ``SeededGenerator``; the same seed gives the same interval.
  public static func difference(
    base: [Double], new: [Double], statistic: LatencyStatistic, confidence: Double = 0.95,
    resamples: Int = 2000, seed: UInt64 = 0x5EED
  ) -> Interval? {
    differences(
      base: base, new: new, statistics: [statistic], confidence: confidence, resamples: resamples, seed: seed)[
        statistic]
  }

  /// The intervals of several statistics from the same resamples: one set of draws serves
  /// them all, so comparing mean, p50, p90 and p99 costs one bootstrap, not four. A statistic's
  /// interval does not depend on which others are asked for (the draws are the same). Empty
  /// under the conditions that make `difference` nil; a percentile outside 0…100 is left out.
  public static func differences(
    base: [Double], new: [Double], statistics: [LatencyStatistic], confidence: Double = 0.95,
    resamples: Int = 2000, seed: UInt64 = 0x5EED
  ) -> [LatencyStatistic: Interval] {
    guard base.count >= 2, new.count >= 2, confidence > 0, confidence < 1, resamples >= 1, !statistics.isEmpty else {
      return [:]
    }
    let valid = statistics.filter { statistic in
      if case .percentile(let p) = statistic { return (0...100).contains(p) }
      return true
    }
    guard !base.contains(where: \.isNaN), !new.contains(where: \.isNaN) else { return [:] }
    var baseSide = ResampledSample(base)
    var newSide = ResampledSample(new)
    let used = resampleCount(requested: resamples, drawsPerResample: base.count + new.count)
    var generator = SeededGenerator(seed: seed)
    var differences = [[Double]](repeating: [], count: valid.count)
    for index in differences.indices { differences[index].reserveCapacity(used) }
    var baseValues = [Double](repeating: 0, count: valid.count)
    for _ in 0..<used {
      baseSide.draw(using: &generator)
      for (index, statistic) in valid.enumerated() { baseValues[index] = baseSide.resampleValue(of: statistic) }
      baseSide.clearDraws()
      newSide.draw(using: &generator)
      for (index, statistic) in valid.enumerated() {
        differences[index].append(newSide.resampleValue(of: statistic) - baseValues[index])
      }
      newSide.clearDraws()
    }
    let alpha = (1 - confidence) / 2
    var intervals: [LatencyStatistic: Interval] = [:]
    for (index, statistic) in valid.enumerated() {
      guard let bounds = Percentile.linear(unsortedValues: differences[index], at: [alpha * 100, (1 - alpha) * 100])
      else {
        continue
      }
      let baseFull = baseSide.fullSampleValue(of: base, statistic)
      let newFull = newSide.fullSampleValue(of: new, statistic)
      intervals[statistic] = Interval(
        estimate: newFull - baseFull, lower: bounds[0], upper: bounds[1], confidence: confidence, resamples: used)
    }
    return intervals
  }

  /// The resample count that keeps the draws within ``drawBudget``.
  static func resampleCount(requested: Int, drawsPerResample: Int) -> Int {
    let affordable = drawBudget / drawsPerResample
    guard requested > affordable else { return requested }
    return max(min(requested, minimumResamples), affordable)
  }

  /// One side of the comparison, with the buffers its resamples reuse (nothing is allocated
  /// per resample).
  ///
  /// A resample never exists as an array: it is a count of how often each value of the sorted
  /// sample was drawn. A percentile is then found without sorting — the value at a rank is
  /// where the running count passes it (a counting selection, O(n) per resample with no
  /// comparisons of values), started from whichever end is nearer the rank — and the mean is
  /// Σ count × value / n. The counts are increments at random places of an array of n
  /// `UInt32`, which stays in cache longer than reading n `Double`s at random would.
  struct ResampledSample {
    /// The sample, ascending. Draws are indices into this order.
    let sorted: [Double]
    /// How often each entry of `sorted` was drawn in the current resample; zero in between.
    var drawCounts: [UInt32]

    init(_ sample: [Double]) {
      sorted = RadixSort.sorted(sample)
      drawCounts = [UInt32](repeating: 0, count: sample.count)
    }

    /// The statistic of the whole sample: `numpy.mean` (pairwise summation in the original
    /// order is order-dependent, so this uses the sample as given) or `numpy.percentile`, to
    /// the bit.
    func fullSampleValue(of sample: [Double], _ statistic: LatencyStatistic) -> Double {
      switch statistic {
      case .mean: DescriptiveStatistics.mean(sample) ?? .nan
      case .percentile(let p): Percentile.linear(sorted, p) ?? .nan
      }
    }

    /// Draws `sorted.count` values with replacement and returns their `statistic`.
    mutating func resampledValue(of statistic: LatencyStatistic, using generator: inout SeededGenerator) -> Double {
      draw(using: &generator)
      defer { clearDraws() }
      return resampleValue(of: statistic)
    }

    /// Draws `sorted.count` values with replacement into `drawCounts`.
    mutating func draw(using generator: inout SeededGenerator) {
      let count = sorted.count
      drawCounts.withUnsafeMutableBufferPointer { counts in
        for _ in 0..<count { counts[generator.index(below: count)] += 1 }
      }
    }

    mutating func clearDraws() {
      drawCounts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// `statistic` of the current resample (the draws since the last `clearDraws`).
    func resampleValue(of statistic: LatencyStatistic) -> Double {
      let count = sorted.count
      return drawCounts.withUnsafeBufferPointer { counts in
        sorted.withUnsafeBufferPointer { sorted in
          switch statistic {
          case .mean:
            // Not numpy's pairwise order (the resample has no order); the rounding differs
            // by ~1e−16 relative, far below the bootstrap's own noise.
            var sum = 0.0
            for index in 0..<count { sum += Double(counts[index]) * sorted[index] }
            return sum / Double(count)
          case .percentile(let p):
            var selection = CountingSelection(counts: counts, sorted: sorted)
            return Percentile.linear(count: count, p) { selection.value(atRank: $0) } ?? .nan
          }
        }
      }
    }
  }

  /// The value at a rank of a resample given as draw counts over the sorted sample, for the
  /// one or two neighbouring ranks that ``Percentile/linear(count:_:valueAtRank:)`` asks for:
  /// the first request finds both in one pass, the second is answered from it.
  struct CountingSelection {
    let counts: UnsafeBufferPointer<UInt32>
    let sorted: UnsafeBufferPointer<Double>
    var foundRank = -1  // none yet
    var valueAtFoundRank = 0.0
    var valueAfterFoundRank = 0.0

    mutating func value(atRank rank: Int) -> Double {
      if foundRank >= 0 {
        if rank == foundRank { return valueAtFoundRank }
        if rank == foundRank + 1 { return valueAfterFoundRank }
      }
      let count = counts.count
      let hasNext = rank + 1 < count
      if rank < count / 2 {
        var position = 0
        var drawnBefore = 0  // draws of the values before `position`
        scanUp(to: rank, position: &position, drawnBefore: &drawnBefore)
        valueAtFoundRank = sorted[position]
        if hasNext { scanUp(to: rank + 1, position: &position, drawnBefore: &drawnBefore) }
        valueAfterFoundRank = sorted[position]
      } else {
        var position = count - 1
        var drawnAfter = 0  // draws of the values after `position`
        if hasNext { scanDown(to: rank + 1, position: &position, drawnAfter: &drawnAfter) }
        valueAfterFoundRank = sorted[position]
        scanDown(to: rank, position: &position, drawnAfter: &drawnAfter)
        valueAtFoundRank = sorted[position]
      }
      foundRank = rank
      return valueAtFoundRank
    }

    /// Moves `position` up to the sorted value whose draws cover `rank` (counting from the
    /// smallest).
    private func scanUp(to rank: Int, position: inout Int, drawnBefore: inout Int) {
      while drawnBefore + Int(counts[position]) <= rank {
        drawnBefore += Int(counts[position])
        position += 1
      }
    }

    /// Moves `position` down to the sorted value whose draws cover `rank` (counting from the
    /// smallest; the resample has `counts.count` values).
    private func scanDown(to rank: Int, position: inout Int, drawnAfter: inout Int) {
      while counts.count - drawnAfter - Int(counts[position]) > rank {
        drawnAfter += Int(counts[position])
        position -= 1
      }
    }
  }
}
