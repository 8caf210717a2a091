import BenchModel
import Testing

@testable import BenchAnalysis

struct TrendAnalyzerTests {
  func entry(_ label: String, maxStable: Double, peak: Double, levels: [Double] = [8, 16, 32, 64]) -> TrendEntry {
    TrendEntry(
      label: label, testedAt: nil, variable: .users, maxStable: maxStable, recommendedLow: maxStable * 0.7,
      recommendedHigh: maxStable * 0.8, peakThroughput: peak,
      levels: levels.map { TrendEntry.Level(value: $0, metrics: [.requestThroughput: $0 * 2, .successRate: 1], verdict: "ok") })
  }

  @Test func referenceLevelIsTheHighestCommonLevelWithinMaxStable() {
    let entries = [entry("w1", maxStable: 32, peak: 100), entry("w2", maxStable: 64, peak: 120, levels: [16, 32, 64])]
    #expect(TrendAnalyzer.defaultReferenceLevel(entries) == 64)
    let lower = [entry("w1", maxStable: 64, peak: 100), entry("w2", maxStable: 16, peak: 120)]
    #expect(TrendAnalyzer.defaultReferenceLevel(lower) == 16)
  }

  @Test func seriesAndChangePoints() throws {
    let peaks: [Double] = [147.1, 175.0, 176.3, 174.0, 151.8]
    let entries = peaks.enumerated().map { entry("w\($0.offset + 1)", maxStable: 32, peak: $0.element) }
    let trend = TrendAnalyzer.trend(sweepKey: "k", title: "t", entries: entries, measure: .requestThroughput)
    let peak = try #require(trend.series.first { $0.metric == .peakThroughput })
    #expect(peak.changePoints.map(\.index) == [1, 4])
    #expect(peak.isRegression(peak.changePoints[1]))
    #expect(trend.currentIndex == 4)
    #expect(trend.referenceLevel == 32)
    #expect(trend.series.first { $0.metric == .throughput }?.values == [64, 64, 64, 64, 64])
    #expect(!trend.series.contains { $0.metric == .ttftP99 })
  }

  @Test func gapsAreSkippedAndIndicesMappedBack() {
    let series = TrendAnalyzer.analysed(
      .peakThroughput, values: [100, nil, 101, 99, 100, 120, nil, 121, 119, 120], settings: ChangePointSettings())
    #expect(series.changePoints.map(\.index) == [5])
  }
}

struct TestTimeTests {
  @Test func datesAreUTC() {
    // datetime(2024, 1, 1, 12, tzinfo=timezone.utc).timestamp() == 1704110400
    #expect(TestTime.parseDate("20240101-120000") == 1_704_110_400)
    #expect(TestTime.iso8601(1_795_461_904) == "2026-11-23T19:25:04Z")
    #expect(TestTime.parseDate("2024-13-01") == nil)
  }
}
