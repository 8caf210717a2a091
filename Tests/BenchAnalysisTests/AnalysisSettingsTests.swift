import Testing

@testable import BenchAnalysis

struct AnalysisSettingsTests {
  /// Settings after applying `name: value` to the defaults.
  func applying(_ name: String, _ value: String) throws(SettingsError) -> AnalysisSettings {
    var settings = AnalysisSettings()
    try settings.apply(name, value)
    return settings
  }

  /// The error applying `name: value` throws, or nil.
  func applyError(_ name: String, _ value: String) -> SettingsError? {
    do {
      _ = try applying(name, value)
      return nil
    } catch {
      return error
    }
  }

  @Test func defaults() {
    let settings = AnalysisSettings()
    #expect(settings.minimumSuccessRate == 0.95)
    #expect(settings.ttftLimitMilliseconds == 1000)
    #expect(settings.ttftStatistic == .percentile(99))
    #expect(settings.minimumThroughputGrowth == 0.2)
    #expect(settings.headroomLow == 0.7)
    #expect(settings.headroomHigh == 0.8)
    #expect(settings.objectives.isEmpty)
  }

  // MARK: - success_rate

  @Test(arguments: [
    ("95%", 0.95), ("0.9", 0.9), ("90", 0.9), (" 99.5% ", 0.995), ("1", 1.0), ("100", 1.0),
  ])
  func successRate(_ text: String, _ expected: Double) throws {
    #expect(approximatelyEqual(try applying("success_rate", text).minimumSuccessRate, expected))
  }

