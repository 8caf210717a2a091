import BenchModel
import Testing

@testable import BenchAnalysis

struct ServiceLevelObjectiveTests {
  // MARK: - Valid objectives

  @Test func ttftP99InMilliseconds() throws {
    let objective = try ServiceLevelObjective.parse("ttft_p99=800ms")
    #expect(objective.target == .latency(.ttft, .percentile(99), limitMilliseconds: 800))
    #expect(objective.text == "ttft_p99=800ms")
    #expect(objective.description == "ttft_p99=800ms")
  }

  @Test func tpotP99InMilliseconds() throws {
    #expect(
      try ServiceLevelObjective.parse("tpot_p99=100ms").target
        == .latency(.tpot, .percentile(99), limitMilliseconds: 100))
  }

  @Test func secondsAreConvertedToMilliseconds() throws {
    #expect(
      try ServiceLevelObjective.parse("e2el_p99=10s").target
        == .latency(.e2el, .percentile(99), limitMilliseconds: 10_000))
  }

  @Test func bareNumberIsMillisecondsAndFractionalPercentile() throws {
    #expect(
      try ServiceLevelObjective.parse("itl_p99.9=50").target
        == .latency(.itl, .percentile(99.9), limitMilliseconds: 50))
  }

  @Test func throughputTargetForLocustRuns() throws {
    #expect(try ServiceLevelObjective.parse("qps_min=50").target == .minimumThroughput(requestsPerSecond: 50))
    #expect(try ServiceLevelObjective.parse("rps_min=12.5req/s").target == .minimumThroughput(requestsPerSecond: 12.5))
    #expect(throws: SettingsError.self) { try ServiceLevelObjective.parse("qps_min=-1") }
    // Older lists still parse the same; the new target mixes in.
    let list = try ServiceLevelObjective.parseList("ttft_p99=800ms,error_rate=1%,qps_min=50")
    #expect(list.map(\.target) == [.latency(.ttft, .percentile(99), limitMilliseconds: 800), .errorRate(maximumFraction: 0.01), .minimumThroughput(requestsPerSecond: 50)])
  }

  @Test func responseTimeAliasesMeanE2EL() throws {
    #expect(try ServiceLevelObjective.parse("rt_p99=500ms").target == .latency(.e2el, .percentile(99), limitMilliseconds: 500))
    #expect(try ServiceLevelObjective.parse("response_time_p95=1s").target == .latency(.e2el, .percentile(95), limitMilliseconds: 1000))
  }

  @Test func e2eIsAnAliasOfE2EL() throws {
    #expect(
      try ServiceLevelObjective.parse("e2e_p95=2s").target
        == .latency(.e2el, .percentile(95), limitMilliseconds: 2000))
  }

  @Test func meanAndMedianStatistics() throws {
    #expect(
      try ServiceLevelObjective.parse("ttft_mean=1.5s").target
        == .latency(.ttft, .mean, limitMilliseconds: 1500))
    #expect(
      try ServiceLevelObjective.parse("tpot_median=20ms").target
        == .latency(.tpot, .percentile(50), limitMilliseconds: 20))
  }

  @Test func errorRateAsPercentage() throws {
    #expect(
      try ServiceLevelObjective.parse("error_rate=1%").target == .errorRate(maximumFraction: 0.01))
  }

  @Test func errorRateAsFraction() throws {
    #expect(
      try ServiceLevelObjective.parse("error_rate=0.01").target
        == .errorRate(maximumFraction: 0.01))
  }

  @Test func upperCaseAndSurroundingSpacesAreAccepted() throws {
    let objective = try ServiceLevelObjective.parse("  TTFT_P99=800MS ")
    #expect(objective.target == .latency(.ttft, .percentile(99), limitMilliseconds: 800))
    // The text is quoted back as the user wrote it, without the surrounding spaces.
    #expect(objective.text == "TTFT_P99=800MS")
  }

  @Test func listKeepsOrderAndTrimsItems() throws {
    let objectives = try ServiceLevelObjective.parseList(
      "ttft_p99=800ms, tpot_p99=100ms ,e2el_p99=10s,error_rate=1%")
    #expect(
      objectives.map(\.target) == [
        .latency(.ttft, .percentile(99), limitMilliseconds: 800),
        .latency(.tpot, .percentile(99), limitMilliseconds: 100),
        .latency(.e2el, .percentile(99), limitMilliseconds: 10_000),
        .errorRate(maximumFraction: 0.01),
      ])
    #expect(
      objectives.map(\.text) == [
        "ttft_p99=800ms", "tpot_p99=100ms", "e2el_p99=10s", "error_rate=1%",
      ])
  }

  @Test func emptyListIsNoObjective() throws {
    #expect(try ServiceLevelObjective.parseList("").isEmpty)
  }

  // MARK: - Invalid objectives: the message names the item and says what to write

  /// The error `parse(text)` throws, or nil.
  func parseError(_ text: String) -> SettingsError? {
    do {
      _ = try ServiceLevelObjective.parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func metricWithoutStatistic() throws {
    let error = try #require(parseError("ttft=800"))
    guard case .invalidSLO(let item, _) = error else {
      Issue.record("expected invalidSLO, got \(error)")
      return
    }
    #expect(item == "ttft=800")
    #expect(error.description.contains("'ttft=800'"))
    #expect(error.description.contains("ttft_"))
    #expect(error.description.contains("pNN"))
  }

  @Test func unknownMetric() throws {
    let error = try #require(parseError("foo_p99=1s"))
    #expect(error.description.contains("'foo_p99=1s'"))
    #expect(error.description.contains("unknown metric"))
    #expect(error.description.contains("ttft_, tpot_, itl_ or e2el_"))
  }

  @Test func limitThatIsNotADuration() throws {
    let error = try #require(parseError("ttft_p99=fast"))
    #expect(error.description.contains("'ttft_p99=fast'"))
    #expect(error.description.contains("'fast' is not a duration"))
    #expect(error.description.contains("800ms"))
  }

  @Test func errorRateAboveHundredPercent() throws {
    let error = try #require(parseError("error_rate=120%"))
    #expect(error.description.contains("'error_rate=120%'"))
    #expect(error.description.contains("1%"))
    #expect(error.description.contains("0.01"))
  }

  @Test func unknownStatistic() throws {
    let error = try #require(parseError("ttft_max=1s"))
    #expect(error.description.contains("'ttft_max=1s'"))
    #expect(error.description.contains("unknown statistic 'max'"))
  }

  @Test(arguments: ["ttft_p99", "ttft_p99=", "=800ms", "ttft_p99=0ms", "ttft_p99=-5ms"])
  func malformedItemsAreRejected(_ text: String) {
    #expect(parseError(text) != nil)
  }

  @Test func listReportsTheBadItem() throws {
    do {
      _ = try ServiceLevelObjective.parseList("ttft_p99=800ms,foo_p99=1s")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("'foo_p99=1s'"))
    }
  }
}
