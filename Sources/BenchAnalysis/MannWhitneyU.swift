#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Two-sided Mann–Whitney U test (Wilcoxon rank-sum test) of two independent samples.
///
/// Why: `benchreport compare` has to tell a real latency change between a BASE and a NEW run
/// from run-to-run noise. Per-request latencies are skewed, heavy-tailed and often bimodal
/// (queueing), so a t-test on means is the wrong tool; the U test asks only whether a request
/// of one run tends to be slower than a request of the other — a shift of the whole
/// distribution — and is unaffected by the unit or by outliers' magnitude.
///
/// The result is `scipy.stats.mannwhitneyu(x, y, alternative="two-sided",
/// method="asymptotic", use_continuity=True)`: ranks with ties averaged (midranks), the normal
/// approximation with the tie-corrected variance and a continuity correction of ½. It is the
/// method scipy picks itself when both samples have more than 8 values or there are ties —
/// every real benchmark run.
public enum MannWhitneyU {
  public struct Result: Sendable, Equatable {
    /// U statistic of the first sample (scipy's `statistic`, U1 = R1 − n1(n1+1)/2, with R1
    /// the sum of the first sample's ranks in the pooled sample): the number of pairs
    /// (x, y) with x > y, ties counting ½. Between 0 and n1·n2; n1·n2/2 means no shift.
    public var u: Double
    /// Two-sided p-value from the normal approximation with tie correction and continuity
    /// correction: how likely a difference at least this large would be if both samples came
    /// from the same distribution. 1 when every value is the same.
    public var pValue: Double
  }

  /// Tests whether `x` and `y` (e.g. BASE and NEW per-request latencies in ms; any unit, as
  /// long as both share it) come from the same distribution.
  ///
  /// Returns `nil` when either sample is empty. The samples may be in any order and of
  /// different sizes. NaN values must not be passed (they have no rank; callers filter out
  /// failed requests first); a sample containing NaN gives `nil`.
  ///
  /// O(n log n) time: both samples are sorted (radix sort) and merged once to find the tie
  /// groups, so 100 000 values per side take milliseconds.
  public static func test(_ x: [Double], _ y: [Double]) -> Result? {
    guard !x.isEmpty, !y.isEmpty, !x.contains(where: \.isNaN), !y.contains(where: \.isNaN) else {
      return nil
    }
    let ranks = RankSums(RadixSort.sorted(x), RadixSort.sorted(y))
    let firstCount = x.count
    let secondCount = y.count
    let pairCount = Double(firstCount * secondCount)
    let u1 = Double(ranks.firstRankSumTwice - firstCount * (firstCount + 1)) / 2
    let u2 = pairCount - u1
    // The larger U: its upper tail, doubled, is the two-sided p-value.
    let u = max(u1, u2)

    // As scipy's `_get_mwu_z`, operation for operation.
    let mean = pairCount / 2
    let total = firstCount + secondCount
    let tieTerm = ranks.tieTerm / Double(total * (total - 1))
    let standardDeviation = (pairCount / 12 * (Double(total + 1) - tieTerm)).squareRoot()
    guard standardDeviation > 0 else {
      // Every value the same (the tie term cancels n + 1): no evidence of any difference.
      return Result(u: u1, pValue: 1)
    }
    let z = (u - mean - 0.5) / standardDeviation
    return Result(u: u1, pValue: twoSidedNormalTail(z))
  }

  /// 2·P(Z > z) for a standard normal Z, clipped to 1: `erfc(z/√2)`. For z > 0 this is the
  /// tail computed directly, accurate to the last digits even at p ≈ 1e−300 (where 1 − Φ(z)
  /// would be 0 by cancellation); it underflows to 0 only beyond z ≈ 38.5.
  static func twoSidedNormalTail(_ z: Double) -> Double {
    let halfSquareRootTwo = 0.707_106_781_186_547_524_40  // 1/√2, as cephes `ndtr` multiplies
    return min(1, erfc(z * halfSquareRootTwo))
  }

  /// The rank sum of the first sample and the tie term of the pooled sample, from both samples
  /// sorted: one merge walks the pooled order a group of equal values at a time.
  struct RankSums {
    /// 2·R1: twice the sum of the first sample's midranks (midranks are multiples of ½, so
    /// this is an exact integer).
    var firstRankSumTwice = 0
    /// Σ (t³ − t) over the groups of t equal values in the pooled sample (scipy's
    /// `tie_term`, also summed in `Double`). 0 without ties.
    var tieTerm = 0.0

    init(_ first: [Double], _ second: [Double]) {
      var firstIndex = 0
      var secondIndex = 0
      var ranked = 0  // values of the pooled sample before the current group
      while firstIndex < first.count || secondIndex < second.count {
        let firstIsNext =
          secondIndex == second.count || (firstIndex < first.count && first[firstIndex] <= second[secondIndex])
        let value = firstIsNext ? first[firstIndex] : second[secondIndex]
        let firstStart = firstIndex
        while firstIndex < first.count && first[firstIndex] == value { firstIndex += 1 }
        let secondStart = secondIndex
        while secondIndex < second.count && second[secondIndex] == value { secondIndex += 1 }
        let inFirst = firstIndex - firstStart
        let tied = inFirst + secondIndex - secondStart
        // The group holds ranks ranked + 1 … ranked + tied; their mean, doubled:
        firstRankSumTwice += inFirst * (2 * ranked + tied + 1)
        let t = Double(tied)
        tieTerm += t * t * t - t
        ranked += tied
      }
    }
  }
}