  @Test(arguments: ["high", "150%", "150", "-5%", ""])
  func invalidSuccessRate(_ text: String) throws {
    let error = try #require(applyError("success_rate", text))
    #expect(
      error
        == .invalidValue(
          setting: "success_rate", value: text.trimmingCharacters(in: .whitespaces),
          expected: "a percentage like 95% or a fraction like 0.95"))
    #expect(error.description.hasPrefix("invalid success_rate '"))
    #expect(error.description.contains("95%"))
  }

  // MARK: - ttft_limit

  @Test(arguments: [("1000ms", 1000.0), ("1.5s", 1500.0), ("800", 800.0), ("2S", 2000.0)])
  func ttftLimit(_ text: String, _ expected: Double) throws {
    #expect(try applying("ttft_limit", text).ttftLimitMilliseconds == expected)
  }

  @Test(arguments: ["fast", "0", "-5ms", "ms", "1 minute"])
  func invalidTTFTLimit(_ text: String) throws {
    let error = try #require(applyError("ttft_limit", text))
    #expect(
      error
        == .invalidValue(
          setting: "ttft_limit", value: text, expected: "a duration like 1000ms or 1s"))
    #expect(error.description.contains("'\(text)'"))
  }

  // MARK: - ttft_statistic

  @Test(arguments: [
    ("p99", LatencyStatistic.percentile(99)), ("P95", .percentile(95)), ("mean", .mean),
    ("median", .percentile(50)), ("p99.9", .percentile(99.9)),
  ])
  func ttftStatistic(_ text: String, _ expected: LatencyStatistic) throws {
    #expect(try applying("ttft_statistic", text).ttftStatistic == expected)
  }

  @Test(arguments: ["max", "99", "p101", "p"])
  func invalidTTFTStatistic(_ text: String) throws {
    let error = try #require(applyError("ttft_statistic", text))
    #expect(
      error
        == .invalidValue(
          setting: "ttft_statistic", value: text, expected: "mean, median or pNN (p90, p95, p99)"))
  }

  // MARK: - min_throughput_growth

  @Test(arguments: [("20%", 0.2), ("0.1", 0.1), ("15", 0.15), ("0%", 0.0)])
  func minimumGrowth(_ text: String, _ expected: Double) throws {
    #expect(
      approximatelyEqual(
        try applying("min_throughput_growth", text).minimumThroughputGrowth, expected)
    )
  }

  @Test(arguments: ["lots", "120%", "-10%"])
  func invalidMinimumGrowth(_ text: String) throws {
    let error = try #require(applyError("min_throughput_growth", text))
    #expect(
      error
        == .invalidValue(
          setting: "min_throughput_growth", value: text,
          expected: "a percentage like 20% or a fraction like 0.2"))
  }

  // MARK: - headroom

  @Test(arguments: [
    ("0.7-0.8", 0.7, 0.8), ("0.5 - 0.6", 0.5, 0.6), ("70%-80%", 0.7, 0.8),
    ("0.75-0.75", 0.75, 0.75),
    ("0.9-1", 0.9, 1.0),
  ])
  func headroom(_ text: String, _ low: Double, _ high: Double) throws {
    let settings = try applying("headroom", text)
    #expect(approximatelyEqual(settings.headroomLow, low))
    #expect(approximatelyEqual(settings.headroomHigh, high))
  }

  @Test(arguments: ["0.8-0.7", "0-0.5", "0.7-1.2", "0.7", "70-80", "a-b", "0.6-0.7-0.8"])
  func invalidHeadroom(_ text: String) throws {
    let error = try #require(applyError("headroom", text))
    guard case .invalidValue(let setting, let value, let expected) = error else {
      Issue.record("expected invalidValue, got \(error)")
      return
    }
    #expect(setting == "headroom")
    #expect(value == text)
    #expect(expected.contains("0.7-0.8"))
  }

  @Test func invalidValueLeavesTheSettingUnchanged() {
    var settings = AnalysisSettings()
    #expect(throws: SettingsError.self) { try settings.apply("headroom", "0.9-0.1") }
    #expect(throws: SettingsError.self) { try settings.apply("success_rate", "lots") }
    #expect(settings == AnalysisSettings())
  }

  // MARK: - slo

  @Test func sloList() throws {
    let settings = try applying("slo", "ttft_p99=800ms,error_rate=1%")
    #expect(
      settings.objectives.map(\.target) == [
        .latency(.ttft, .percentile(99), limitMilliseconds: 800), .errorRate(maximumFraction: 0.01),
      ])
  }

  @Test func invalidSLO() throws {
    let error = try #require(applyError("slo", "ttft_p99=fast"))
    guard case .invalidSLO(let item, _) = error else {
      Issue.record("expected invalidSLO, got \(error)")
      return
    }
    #expect(item == "ttft_p99=fast")
  }

  // MARK: - Unknown setting

  @Test func unknownSettingListsTheKnownOnes() throws {
    let error = try #require(applyError("ttft_limt", "1s"))
    #expect(error == .unknownSetting("ttft_limt", known: AnalysisSettings.settingNames))
    #expect(
      error.description
        == "unknown setting 'ttft_limt' (known: success_rate, ttft_limit, ttft_statistic, "
        + "min_throughput_growth, headroom, slo, served_fraction, min_requests, min_duration, min_levels, soak_minutes, timezone)")
  }

  @Test func everyAdvertisedSettingIsAccepted() throws {
    let examples = [
      "success_rate": "95%", "ttft_limit": "1s", "ttft_statistic": "p99",
      "min_throughput_growth": "20%", "headroom": "0.7-0.8", "slo": "ttft_p99=800ms",
      "served_fraction": "90%", "min_requests": "20", "min_duration": "5s", "min_levels": "2", "soak_minutes": "30",
      "timezone": "UTC",
    ]
    #expect(Set(examples.keys) == Set(AnalysisSettings.settingNames))
    var settings = AnalysisSettings()
    for name in AnalysisSettings.settingNames {
      try settings.apply(name, examples[name]!)
    }
    #expect(settings.minimumServedFraction == 0.9)
    #expect(settings.minimumRequests == 20)
    #expect(settings.minimumDurationSeconds == 5)
    #expect(settings.minimumLevels == 2)
  }
}
