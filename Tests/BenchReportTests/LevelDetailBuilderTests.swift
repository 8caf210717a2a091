import BenchAnalysis
import BenchModel
import Testing

@testable import BenchReport

/// Per-level detail and the headline values of a sweep, from the golden input (numbers as in
/// the golden report, which quotes the files).
struct LevelDetailBuilderTests {
  typealias F = ReportFixtures

  func context(_ language: ReportLanguage = .en) throws -> ReportContext {
    ReportContextBuilder(strings: try F.strings(language), escaping: .html).build(F.goldenInput())
  }

  @Test func h100LevelsCarryEveryLatencyStatistic() throws {
    let sweep = try context().sweeps[0]
    #expect(sweep.levelDetails.map(\.level) == ["1", "2", "4", "8", "16", "32", "64", "128", "256"])
    let c32 = sweep.levelDetails[5]
    #expect(c32.title == "Concurrency 32")
    // The client's 10 req/s cap binds from 32 on: 16 is the last level the server really saw.
    #expect(c32.isKnee && !c32.isMaxStable && !c32.isUnstable)
    #expect(c32.verdict == "client-limited" && c32.verdictClass == "warn")
    #expect(sweep.levelDetails[4].isMaxStable && sweep.levelDetails[4].state == "max-stable")
    // TTFT at 32 from the file: mean 77.0, median 69.8, p99 133.8; no p90/p95 in the summary keys.
    let ttft = try #require(c32.latencyRows.first)
    #expect(
      [ttft.metric, ttft.mean, ttft.p50, ttft.p90, ttft.p95, ttft.p99] == ["TTFT", "77.0", "69.8", "—", "—", "133.8"])
    #expect(ttft.source == "as reported in the file")
    #expect(c32.latencyRows.map(\.metric) == ["TTFT", "TPOT", "ITL"])
    // Facts the files lack are left out, not shown as "—".
    #expect(c32.facts.map(\.value).allSatisfy { $0 != "—" })
    #expect(c32.facts.first { $0.key == "Total (tok/s)" }?.value == "9,926.2")
    #expect(
      c32.files == [
        "FP8-1xH100-results-8B-llama-date-2025-03-26/openai-10.0qps-itkns-1024-otkns-170-concurrency32-Meta-Llama-3.1-8B-Instruct-FP8-20250326-214734.json"
      ])
    let c64 = sweep.levelDetails[6]
    #expect(!c64.isUnstable && c64.state == "stable")
    // The deciding reason first; the growth rule also fired, but the client's cap explains it.
    #expect(c64.stopReasons.first == "the client's --request-rate 10 req/s, from 64 on")
    #expect(c64.stopReasons.count == 2)
    #expect(sweep.levelDetails[7].stopReasons.first == "only 100 requests at concurrency 128")
    #expect(sweep.levelDetails.filter(\.hasStopReasons).count == 4)
  }

  @Test func rateLevelsShowErrorsAndNotes() throws {
    let infinity = try #require(try context().sweeps[1].levelDetails.last)
    #expect(infinity.title == "Request rate ∞")
    #expect(infinity.errors.map(\.message) == ["Server disconnected | retry <later>"])
    #expect(infinity.notes == ["request_rate is Infinity: every request sent at t = 0"])
    #expect(infinity.latencyRows.first?.source == "recomputed from per-request samples")
  }

  @Test func headlineValues() throws {
    let sweeps = try context().sweeps
    #expect(
      [sweeps[0].maxStableValue, sweeps[0].recommendedValue, sweeps[0].kneeValue, sweeps[0].peakThroughputValue]
        == ["16", "11–12", "32", "1,543.0 output tok/s"])
    #expect(
      [sweeps[1].maxStableValue, sweeps[1].recommendedValue, sweeps[1].kneeValue, sweeps[1].levelCount]
        == ["8 req/s", "5.6–6.4 req/s", "—", "4"])
    #expect(sweeps[0].allTargetsMet)
    #expect(!sweeps[1].allTargetsMet)
    #expect(sweeps[1].targetSummaries.map(\.state) == ["fail", "pass"])
    #expect(sweeps[1].targetSummaries[0].detail == "met up to 8 req/s; first missed at ∞ (80%)")
    let zh = try context(.zh).sweeps[1]
    #expect(zh.targetSummaries[0].name == "成功率 ≥ 95%")
    #expect(zh.targetSummaries[0].detail == "满足至 8 req/s；在 ∞ 首次未满足（80%）")
    #expect(zh.levelDetails[0].title == "请求速率 2 req/s")
  }
}
