import BenchAnalysis
import BenchModel
import Foundation
import Testing

@testable import BenchReport

/// The trends section's view model, trend.json and the Markdown trend report, from a trend of
/// five entries whose peak throughput steps up at w2 and down at w5 (the demo's shape).
struct TrendReportTests {
  typealias F = ReportFixtures

  static func input() -> TrendReportInput {
    let peaks: [Double] = [147.1, 175.0, 176.3, 174.0, 151.8]
    let entries = peaks.enumerated().map { index, peak in
      TrendEntry(
        label: "w\(index + 1)", testedAt: 1_795_461_904 + Double(index) * 604_800, variable: .users, maxStable: 32,
        recommendedLow: 22, recommendedHigh: 25, peakThroughput: peak,
        levels: [TrendEntry.Level(value: 32, metrics: [.requestThroughput: 90, .successRate: 1], verdict: "ok")])
    }
    let trend = TrendAnalyzer.trend(sweepKey: "variable=users|tool=locust", title: "locust | gateway", entries: entries, measure: .requestThroughput)
    return TrendReportInput(trends: [trend], window: 12, historyName: "history.sqlite")
  }

  @Test func contextTablesAndSentences() throws {
    let context = TrendContextBuilder(strings: try F.strings(.en), escaping: .markdown).build(Self.input())
    let sweep = try #require(context.sweeps.first)
    #expect(sweep.title == "locust \\| gateway")  // escaped for a Markdown table
    #expect(sweep.rows.map(\.current) == [false, false, false, false, true])
    #expect(sweep.rows[0].date == "2026-11-23")
    #expect(sweep.columns.prefix(3) == ["Entry", "Tested", "Max stable"])
    #expect(sweep.alignmentRow == "|---|---|" + String(repeating: "---:|", count: sweep.columns.count - 2))
    #expect(sweep.changes.count == 2)
    #expect(sweep.changes[0].contains("a sustained shift from w2: 147.1 → 175.1 (+19%, p = 0.0023), better"))
    #expect(sweep.changes[1].contains("w5 moved from 175.1 to 151.8"))
    #expect(sweep.changes[1].contains("only this entry so far"))
  }

  @Test func regressionsGateOnTheNewestShift() {
    let regressions = Self.input().regressions
    #expect(regressions.map(\.series.metric) == [.peakThroughput])
    #expect(regressions.first?.change.confirmed == false)
  }

  @Test func trendJSON() throws {
    let text = TrendJSONWriter().render(Self.input())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["kind"] as? String == "trend")
    let sweeps = try #require(object["sweeps"] as? [[String: Any]])
    let metrics = try #require(sweeps.first?["metrics"] as? [[String: Any]])
    let peak = try #require(metrics.first { $0["metric"] as? String == "peakThroughput" })
    let changes = try #require(peak["changePoints"] as? [[String: Any]])
    #expect(changes.map { $0["label"] as? String } == ["w2", "w5"])
    #expect(changes.map { $0["regression"] as? Bool } == [false, true])
    let entries = try #require(sweeps.first?["entries"] as? [[String: Any]])
    #expect(entries.first?["testedAt"] as? String == "2026-11-23T19:25:04Z")
  }

  @Test func markdownTrendReport() throws {
    let renderer = ReportRenderer(strings: try F.strings(.en), templatesDirectory: F.templatesDirectory)
    let markdown = try TrendDocuments(renderer: renderer).render(.markdown, Self.input())
    #expect(markdown.contains("## Trends"))
    #expect(markdown.contains("| **w5** ◀ | 2026-12-21 |"))
    #expect(!markdown.contains("}}"))
    let html = try TrendDocuments(renderer: renderer).render(.html, Self.input())
    #expect(html.contains("<strong>w5</strong> ◀"))
  }

  /// `history import` reads what the history keeps beyond a comparison's snapshot.
  @Test func importReadsVerdictsFindingsAndTestTime() throws {
    let path = F.packageRoot.appendingPathComponent("Tests/BenchReportTests/Golden/analysis.json").path
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let document = try AnalysisJSONHistory.read(data, path: path)
    let sweep = try #require(document.sweeps.first)
    #expect(sweep.testedAt == TestTime.parseDate("20250326-214428"))
    #expect(sweep.snapshot.levels.map { sweep.verdicts[$0.level] }.filter { $0 == "client-limited" }.count == 4)
    #expect(sweep.findings.map(\.code) == ["client-rate-cap", "prompts-below-concurrency", "decode-slowdown"])
    #expect(document.environment["gpu"] == "1× NVIDIA H100 80GB")
  }
}
