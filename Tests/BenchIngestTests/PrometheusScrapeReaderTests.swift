import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// vLLM `/metrics` scrapes: real ones (Ahasannn's idle scrape and two after-request
/// snapshots), alone, concatenated under `# scrape_time` lines, and the renamed spellings.
/// Expected values are the samples as `grep` shows them in the files.
struct PrometheusScrapeReaderTests {
  static var metrics: URL { NvidiaSMIReaderTests.metrics }
  static let earlier = "f2043a53-879e-4a4e-962e-ed4647c0eec0.prom"
  static let later = "02ce4b09-7c48-46de-97b9-ac73bb373920.prom"

  static func text(_ name: String) throws -> String {
    try String(contentsOf: metrics.appendingPathComponent(name), encoding: .utf8)
  }

  static func parse(_ text: String, display: String = "metrics.prom", modified: Double? = nil) -> PrometheusScrapeReader.Parsed {
    Array(text.utf8).withUnsafeBufferPointer { PrometheusScrapeReader.parse($0, display: display, modificationTime: modified) }
  }

  @Test func realScrapesAreRecognisedByContent() throws {
    for name in [Self.earlier, "ahasannn-vllm_metrics.txt"] {
      let head = Array(try Self.text(name).utf8.prefix(SniffedFile.headSize))
      #expect(PrometheusScrapeReader().confidence(for: SniffedFile(path: "/x", display: name, head: head)) == .certain)
    }
  }

  @Test func oneRealScrapeDatedByItsModificationTime() throws {
    guard case .success(let series, let notes) = Self.parse(try Self.text(Self.later), display: Self.later, modified: 1_762_134_600)
    else {
      Issue.record("not read")
      return
    }
    // grep: prefix_cache_queries_total 228.0, prefix_cache_hits_total 0.0,
    // generation_tokens_total 2502.0, num_preemptions_total 0.0, kv_cache_usage_perc 0.0.
    #expect(series.times == [1_762_134_600])
    #expect(series.prefixCacheQueries == [228])
    #expect(series.prefixCacheHits == [0])
    #expect(series.generationTokens == [2502])
    #expect(series.preemptions == [0])
    #expect(series.running == [0] && series.waiting == [0] && series.kvCacheUsage == [0])
    #expect(notes.count == 1 && notes[0].contains("modification time"))
  }

  @Test func concatenatedScrapesUnderScrapeTimeLines() throws {
    let text =
      "# scrape_time 1762134600.5\n" + (try Self.text(Self.earlier)) + "# scrape_time: 2025-11-03T01:50:10Z\n"
      + (try Self.text(Self.later))
    guard case .success(let series, let notes) = Self.parse(text) else {
      Issue.record("not read")
      return
    }
    #expect(notes.isEmpty)
    #expect(series.key == "metrics.prom")
    // 2025-11-03T01:50:10Z = 1762134610.
    #expect(series.times == [1_762_134_600.5, 1_762_134_610])
    #expect(series.generationTokens == [2246, 2502])
    #expect(series.prefixCacheQueries == [208, 228])
  }

  @Test func anIdleScrapeEndingOnAnEmptyFamilyIsRead() throws {
    guard case .success(let series, _) = Self.parse(try Self.text("ahasannn-vllm_metrics.txt"), modified: 1_762_400_000) else {
      Issue.record("not read")
      return
    }
    #expect(series.generationTokens == [0])
    #expect(series.kvCacheUsage == [0])
  }

  @Test func undatedConcatenatedScrapesAreSkippedWithWhatToDo() throws {
    let text = (try Self.text(Self.earlier)) + (try Self.text(Self.later))
    guard case .unusable(let reason) = Self.parse(text, modified: 1_762_134_600) else {
      Issue.record("read")
      return
    }
    #expect(reason.contains("# scrape_time"))
  }

  @Test func oldAndNewSpellingsAndSeveralEngines() {
    let text = """
      # TYPE vllm:gpu_cache_usage_perc gauge
      vllm:gpu_cache_usage_perc{engine="0",model_name="m"} 0.5
      vllm:gpu_cache_usage_perc{engine="1",model_name="m"} 0.7
      # TYPE vllm:num_requests_waiting gauge
      vllm:num_requests_waiting{engine="0",model_name="m"} 3.0 1764745610000
      vllm:num_requests_waiting{engine="1",model_name="m"} 4.0 1764745610000
      vllm:gpu_prefix_cache_hits_total{engine="0"} 10
      vllm:gpu_prefix_cache_queries_total{engine="0"} 40
      vllm:num_preemptions{engine="0"} 2
      """
    guard case .success(let series, _) = Self.parse(text) else {
      Issue.record("not read")
      return
    }
    #expect(series.times == [1_764_745_610])
    #expect(abs(series.kvCacheUsage[0] - 0.6) < 1e-12)
    #expect(series.waiting == [7])
    #expect(series.prefixCacheHits == [10] && series.prefixCacheQueries == [40] && series.preemptions == [2])
    #expect(series.running[0].isNaN)
  }

  @Test func timesInFileNames() {
    #expect(PrometheusScrapeReader.timeInFileName("s/metrics-1764745610.prom")?.seconds == 1_764_745_610)
    #expect(PrometheusScrapeReader.timeInFileName("s/metrics-20261203-072650.prom")?.clock == .local)
    #expect(PrometheusScrapeReader.timeInFileName("s/02ce4b09-7c48-46de-97b9-ac73bb373920.prom") == nil)
  }
}

/// Metric files are not runs: alone they give no run (so `analyze` says "no benchmark
/// results"), beside results they are read, never listed as skipped or unreadable.
struct MetricsFilesInAFolderTests {
  @Test func metricFilesAloneGiveNoRunsAndNoSkippedFiles() throws {
    let folder = try TestFixtures.temporaryFolder()
    for name in ["xypp3-nvidia_smi.csv", PrometheusScrapeReaderTests.later] {
      try FileManager.default.copyItem(
        at: NvidiaSMIReaderTests.metrics.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let result = InputScanner().scan([folder.path])
    #expect(result.runs.isEmpty)
    #expect(result.skipped.isEmpty)
    #expect(result.filesExamined == 2)
    #expect(result.metrics.gpus.count == 8)
    #expect(result.metrics.servers.count == 1)
  }
}
