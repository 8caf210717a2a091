/// Percentiles computed the way `numpy.percentile` computes them by default.
///
/// vLLM, SGLang and most benchmark notebooks report percentiles with numpy's default
/// method ("linear", Hyndman–Fan type 7). Recomputing them any other way would make our
/// p99 disagree with the number the tool printed, so this reproduces numpy's arithmetic,
/// including the order of operations of its interpolation step.
///
/// Percentiles are on the 0…100 scale (99.9 means p99.9); the result has the unit of the
/// values (e.g. milliseconds).
public enum Percentile {
  /// The `p`-th percentile of values that are already sorted ascending, as
  /// `numpy.percentile(values, p)` returns it.
  ///
  /// The value sits at the virtual index `h = (n − 1) · p / 100` and is interpolated
  /// linearly between its two neighbours. Returns `nil` for no values, or for a `p` outside
  /// 0…100 (numpy raises there). The values must be sorted and free of NaN;
  /// ``linear(unsortedValues:at:)`` takes care of both.
  ///
  /// - Parameters:
  ///   - sortedValues: The sample, ascending. Not checked: that would cost a pass per call.
  ///   - p: The percentile, 0…100.
  public static func linear(_ sortedValues: [Double], _ p: Double) -> Double? {
    linear(count: sortedValues.count, p) { sortedValues[$0] }
  }

  /// The `p`-th percentile of a sample of `count` values, given the value at each rank
  /// (0-based position in ascending order): for a sample that is never sorted as a whole
  /// (``OrderStatistics``). Same arithmetic as ``linear(_:_:)``; at most two ranks are asked for.
  public static func linear(count: Int, _ p: Double, valueAtRank: (Int) -> Double) -> Double? {
    guard count > 0, (0...100).contains(p) else { return nil }
    let lastIndex = count - 1
    let quantile = p / 100
    let virtualIndex = Double(lastIndex) * quantile
    if virtualIndex >= Double(lastIndex) { return valueAtRank(lastIndex) }

    let below = Int(virtualIndex.rounded(.down))
    let gamma = virtualIndex - Double(below)
    return interpolate(from: valueAtRank(below), to: valueAtRank(below + 1), by: gamma)
  }

  /// The ranks (0-based positions in ascending order) that ``linear(count:_:valueAtRank:)``
  /// reads for each of `percentiles`: what a selection must find.
  public static func ranks(count: Int, _ percentiles: [Double]) -> [Int] {
    var ranks: [Int] = []
    for p in percentiles {
      _ = linear(count: count, p) { rank in
        ranks.append(rank)
        return 0
      }
    }
    return ranks
  }

  /// Several percentiles of an unsorted sample, sorting it once.
  ///
  /// Returns the percentiles in the order asked for, or `nil` when there are no values or
  /// one of `percentiles` lies outside 0…100. Like numpy, any NaN in the sample makes
  /// every percentile NaN.
  ///
  /// - Parameters:
  ///   - unsortedValues: The sample in any order (e.g. per-request latencies in ms).
  ///   - percentiles: The percentiles wanted, 0…100 (e.g. `[50, 90, 99, 99.9]`).
  public static func linear(unsortedValues: [Double], at percentiles: [Double]) -> [Double]? {
    guard !unsortedValues.isEmpty, percentiles.allSatisfy({ (0...100).contains($0) }) else {
      return nil
    }
    if unsortedValues.contains(where: \.isNaN) {
      return percentiles.map { _ in .nan }
    }
    let sorted = RadixSort.sorted(unsortedValues)
    return percentiles.compactMap { linear(sorted, $0) }
  }

  /// numpy's `_lerp`: interpolates from the nearer end so that `gamma` close to 1 lands
  /// exactly on `upper` (and the result is bit-identical to numpy's).
  private static func interpolate(from lower: Double, to upper: Double, by gamma: Double)
    -> Double
  {
    let difference = upper - lower
    if gamma >= 0.5 {
      return upper - difference * (1 - gamma)
    }
    return lower + difference * gamma
  }
}
