import BenchModel
import Testing

@testable import BenchAnalysis

struct LatencyStatisticTests {
  @Test(arguments: [
    ("mean", LatencyStatistic.mean), ("avg", .mean), ("Average", .mean),
    ("median", .percentile(50)),
    ("p50", .percentile(50)), ("p99", .percentile(99)), ("P95", .percentile(95)),
    ("p99.9", .percentile(99.9)), ("p0", .percentile(0)), ("p100", .percentile(100)),
  ])
  func parses(_ text: String, _ expected: LatencyStatistic) {
    #expect(LatencyStatistic(parsing: text) == expected)
  }

  @Test(arguments: ["", "p", "99", "max", "p-1", "p100.5", "pnan", "pinf", "p99%", "mean "])
  func rejects(_ text: String) {
    #expect(LatencyStatistic(parsing: text) == nil)
  }

  @Test func descriptions() {
    #expect(LatencyStatistic.mean.description == "mean")
    #expect(LatencyStatistic.percentile(50).description == "p50")
    #expect(LatencyStatistic.percentile(99).description == "p99")
    #expect(LatencyStatistic.percentile(99.9).description == "p99.9")
  }

  @Test func descriptionParsesBack() {
    for statistic in [LatencyStatistic.mean, .percentile(50), .percentile(95), .percentile(99.9)] {
      #expect(LatencyStatistic(parsing: statistic.description) == statistic)
    }
  }

  @Test func valueReadsTheSummary() {
    let summary = LatencySummary(mean: 12, median: 10, percentiles: [99: 40, 95: 30])
    #expect(LatencyStatistic.mean.value(in: summary) == 12)
    #expect(LatencyStatistic.percentile(99).value(in: summary) == 40)
    #expect(LatencyStatistic.percentile(95).value(in: summary) == 30)
    // p50 falls back to the median when no p50 key was reported.
    #expect(LatencyStatistic.percentile(50).value(in: summary) == 10)
    // A percentile the file did not report is unknown, not interpolated.
    #expect(LatencyStatistic.percentile(90).value(in: summary) == nil)
    #expect(LatencyStatistic.mean.value(in: nil) == nil)
    #expect(LatencyStatistic.mean.value(in: LatencySummary()) == nil)
  }
}
