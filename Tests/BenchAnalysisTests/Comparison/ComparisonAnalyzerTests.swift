import BenchModel
import Testing

@testable import BenchAnalysis

struct ComparisonAnalyzerTests {
  typealias F = ComparisonFixtures

  func settings(_ rules: String = "ttft_p99:+10%,output_throughput:-5%,success_rate:-1pt") throws -> ComparisonSettings
  {
    var settings = ComparisonSettings()
    settings.rules = try RegressionRule.parseList(rules)
    return settings
  }

  @Test func aSweepComparedWithItselfHasNoChangeAndFiresNoRule() throws {
    let snapshot = F.snapshot(samples: { level in (0..<200).map { 40 + Double(($0 * 37 + level) % 97) } })
    let comparison = ComparisonAnalyzer.compare(base: [snapshot], new: [snapshot], settings: try settings())
    #expect(comparison.sweeps.count == 1)
    #expect(comparison.significantChanges.isEmpty)
    #expect(!comparison.failed)
    #expect(comparison.sweeps[0].decisions.allSatisfy { $0.assessment == .unchanged })
    #expect(comparison.sweeps[0].levels.count == 4)
  }

  @Test func withoutSamplesTheRelativeThresholdDecides() throws {
    let base = F.snapshot(throughput: { Double($0) * 100 }, ttft: { _ in 100 })
    let new = F.snapshot(throughput: { $0 == 8 ? 750 : Double($0) * 104 }, ttft: { $0 == 4 ? 112 : 104.9 })
    let comparison = ComparisonAnalyzer.compare(base: [base], new: [new], settings: try settings())
    let levels = comparison.sweeps[0].levels
    // +4 % throughput is within the 5 % threshold; -6.25 % at 8 is beyond it and worse.
    #expect(levels[0].change(.outputThroughput)?.assessment == .unchanged)
    #expect(levels[3].change(.outputThroughput)?.assessment == .worse)
    #expect(levels[3].change(.outputThroughput)?.evidence == .relativeThreshold(0.05))
    // TTFT +4.9 % is noise, +12 % is worse.
    #expect(levels[0].change(.latency(.ttft, .percentile(99)))?.assessment == .unchanged)
    #expect(levels[2].change(.latency(.ttft, .percentile(99)))?.assessment == .worse)
    // Both fire their rule; nothing else does.
    #expect(comparison.violations.map(\.rule.text).sorted() == ["output_throughput:-5%", "ttft_p99:+10%"])
    #expect(comparison.violations.first { $0.rule.text == "ttft_p99:+10%" }?.level == .concurrency(4))
  }

  @Test func successRateIsJudgedInPoints() throws {
    let base = F.snapshot(success: 0.99)
    let dropped = F.snapshot(success: 0.975)
    let comparison = ComparisonAnalyzer.compare(base: [base], new: [dropped], settings: try settings())
    let change = try #require(comparison.sweeps[0].levels[0].change(.successRate))
    #expect(change.assessment == .worse)
    #expect(abs(change.absolute + 0.015) < 1e-12)
    #expect(comparison.violations.contains { $0.rule.text == "success_rate:-1pt" })
    let slight = ComparisonAnalyzer.compare(base: [base], new: [F.snapshot(success: 0.985)], settings: try settings())
    #expect(slight.sweeps[0].levels[0].change(.successRate)?.assessment == .unchanged)
  }

  @Test func withSamplesTheBootstrapDecidesAndNoiseDoesNotFire() throws {
    // Same distribution, different draws (a deterministic shuffle): p99 moves by chance only.
    let values: [Double] = (0..<400).map { (index: Int) -> Double in 40 + 60 * Double((index * 7919) % 400) / 400 }
    var shuffled: [Double] = []
    for index in 0..<400 {
      let jitter = Double(index % 3 - 1) * 0.01
      shuffled.append(values[(index * 211) % 400] + jitter)
    }
    let base = F.snapshot(samples: { _ in values })
    let same = F.snapshot(samples: { _ in shuffled })
    let shifted = F.snapshot(samples: { _ in values.map { $0 * 1.3 } })
    let noise = ComparisonAnalyzer.compare(base: [base], new: [same], settings: try settings())
    let change = try #require(noise.sweeps[0].levels[0].change(.latency(.ttft, .percentile(99))))
    guard case .bootstrap(let interval, let p, let baseCount, let newCount) = change.evidence else {
      Issue.record("expected bootstrap evidence, got \(change.evidence)")
      return
    }
    #expect(baseCount == 400 && newCount == 400)
    #expect(interval.lower <= 0 && interval.upper >= 0)
    #expect((p ?? 0) > 0.5)
    #expect(change.assessment == .unchanged)
    #expect(!noise.failed)

    let real = ComparisonAnalyzer.compare(base: [base], new: [shifted], settings: try settings())
    let worse = try #require(real.sweeps[0].levels[0].change(.latency(.ttft, .percentile(99))))
    #expect(worse.assessment == .worse)
    #expect(real.violations.contains { $0.rule.text == "ttft_p99:+10%" })
  }

  @Test func decisionsAndLevelsOnOneSideAreReported() throws {
    let base = F.snapshot(levels: [1, 2, 4, 8], maxStable: 8)
    let new = F.snapshot(levels: [2, 4, 8, 16], maxStable: 4)
    let comparison = ComparisonAnalyzer.compare(base: [base], new: [new], settings: try settings("max_stable:-25%"))
    let sweep = comparison.sweeps[0]
    #expect(sweep.levels.map(\.level) == [.concurrency(2), .concurrency(4), .concurrency(8)])
    #expect(sweep.levelsOnlyInBase == [.concurrency(1)])
    #expect(sweep.levelsOnlyInNew == [.concurrency(16)])
    let maxStable = try #require(sweep.decisions.first { $0.kind == .maxStable })
    #expect(maxStable.base == 8 && maxStable.new == 4 && maxStable.assessment == .worse && maxStable.relative == -0.5)
    #expect(comparison.violations.count == 1 && comparison.violations[0].decision?.kind == .maxStable)
  }

  @Test func theResultIsTheSameEveryTime() throws {
    let base = F.snapshot(samples: { level in (0..<300).map { 50 + Double(($0 * 13 + level) % 61) } })
    let new = F.snapshot(samples: { level in (0..<300).map { 52 + Double(($0 * 17 + level) % 61) } })
    let first = ComparisonAnalyzer.compare(base: [base], new: [new], settings: try settings())
    let second = ComparisonAnalyzer.compare(base: [base], new: [new], settings: try settings())
    #expect(first == second)
  }
}
