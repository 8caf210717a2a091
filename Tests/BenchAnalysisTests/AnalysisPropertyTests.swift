import BenchAnalysis
import BenchModel
import PropertyBased
import Testing

/// Properties that must hold for any input, checked on generated data (swift-property-based,
/// with shrinking to a minimal counterexample on failure).
@Suite struct AnalysisPropertyTests {
  static let samples = Gen.double(in: 0...10_000).array(of: 1...300)
  static let percentile = Gen.double(in: 0...100)

  @Test func percentilesAreMonotoneInP() async {
    await propertyCheck(input: Self.samples, Self.percentile, Self.percentile) { values, p, q in
      let sorted = values.sorted()
      let (low, high) = (min(p, q), max(p, q))
      let lower = Percentile.linear(sorted, low)!
      let upper = Percentile.linear(sorted, high)!
      #expect(lower <= upper)
      #expect(lower >= sorted.first! && upper <= sorted.last!)
    }
  }

  /// Random positive throughputs at doubling concurrency levels, 3 to 9 levels.
  static let throughputs = Gen.double(in: 1...5_000).array(of: 3...9)

  static func sweep(_ throughput: [Double], ttft: [Double]? = nil) -> Sweep {
    let levels = (0..<throughput.count).map { 1 << $0 }
    return SweepFixtures.sweep(
      zip(levels, throughput).enumerated().map { index, pair in
        SweepFixtures.run(concurrency: pair.0, outputThroughput: pair.1, ttftP99: ttft?[index] ?? 100)
      })
  }

  @Test func scalingEfficiencyIsAtMostOneForConcaveThroughput() async {
    // T(c) = a·c / (1 + b·c) is concave and increasing: per-request throughput never grows.
    await propertyCheck(input: Gen.double(in: 1...1_000), Gen.double(in: 0...2), Gen.int(in: 3...9)) { a, b, count in
      let levels = (0..<count).map { Double(1 << $0) }
      let analysis = SweepAnalyzer.analyze(Self.sweep(levels.map { a * $0 / (1 + b * $0) }))
      for level in analysis.levels {
        #expect((level.scalingEfficiency ?? 0) <= 1 + 1e-12)
      }
    }
  }

  @Test func recommendationNeverExceedsTheMaxStableLevel() async {
    await propertyCheck(input: Self.throughputs, Gen.double(in: 10...3_000).array(of: 9)) { throughput, ttft in
      let analysis = SweepAnalyzer.analyze(Self.sweep(throughput, ttft: Array(ttft.prefix(throughput.count))))
      guard let maxStable = analysis.stability.maxStable, case .concurrency(let limit) = maxStable else {
        #expect(analysis.recommendation == nil)
        return
      }
      guard case .concurrency(let low, let high)? = analysis.recommendation?.range else {
        Issue.record("a stable level without a concurrency recommendation")
        return
      }
      #expect(1 <= low && low <= high && high <= limit)
    }
  }

  @Test func maxStableIsTheLevelBeforeTheFirstUnstableOne() async {
    await propertyCheck(input: Self.throughputs, Gen.double(in: 10...3_000).array(of: 9)) { throughput, ttft in
      let analysis = SweepAnalyzer.analyze(Self.sweep(throughput, ttft: Array(ttft.prefix(throughput.count))))
      let levels = analysis.levels.map(\.level)
      if let unstable = analysis.stability.firstUnstable, let index = levels.firstIndex(of: unstable) {
        #expect(analysis.stability.maxStable == (index > 0 ? levels[index - 1] : nil))
        #expect(!analysis.stability.reasons.isEmpty)
      } else {
        #expect(analysis.stability.maxStable == levels.last)
      }
    }
  }

  @Test func kneeLiesWithinTheTestedLevels() async {
    await propertyCheck(input: Self.throughputs) { throughput in
      let analysis = SweepAnalyzer.analyze(Self.sweep(throughput))
      let levels = Set(analysis.levels.map(\.level))
      for outcome in [analysis.knee.linear, analysis.knee.log2] {
        if case .found(let level, _) = outcome { #expect(levels.contains(level)) }
      }
    }
  }

  @Test func resultsDoNotDependOnTheOrderOfRuns() async {
    await propertyCheck(input: Self.throughputs) { throughput in
      let runs = Self.sweep(throughput).runs
      let forward = SweepAnalyzer.analyze(SweepFixtures.sweep(runs))
      let backward = SweepAnalyzer.analyze(SweepFixtures.sweep(runs.reversed()))
      #expect(forward == backward)
    }
  }
}
