import BenchModel
import Foundation
import Testing

@testable import BenchAnalysis

/// The join of GPU and server samples to the levels' windows, and the findings it feeds.
/// Small synthetic series, each named for its case; the join on a real GPU log is in
/// `BenchIngestTests/NvidiaSMIReaderTests`.
struct ResourceJoinTests {
  /// A vLLM run at `concurrency` that ended at `date` (local, no zone) after `duration` s.
  static func run(_ concurrency: Int, date: String, duration: Double, output: Double = 1000) -> Run {
    SweepFixtures.run(concurrency: concurrency, outputThroughput: output, completed: 1000) {
      $0.date = date
      $0.duration = duration
    }
  }

  /// One GPU sampled once a second from `start` (Unix time) with the given utilisations.
  static func gpu(start: Double, utilization: [Double], power: Double = 300, clock: WallClock = .epoch) -> GPUSeries {
    var series = GPUSeries(id: "0", source: "gpu.csv", clock: clock)
    for (index, value) in utilization.enumerated() {
      series.append(time: start + Double(index), utilization: value, memoryUsed: 40_000, memoryTotal: 81_559, power: power)
    }
    return series
  }

  // 2026-12-03 07:00:00 UTC.
  static let seven = 1_796_281_200.0

  @Test func aLocalVLLMDateIsJoinedToUnixTimesInTheConfiguredZone() {
    // The run ended 15:00:10 in Shanghai (07:00:10 UTC) after 10 s: samples 07:00:00–07:00:10.
    let sweep = SweepFixtures.sweep([Self.run(8, date: "20261203-150010", duration: 10)])
    let utilization = (0..<30).map { Double($0) }  // 07:00:00 … 07:00:29
    var settings = AnalysisSettings()
    settings.timeZone = TimeZone(identifier: "Asia/Shanghai")
    let analysis = SweepAnalyzer.analyze(
      sweep, settings: settings, metrics: MetricsTimeline(gpus: [Self.gpu(start: Self.seven, utilization: utilization)]))
    let gpu = analysis.levels[0].gpu
    // Samples 0…10 inclusive: mean 5, numpy.percentile(range(11), 95) = 9.5.
    #expect(gpu?.samples == 11)
    #expect(gpu?.utilizationMean == 5)
    #expect(gpu?.utilizationP95 == 9.5)
    #expect(gpu?.powerMeanW == 300)
    // 300 W ÷ 1000 tok/s = 0.3 J/token; 1000 ÷ 300 tok/s per W.
    #expect(gpu?.energyPerOutputTokenJ == 0.3)
    #expect(abs((gpu?.outputTokensPerWatt ?? 0) - 1000.0 / 300) < 1e-12)
    #expect(analysis.resourceNotes.contains { $0.contains("Asia/Shanghai (UTC+08:00)") })
  }

  @Test func noOverlapIsSaidNeverASilentEmptyJoin() {
    // Read in UTC, the run ended 15:00:10 UTC: eight hours after the samples.
    let sweep = SweepFixtures.sweep([Self.run(8, date: "20261203-150010", duration: 10)])
    var settings = AnalysisSettings()
    settings.timeZone = TimeZone(identifier: "UTC")
    let analysis = SweepAnalyzer.analyze(
      sweep, settings: settings, metrics: MetricsTimeline(gpus: [Self.gpu(start: Self.seven, utilization: [50, 50])]))
    #expect(analysis.levels[0].gpu == nil)
    #expect(analysis.resourceNotes.contains { $0.contains("gpu.csv") && $0.contains("overlap no run") })
  }

  @Test func withoutMetricsNothingChanges() {
    let sweep = SweepFixtures.sweep([Self.run(8, date: "20261203-150010", duration: 10)])
    let analysis = SweepAnalyzer.analyze(sweep)
    #expect(analysis.levels[0].gpu == nil && analysis.levels[0].server == nil && analysis.resourceNotes.isEmpty)
  }

