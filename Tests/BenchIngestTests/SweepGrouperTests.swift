import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Expected sweeps come from what `SOURCES.md` says each sample is (e.g. "Concurrency sweep
/// 1→256 at fixed --request-rate 10", "request-rate sweep 1/10/20/30/35/inf for vLLM and for
/// SGLang", "Request-rate sweep 1/2/4/8/16 (random 1024/1024) + 4/8 (ShareGPT)").
struct SweepGrouperTests {
  /// Scans `relativePaths` under the fixture samples (files or folders) and groups the runs.
  static func sweeps(_ relativePaths: [String], in root: String = TestFixtures.samples.path)
    -> SweepGrouper.Output
  {
    let result = InputScanner().scan(
      relativePaths.map { (root as NSString).appendingPathComponent($0) })
    return SweepGrouper.group(result.runs)
  }

  /// A sweep in one line: its files, metadata, variable and `level×runs` in order.
  static func describe(_ sweep: Sweep) -> String {
    let paths = Set(sweep.runs.map(\.source.path))
    let names = Set(paths.map { ($0 as NSString).lastPathComponent })
    let files: String
    if names.count == 1 {
      files = names.first!
    } else {
      let owners = Set(
        paths.map { String($0.split(separator: "/").first { $0.contains("__") } ?? "?") })
      files = "\(owners.sorted().joined(separator: "+")) (\(paths.count) files)"
    }
    let metadata = sweep.identity.metadata.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    let levels = sweep.levels.map { "\($0.level)×\($0.runs.count)" }.joined(separator: " ")
    return
      "\(files)\(metadata.isEmpty ? "" : " [\(metadata)]") | \(sweep.variable.rawValue) | \(levels)"
  }

  // MARK: - One sample at a time

  /// SOURCES #22–30: concurrency sweep at 10 req/s; the fixtures hold concurrency 1, 32, 256.
  @Test func aurotripathyIsOneConcurrencySweepInOrder() {
    let output = Self.sweeps([TestFixtures.aurotripathyFolder])
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.count == 1)
    let sweep = output.sweeps.first
    #expect(sweep?.variable == .concurrency)
    #expect(sweep?.levels.map(\.level) == [.concurrency(1), .concurrency(32), .concurrency(256)])
    #expect(sweep?.identity.model == "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8")
    #expect(sweep?.identity.backend == "openai")
    #expect(sweep?.runs.allSatisfy { $0.requestRate == .finite(10) } == true)
  }

  /// All nine files of the shared folder: levels 1, 2, 4, …, 256 in that order.
  @Test(
    .enabled(
      if: TestFixtures.sharedSamplesFolder != nil,
      "../shared/samples-public/benchmark_serving is not present"))
  func aurotripathyFullSweepFromTheSharedFolder() throws {
    let output = Self.sweeps(
      [TestFixtures.aurotripathyFolder], in: try #require(TestFixtures.sharedSamplesFolder))
    #expect(output.sweeps.count == 1)
    #expect(
      output.sweeps.first?.levels.map(\.level)
        == [1, 2, 4, 8, 16, 32, 64, 128, 256].map(LoadLevel.concurrency))
    #expect(output.sweeps.first?.levels.allSatisfy { $0.runs.count == 1 } == true)
  }

  /// SOURCES #17: `--metadata framework=vllm|sgl`, rates 1/10/20/30/35/inf each; ∞ last.
  @Test func nerdalertIsTwoRequestRateSweeps() {
    let output = Self.sweeps(["nerdalert__vllm-benchmark-graphs"])
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.count == 2)
    let rates =
      [1.0, 10, 20, 30, 35].map { LoadLevel.requestRate(.finite($0)) } + [.requestRate(.infinite)]
    for sweep in output.sweeps {
      #expect(sweep.variable == .requestRate)
      #expect(sweep.levels.map(\.level) == rates)
      #expect(sweep.levels.allSatisfy { $0.runs.count == 1 })
    }
    #expect(
      output.sweeps.map(\.identity.metadata) == [
        [MetadataEntry(key: "framework", value: "sgl")],
        [MetadataEntry(key: "framework", value: "vllm")],
      ])
    // The vLLM sweep's runs are lines 1–6, the SGLang sweep's lines 7–12.
    #expect(output.sweeps[1].runs.map(\.source.line) == [1, 2, 3, 4, 5, 6])
    #expect(output.sweeps[0].runs.map(\.source.line) == [7, 8, 9, 10, 11, 12])
  }

  /// SOURCES #5: rates 1/2/4/8/16 on random 1024→1024, plus ShareGPT at 4 and 8.
  @Test func sglangOnlineFileIsARandomAndAShareGPTSweep() {
    let output = Self.sweeps([
      "datacrunch-research__h200-benchmarks/llama_3_3_70b_online_output.jsonl"
    ])
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.count == 2)
    let random = output.sweeps.first { $0.identity.dataset == "random" }
    let shareGPT = output.sweeps.first { $0.identity.dataset == "sharegpt" }
    #expect(random?.variable == .requestRate)
    #expect(
      random?.identity.configuredInputLength == 1024
        && random?.identity.configuredOutputLength == 1024)
    #expect(
      random?.levels.map(\.level) == [1.0, 2, 4, 8, 16].map { LoadLevel.requestRate(.finite($0)) })
    #expect(random?.runs.map(\.source.line) == [1, 2, 3, 4, 5])
    #expect(shareGPT?.variable == .requestRate)
    #expect(shareGPT?.levels.map(\.level) == [4.0, 8].map { LoadLevel.requestRate(.finite($0)) })
    #expect(shareGPT?.runs.map(\.source.line) == [6, 7])
  }

  /// SOURCES #9–14: two serve configurations (max_num_seqs 4 and 8), each one level
  /// (max_concurrency 2) measured twice (run 0 and run 1); summary.json adds nothing.
  @Test func sweepFolderIsTwoSweepsOfTwoRepetitions() {
    let output = Self.sweeps([TestFixtures.sweepFolder])
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.count == 2)
    #expect(
      output.sweeps.map(\.identity.metadata) == [
        [MetadataEntry(key: "max_num_seqs", value: "4")],
        [MetadataEntry(key: "max_num_seqs", value: "8")],
      ])
    for sweep in output.sweeps {
      #expect(sweep.levels.count == 1)
      #expect(sweep.levels.first?.level == .concurrency(2))
      #expect(sweep.levels.first?.runs.map(\.runNumber) == [0, 1])
      #expect(sweep.levels.first?.runs.allSatisfy { $0.source.arrayIndex == nil } == true)
    }
    #expect(
      output.sweeps[0].runs.map { ($0.source.path as NSString).lastPathComponent } == [
        "run=0.json", "run=1.json",
      ])
  }

  /// SOURCES #15–16: the all-failed run (no concurrency limit) and the successful run at
  /// max_concurrency 2 share model and client but are not one sweep.
  @Test func allFailedRunDoesNotJoinTheConcurrencyRun() {
    let output = Self.sweeps([
      "er0080__vllm-benchmarking/bench_serve_all_requests_failed_v0.25.1.json",
      "er0080__vllm-benchmarking/bench_serve_v0.25.1.json",
    ])
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.count == 2)
    for sweep in output.sweeps { #expect(sweep.runs.count == 1) }
    let failed = output.sweeps.first { $0.runs.first?.completed == 0 }
    let succeeded = output.sweeps.first { $0.runs.first?.completed == 8 }
    #expect(
      failed?.variable == .requestRate && failed?.levels.map(\.level) == [.requestRate(.infinite)])
    #expect(
      succeeded?.variable == .concurrency && succeeded?.levels.map(\.level) == [.concurrency(2)])
  }

  /// SOURCES #31–35: the same concurrency (100) at prompt lengths 1024…15000 — five
  /// workloads, not five repetitions. Mean prompt lengths (python: total_input_tokens /
  /// completed) are exactly 1024, 2048, 4096, 8192, 15000.
  @Test func scicomContextLengthsSplitIntoFiveSweeps() {
    let output = Self.sweeps([TestFixtures.scicomFolder])
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.count == 5)
    #expect(output.sweeps.map(\.identity.meanInputLength) == [1024, 2048, 4096, 8192, 15000])
    for sweep in output.sweeps {
      #expect(sweep.variable == .concurrency)
      #expect(sweep.levels.map(\.level) == [.concurrency(100)])
      #expect(sweep.runs.count == 1)
    }
    #expect(
      output.sweeps.map { $0.runs.first?.totalInputTokens } == [
        102400, 204800, 409600, 819200, 1_500_000,
      ])
  }

  /// SOURCES #18–21: trimmed files (no counts), grouped by their request_rate key alone.
  @Test func trimmedVendorFilesFormARateSweep() {
    let output = Self.sweeps(["zhangxinyuehfad__vllm-benchmarks"])
    #expect(output.sweeps.count == 1)
    #expect(
      output.sweeps.first?.levels.map(\.level) == [
        .requestRate(.finite(1)), .requestRate(.finite(4)), .requestRate(.finite(16)),
        .requestRate(.infinite),
      ])
  }

  /// s4-server-info.jsonl: SGLang concurrency 1 and 2, same model from server_info.
  @Test func sglangS4ConcurrencySweep() throws {
    let output = SweepGrouper.group(try TestFixtures.readSynthetic("s4-server-info.jsonl").runs)
    #expect(output.sweeps.count == 1)
    #expect(output.sweeps.first?.variable == .concurrency)
    #expect(output.sweeps.first?.levels.map(\.level) == [.concurrency(1), .concurrency(2)])
    #expect(output.sweeps.first?.identity.model == "GLM-5-W8A8")
  }

  // MARK: - The whole public folder

  static let expectedSweeps: [String] = [
    "run_1_TP8_DP1_CTX1024_C100_P100_O128.json | concurrency | 100×1",
    "run_1_TP8_DP1_CTX2048_C100_P100_O128.json | concurrency | 100×1",
    "run_1_TP8_DP1_CTX4096_C100_P100_O128.json | concurrency | 100×1",
    "run_1_TP8_DP1_CTX8192_C100_P100_O128.json | concurrency | 100×1",
    "run_1_TP8_DP1_CTX15000_C100_P100_O128.json | concurrency | 100×1",
    "aurotripathy__vllm-bench (9 files) | concurrency | 1×1 2×1 4×1 8×1 16×1 32×1 64×1 128×1 256×1",
    "llama_3_3_70b_online_output.jsonl | requestRate | 1×1 2×1 4×1 8×1 16×1",
    "llama_3_3_70b_online_output.jsonl | requestRate | 4×1 8×1",
    // Offline: every line at ∞, six configurations, one of them run twice (lines 4–5).
    "llama_3_3_70b_offline_output.jsonl | requestRate | inf×1",
    "llama_3_3_70b_offline_output.jsonl | requestRate | inf×1",
    "llama_3_3_70b_offline_output.jsonl | requestRate | inf×1",
    "llama_3_3_70b_offline_output.jsonl | requestRate | inf×2",
    "llama_3_3_70b_offline_output.jsonl | requestRate | inf×1",
    "llama_3_3_70b_offline_output.jsonl | requestRate | inf×1",
    "llama_405b_online_output.jsonl | requestRate | 1×1 2×1 4×1 8×1",
    "llama_405b_online_output.jsonl | requestRate | 4×1 8×1",
    "deepseek_dp_mla_output.jsonl | requestRate | inf×1",
    "bench_serve_all_requests_failed_v0.25.1.json | requestRate | inf×1",
    "bench_serve_v0.25.1.json | concurrency | 2×1",
    "er0080__vllm-benchmarking (2 files) [max_num_seqs=4] | concurrency | 2×2",
    "er0080__vllm-benchmarking (2 files) [max_num_seqs=8] | concurrency | 2×2",
    "results.json [framework=sgl] | requestRate | 1×1 10×1 20×1 30×1 35×1 inf×1",
    "results.json [framework=vllm] | requestRate | 1×1 10×1 20×1 30×1 35×1 inf×1",
    "surajssd__llm-k8s (4 files) | requestRate | 1×1 4×1 16×1 inf×1",
    "zhangxinyuehfad__vllm-benchmarks (4 files) | requestRate | 1×1 4×1 16×1 inf×1",
  ]

  /// Runs of different samples never mix, and every run has a place.
  @Test(
    .enabled(
      if: TestFixtures.sharedSamplesFolder != nil,
      "../shared/samples-public/benchmark_serving is not present"))
  func wholePublicSampleFolder() throws {
    let folder = try #require(TestFixtures.sharedSamplesFolder)
    let output = SweepGrouper.group(InputScanner().scan([folder]).runs)
    #expect(output.unplaced.isEmpty)
    #expect(output.sweeps.map(Self.describe).sorted() == Self.expectedSweeps.sorted())
    #expect(output.sweeps.map(\.runs.count).reduce(0, +) == 61)
  }

  /// Grouping does not depend on the order the runs arrive in.
  @Test func groupingIgnoresInputOrder() {
    let runs = InputScanner().scan([TestFixtures.samples.path]).runs
    let forward = SweepGrouper.group(runs).sweeps
    let backward = SweepGrouper.group(runs.reversed()).sweeps
    #expect(forward.map(Self.describe) == backward.map(Self.describe))
    #expect(forward.map { $0.runs.map(\.source) } == backward.map { $0.runs.map(\.source) })
  }

  // MARK: - Rules, on runs built in code

  static func run(
    _ path: String, concurrency: Int? = nil, rate: RequestRate? = nil, model: String = "m",
    inputTokens: Int? = nil, completed: Int? = nil
  ) -> Run {
    var run = Run(
      source: SourceLocation(path: path), format: SourceFormat(tool: .vllmServe, schema: "V9"))
    run.model = model
    run.backend = "vllm"
    run.maxConcurrency = concurrency
    run.requestRate = rate
    run.totalInputTokens = inputTokens
    run.completed = completed
    return run
  }

  /// Both concurrency and rate vary: one concurrency sweep per rate.
  @Test func concurrencySweepsAreSplitByRequestRate() {
    let runs = [
      Self.run("a", concurrency: 1, rate: .finite(5)),
      Self.run("b", concurrency: 4, rate: .finite(5)),
      Self.run("c", concurrency: 1, rate: .infinite),
      Self.run("d", concurrency: 4, rate: .infinite),
    ]
    let sweeps = SweepGrouper.group(runs).sweeps
    #expect(sweeps.count == 2)
    #expect(
      sweeps.allSatisfy {
        $0.variable == .concurrency && $0.levels.map(\.level) == [.concurrency(1), .concurrency(4)]
      })
    #expect(Set(sweeps.map { $0.runs.map(\.source.path) }) == [["a", "b"], ["c", "d"]])
  }

  /// Open-loop runs without a rate have no level: reported, not dropped silently.
  @Test func runsWithoutALevelAreUnplaced() {
    let output = SweepGrouper.group([Self.run("x.json", rate: .finite(2)), Self.run("y.json")])
    #expect(output.sweeps.map { $0.runs.map(\.source.path) } == [["x.json"]])
    #expect(
      output.unplaced == [
        SkippedInput(
          location: SourceLocation(path: "y.json"), kind: .unreadable,
          reason: "no request_rate in the file or its name, so the run has no place in its sweep")
      ])
  }

  /// Prompt lengths within 25 % are one workload; beyond that, separate sweeps.
  @Test func promptLengthsWithin25PercentStayTogether() {
    let together = SweepGrouper.group([
      Self.run("a", concurrency: 1, inputTokens: 1000, completed: 10),
      Self.run("b", concurrency: 2, inputTokens: 1240, completed: 10),
    ])
    #expect(together.sweeps.count == 1)
    let apart = SweepGrouper.group([
      Self.run("a", concurrency: 1, inputTokens: 1000, completed: 10),
      Self.run("b", concurrency: 2, inputTokens: 1260, completed: 10),
    ])
    #expect(apart.sweeps.map(\.identity.meanInputLength) == [100, 126])
  }

  @Test func differentModelsNeverShareASweep() {
    let output = SweepGrouper.group([
      Self.run("a", concurrency: 1, model: "m1"), Self.run("b", concurrency: 2, model: "m2"),
    ])
    #expect(output.sweeps.count == 2)
    #expect(output.sweeps.map(\.identity.model) == ["m1", "m2"])
  }

  /// Repetitions at one level stay in source order.
  @Test func repetitionsAreOrderedBySource() {
    let output = SweepGrouper.group([
      Self.run("r/run=2.json", concurrency: 8), Self.run("r/run=0.json", concurrency: 8),
      Self.run("r/run=1.json", concurrency: 8),
    ])
    #expect(
      output.sweeps.first?.levels.first?.runs.map(\.source.path) == [
        "r/run=0.json", "r/run=1.json", "r/run=2.json",
      ])
  }
}
