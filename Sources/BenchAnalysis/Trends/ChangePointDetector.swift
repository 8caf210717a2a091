/// Change points of a short series (one value per week): where the level shifted and stayed.
///
/// The method is Apache Otava's (formerly DataStax Hunter, Fleming et al., "Hunter: Using
/// Change Point Detection to Hunt for Performance Regressions", ICPE 2023): E-divisive means
/// (Matteson & James, "A Nonparametric Approach for Multiple Change Point Analysis of
/// Multivariate Data", JASA 2014) proposes the splits, a Student's t-test judges them.
///
/// 1. **Split** (candidates): a segment of 3 or more entries is split where the E-divisive
///    divergence Q̂ of its two parts is largest, recursively, until segments are shorter than 3.
/// 2. **Merge** (significance): while some candidate's t-test of its two neighbouring segments
///    has p > `maxPValue` (or the means differ by less than `minRelativeChange`), the weakest
///    (highest p; one whose segments are still too short to test, last) is dropped and its
///    segments joined; the rest are reported. Judging each split
///    against its final neighbours, not the whole series, lets two shifts in a short series
///    stand where a one-pass split would compare a mixture.
/// 3. **One week or a step**: an entry alone between two change points is an outlier (both of
///    its change points are dropped: the level went back); a change point whose new level is
///    only the newest entry is reported unconfirmed.
///
/// Pure and deterministic (no permutation test, no randomness).
public enum ChangePointDetector {
  public static func detect(_ values: [Double], settings: ChangePointSettings = ChangePointSettings()) -> ChangePointResult {
    guard values.count >= 3, values.allSatisfy(\.isFinite) else { return ChangePointResult(changePoints: [], outliers: []) }
    var candidates: [Int] = []
    split(values, start: 0, end: values.count, into: &candidates)
    candidates.sort()
    var kept = merge(values, candidates: candidates, settings: settings)

    // An entry alone between two change points (not the first, not the newest) is one week off.
    var outliers: [Int] = []
    let bounds = [0] + kept + [values.count]
    for position in stride(from: 1, to: bounds.count - 2, by: 1) where bounds[position + 1] - bounds[position] == 1 {
      outliers.append(bounds[position])
    }
    if !outliers.isEmpty {
      kept.removeAll { outliers.contains($0) || outliers.contains($0 - 1) }
      kept = merge(values, candidates: kept, settings: settings)
    }
    return ChangePointResult(changePoints: changePoints(values, at: kept, skipping: outliers), outliers: outliers)
  }

  /// E-divisive divergence of `values[start..<split]` and `values[split..<end]` (α = 1):
  /// Q̂ = mn/(m+n) · (2/(mn) Σ|x−y| − Σ_{i<j}|xᵢ−xⱼ| / C(m,2) − Σ_{i<j}|yᵢ−yⱼ| / C(n,2)),
  /// a within-part sum taken as 0 for a part of one value.
  public static func divergence(_ values: [Double], start: Int, split: Int, end: Int) -> Double {
    let (m, n) = (Double(split - start), Double(end - split))
    var between = 0.0
    for i in start..<split { for j in split..<end { between += abs(values[i] - values[j]) } }
    func within(_ range: Range<Int>) -> Double {
      guard range.count > 1 else { return 0 }
      var sum = 0.0
      for i in range { for j in (i + 1)..<range.upperBound { sum += abs(values[i] - values[j]) } }
      return sum / (Double(range.count * (range.count - 1)) / 2)
    }
    let energy = 2 * between / (m * n) - within(start..<split) - within(split..<end)
    return m * n / (m + n) * energy
  }

  static func split(_ values: [Double], start: Int, end: Int, into candidates: inout [Int]) {
    guard end - start >= 3 else { return }
    var best = start + 1
    var bestValue = divergence(values, start: start, split: best, end: end)
    for k in (start + 2)..<end {
      let q = divergence(values, start: start, split: k, end: end)
      // The first of equal maxima (as numpy's argmax), with rounding noise not counted as more.
      if q > bestValue + 1e-12 * abs(bestValue) {
        best = k
        bestValue = q
      }
    }
    candidates.append(best)
    split(values, start: start, end: best, into: &candidates)
    split(values, start: best, end: end, into: &candidates)
  }

  /// Drops the weakest failing candidate until every one left passes. A candidate whose two
  /// segments hold fewer than 3 values cannot be tested yet; it goes only when no testable one
  /// fails (its neighbours' merging may make it testable).
  static func merge(_ values: [Double], candidates: [Int], settings: ChangePointSettings) -> [Int] {
    var kept = candidates
    while !kept.isEmpty {
      let bounds = [0] + kept + [values.count]
      var weakest: (testable: Bool, pValue: Double, position: Int)?
      for position in kept.indices {
        let left = values[bounds[position]..<kept[position]]
        let right = values[kept[position]..<bounds[position + 2]]
        let test = StudentTTest.test(left, right)
        let pValue = test?.pValue ?? 1
        let passes = pValue <= settings.maxPValue && relativeChange(left, right) >= settings.minRelativeChange
        guard !passes else { continue }
        let candidate = (testable: test != nil, pValue: pValue, position: position)
        // Testable before untestable; then the highest p; on equal p the later one (as the reference does).
        if let current = weakest {
          if (candidate.testable && !current.testable)
            || (candidate.testable == current.testable && candidate.pValue >= current.pValue)
          {
            weakest = candidate
          }
        } else {
          weakest = candidate
        }
      }
      guard let weakest else { break }
      kept.remove(at: weakest.position)
    }
    return kept
  }

  static func relativeChange(_ left: ArraySlice<Double>, _ right: ArraySlice<Double>) -> Double {
    let before = left.reduce(0, +) / Double(left.count)
    let after = right.reduce(0, +) / Double(right.count)
    if before == 0 { return after == 0 ? 0 : .infinity }
    return abs(after / before - 1)
  }

  static func changePoints(_ values: [Double], at kept: [Int], skipping outliers: [Int]) -> [ChangePoint] {
    let bounds = [0] + kept + [values.count]
    let clean = { (range: Range<Int>) -> [Double] in range.filter { !outliers.contains($0) }.map { values[$0] } }
    return kept.indices.map { position in
      let left = clean(bounds[position]..<kept[position])
      let right = clean(kept[position]..<bounds[position + 2])
      let pValue = StudentTTest.test(left[...], right[...])?.pValue ?? 1
      return ChangePoint(
        index: kept[position], meanBefore: left.reduce(0, +) / Double(max(left.count, 1)),
        meanAfter: right.reduce(0, +) / Double(max(right.count, 1)), pValue: pValue,
        confirmed: bounds[position + 2] - kept[position] >= 2)
    }
  }
}