  /// One scrape a second from `start`: waiting, KV usage (0–1) and the cumulative preemptions.
  static func server(start: Double, waiting: [Double], kv: [Double], preemptions: [Double]) -> ServerSeries {
    var series = ServerSeries(key: "metrics.prom", source: "metrics.prom", server: "vllm", clock: .epoch)
    for index in waiting.indices {
      var scrape = ServerSeries.Scrape(time: start + Double(index))
      scrape.running = 16
      scrape.waiting = waiting[index]
      scrape.kvCacheUsage = kv[index]
      scrape.preemptions = preemptions[index]
      scrape.prefixCacheHits = Double(index) * 10
      scrape.prefixCacheQueries = Double(index) * 40
      series.append(scrape)
    }
    return series
  }

  @Test func serverGaugesCountersAndTheFindingsTheyFeed() {
    // Window 07:00:00–07:00:06 (UTC); scrapes at 0…6 s.
    let sweep = SweepFixtures.sweep([Self.run(16, date: "20261203-070006", duration: 6)])
    var settings = AnalysisSettings()
    settings.timeZone = TimeZone(identifier: "UTC")
    let server = Self.server(
      start: Self.seven, waiting: [0, 1, 2, 4, 6, 8, 10], kv: [0.5, 0.8, 0.9, 0.96, 0.97, 0.98, 0.99],
      preemptions: [0, 0, 1, 2, 3, 4, 6])
    let analysis = SweepAnalyzer.analyze(sweep, settings: settings, metrics: MetricsTimeline(servers: [server]))
    let metrics = analysis.levels[0].server
    #expect(metrics?.scrapes == 7)
    // mean(kv) × 100 = 87.142857…; max 99; 6 preemptions over 6 s; hits 60 / queries 240.
    #expect(abs((metrics?.kvCacheUsageMean ?? 0) - 6.1 / 7 * 100) < 1e-9)
    #expect(abs((metrics?.kvCacheUsageMax ?? 0) - 99) < 1e-9)
    #expect(metrics?.preemptionsPerSecond == 1)
    #expect(metrics?.prefixCacheHitRate == 25)
    #expect(metrics?.runningMean == 16)
    #expect(abs((metrics?.waitingMean ?? 0) - 31.0 / 7) < 1e-12)
    // First third (positions strictly < 1/3: 0 and 1 s) mean 0.5; last third (> 2/3: 5, 6 s) mean 9.
    #expect(metrics?.waitingFirstThird == 0.5)
    #expect(metrics?.waitingLastThird == 9)
    let codes = analysis.findings.map(\.code)
    #expect(codes.contains(.kvCacheSaturated))
    #expect(codes.contains(.queueGrowing))
  }

  @Test func gpuUnderutilizedAtTheMaxStableLevelAndMemoryHeadroom() {
    var settings = AnalysisSettings()
    settings.timeZone = TimeZone(identifier: "UTC")
    let runs = [
      Self.run(1, date: "20261203-070010", duration: 10, output: 100),
      Self.run(2, date: "20261203-070030", duration: 10, output: 200),
    ]
    let series = Self.gpu(start: Self.seven, utilization: Array(repeating: 40, count: 31))
    let analysis = SweepAnalyzer.analyze(SweepFixtures.sweep(runs), settings: settings, metrics: MetricsTimeline(gpus: [series]))
    let finding = analysis.findings.first { $0.code == .gpuUnderutilized }
    #expect(finding?.levels == [analysis.stability.maxStable].compactMap { $0 })
    #expect(finding?.number("utilizationMean") == 0.4)
    // 40 000 of 81 559 MiB = 49 %: headroom.
    #expect(analysis.findings.contains { $0.code == .memoryHeadroom })
  }

  @Test func timeZoneSettings() throws {
    var settings = AnalysisSettings()
    try settings.apply("timezone", "+08:00")
    #expect(settings.timeZone?.secondsFromGMT() == 8 * 3600)
    try settings.apply("timezone", "UTC-5")
    #expect(settings.timeZone?.secondsFromGMT() == -5 * 3600)
    try settings.apply("timezone", "Europe/Berlin")
    #expect(settings.timeZone?.identifier == "Europe/Berlin")
    #expect(throws: SettingsError.self) { try settings.apply("timezone", "Mars/Olympus") }
  }
}
