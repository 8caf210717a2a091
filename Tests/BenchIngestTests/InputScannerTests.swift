import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// The scanner over whole folders: every file either contributes runs or is listed as skipped
/// with a reason. Expected file lists and object counts come from `find` and a Python
/// `raw_decode` loop over the same folder; the reasons for skipping come from `SOURCES.md`
/// (what each file is).
struct InputScannerTests {
  // MARK: - The whole public sample folder

  /// Result objects per file (Python: objects per file, array elements counted one by one),
  /// minus the summary.json entries, which repeat the run=N.json files (SOURCES #11, #14).
  static let runsPerFile: [String: Int] = [
    "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX1024_C100_P100_O128.json": 1,
    "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX15000_C100_P100_O128.json": 1,
    "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX2048_C100_P100_O128.json": 1,
    "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX4096_C100_P100_O128.json": 1,
    "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX8192_C100_P100_O128.json": 1,
    TestFixtures.aurotripathy(concurrency: 1): 1,
    TestFixtures.aurotripathy(concurrency: 2): 1,
    TestFixtures.aurotripathy(concurrency: 4): 1,
    TestFixtures.aurotripathy(concurrency: 8): 1,
    TestFixtures.aurotripathy(concurrency: 16): 1,
    TestFixtures.aurotripathy(concurrency: 32): 1,
    TestFixtures.aurotripathy(concurrency: 64): 1,
    TestFixtures.aurotripathy(concurrency: 128): 1,
    TestFixtures.aurotripathy(concurrency: 256): 1,
    "datacrunch-research__h200-benchmarks/deepseek_dp_mla_output.jsonl": 1,
    "datacrunch-research__h200-benchmarks/llama_3_3_70b_offline_output.jsonl": 7,
    "datacrunch-research__h200-benchmarks/llama_3_3_70b_online_output.jsonl": 7,
    "datacrunch-research__h200-benchmarks/llama_405b_online_output.jsonl": 6,
    "er0080__vllm-benchmarking/bench_serve_all_requests_failed_v0.25.1.json": 1,
    "er0080__vllm-benchmarking/bench_serve_v0.25.1.json": 1,
    "\(TestFixtures.sweepSeqs4)/run=0.json": 1,
    "\(TestFixtures.sweepSeqs4)/run=1.json": 1,
    "\(TestFixtures.sweepSeqs8)/run=0.json": 1,
    "\(TestFixtures.sweepSeqs8)/run=1.json": 1,
    "nerdalert__vllm-benchmark-graphs/results.json": 12,
    "surajssd__llm-k8s/serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_01.json": 1,
    "surajssd__llm-k8s/serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_04.json": 1,
    "surajssd__llm-k8s/serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_16.json": 1,
    "surajssd__llm-k8s/serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_inf.json": 1,
    "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_1.json": 1,
    "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_16.json": 1,
    "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_4.json": 1,
    "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_inf.json": 1,
  ]

  static let consoleLogReason =
    "console log of a vLLM benchmark (the saved JSON result is what benchreport reads)"

  static func summaryDuplicates(in folder: String) -> [SkippedInput] {
    (0...1).map { (index: Int) -> SkippedInput in
      SkippedInput(
        location: SourceLocation(path: "\(folder)/summary.json", arrayIndex: index),
        kind: .duplicate,
        reason: "same run as run=\(index).json (summary.json repeats the run files)")
    }
  }

  /// SOURCES.md is the provenance note, the .txt is vLLM's console output (SOURCES #36), and
  /// each summary.json repeats its two run files (SOURCES #11, #14). Nothing else is skipped.
  static let expectedSkipped: [SkippedInput] =
    [
      SkippedInput(
        location: SourceLocation(path: "SOURCES.md"), kind: .notAResult,
        reason: "not a benchmark result file (.md)"),
      SkippedInput(
        location: SourceLocation(
          path: "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX1024_C100_P100_O128.txt"),
        kind: .notAResult, reason: consoleLogReason),
    ] + summaryDuplicates(in: TestFixtures.sweepSeqs4)
    + summaryDuplicates(in: TestFixtures.sweepSeqs8)

  /// THE scanner test: the shared folder of 37 files (`find -type f | wc -l`) gives exactly
  /// 61 runs (65 objects − 4 summary duplicates) and exactly the six skipped entries.
  @Test(
    .enabled(
      if: TestFixtures.sharedSamplesFolder != nil,
      "../shared/samples-public/benchmark_serving is not present"))
  func wholePublicSampleFolder() throws {
    let folder = try #require(TestFixtures.sharedSamplesFolder)
    let result = InputScanner().scan([folder])
    #expect(result.filesExamined == 37)
    #expect(result.runs.count == 61)
    #expect(result.skipped == Self.expectedSkipped)
    var counted: [String: Int] = [:]
    for run in result.runs { counted[run.source.path, default: 0] += 1 }
    #expect(counted == Self.runsPerFile)
    // Every file is accounted for: it gave runs or it is in `skipped`.
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { path in
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: (folder as NSString).appendingPathComponent(path), isDirectory: &isDirectory)
      return exists && !isDirectory.boolValue
    }
    #expect(files.count == 37)
    let accounted = Set(result.runs.map(\.source.path)).union(result.skipped.map(\.location.path))
    #expect(accounted == Set(files))
    // The schema of the files not copied into the fixtures (SOURCES #1–3: V7a; #22–30: V6).
    for run in result.runs where run.source.path.hasPrefix("surajssd__") {
      #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V7a"))
    }
    for run in result.runs where run.source.path.hasPrefix("aurotripathy__") {
      #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V6"))
    }
  }

  /// The same over the fixture copy (a subset: 3 of the 9 aurotripathy files, 1 of the 4
  /// surajssd files), so the check runs even without the shared folder.
  @Test func fixtureCopyOfTheSamples() {
    let result = InputScanner().scan([TestFixtures.samples.path])
    #expect(result.filesExamined == 28)  // 37 − 9 files not copied
    #expect(result.runs.count == 52)  // 61 − 6 aurotripathy − 3 surajssd
    #expect(result.skipped == Self.expectedSkipped)
    var counted: [String: Int] = [:]
    for run in result.runs { counted[run.source.path, default: 0] += 1 }
    #expect(
      counted
        == Self.runsPerFile.filter { path, _ in
          FileManager.default.fileExists(
            atPath: TestFixtures.samples.appendingPathComponent(path).path)
        })
  }

  /// Runs come in path order (folders depth-first, names sorted), then line order.
  @Test func runsAreInADeterministicOrder() {
    let first = InputScanner().scan([TestFixtures.samples.path])
    let second = InputScanner().scan([TestFixtures.samples.path])
    #expect(first.runs.map(\.source) == second.runs.map(\.source))
    let paths = first.runs.map(\.source.path)
    #expect(paths == paths.sorted())
  }

  // MARK: - The synthetic folder

  @Test func syntheticFolder() {
    let result = InputScanner().scan([TestFixtures.synthetic.path])
    var counted: [String: Int] = [:]
    for run in result.runs { counted[run.source.path, default: 0] += 1 }
    #expect(
      counted == [
        "nan-and-infinity.json": 1, "s1-pr686.jsonl": 1, "s3-output-details.jsonl": 2,
        "s4-server-info.jsonl": 2, "truncated-last-line.jsonl": 2, "v1-inthroughput.json": 1,
        "v2-arrays-with-failure.json": 1, "v4-swapped-e2el.json": 1,
        "v8-endpoint-type-only.json": 1,
      ])
    #expect(
      result.skipped.map { "\($0.location) \($0.kind.rawValue)" } == [
        "README.md notAResult",
        "failure-record.failure.json notAResult",
        "generate.py notAResult",
        "nightly-benchmark-results-table.json notAResult",
        "pytorch-format.pytorch.json[0] notAResult",
        "pytorch-format.pytorch.json[1] notAResult",
        "sweep-bench-params.json[0] notAResult",
        "sweep-bench-params.json[1] notAResult",
        "truncated-last-line.jsonl:3 unreadable",
        "warmup.json notAResult",
      ])
    let truncated = result.skipped.first { $0.location.path == "truncated-last-line.jsonl" }
    // Python: json.loads(third line) → "Expecting ',' delimiter: line 1 column 282".
    #expect(
      truncated?.reason
        == "invalid JSON at line 3, column 282: unexpected end of file inside an object; the 2 results before it were read"
    )
  }

  // MARK: - Folders built for the case

  /// A folder with the given files (relative path → content), scanned, then removed.
  func scan(
    _ files: [String: String], excluding excluded: [String] = [],
    prepare: (URL) throws -> Void = { _ in }
  )
    throws -> IngestResult
  {
    let root = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, content) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: url)
    }
    try prepare(root)
    return InputScanner(excludedPaths: excluded.map { root.appendingPathComponent($0).path }).scan([
      root.path
    ])
  }

  static let goodResult =
    #"{"date": "20260101-000000", "backend": "vllm", "model_id": "m", "num_prompts": 4, "request_rate": "inf", "max_concurrency": 2, "duration": 1.0, "completed": 4, "failed": 0, "request_throughput": 4.0, "max_output_tokens_per_s": 10.0, "mean_ttft_ms": 5.0}"#

  @Test func hiddenFilesAndFoldersAreIgnored() throws {
    let result = try scan([
      "good.json": Self.goodResult, ".hidden.json": Self.goodResult,
      ".git/objects/x.json": Self.goodResult,
      "sub/.DS_Store": "\u{0}\u{0}", "sub/.result.json": "{broken",
    ])
    #expect(result.runs.map(\.source.path) == ["good.json"])
    #expect(result.skipped.isEmpty)
    #expect(result.filesExamined == 1)
  }

  /// A broken file is reported with its line and column (Python: "Expecting value: line 2
  /// column 15"); the other files are still read.
  @Test func brokenJSONIsReportedAndTheRestIsRead() throws {
    let result = try scan([
      "a-good.json": Self.goodResult, "b-broken.json": "{\"model_id\": \"m\",\n \"completed\": }",
      "c-good.json": Self.goodResult,
    ])
    #expect(result.runs.map(\.source.path) == ["a-good.json", "c-good.json"])
    #expect(
      result.skipped == [
        SkippedInput(
          location: SourceLocation(path: "b-broken.json", line: 2), kind: .unreadable,
          reason: "invalid JSON at line 2, column 15: unexpected '}', expected a value")
      ])
  }

  @Test func emptyWhitespaceAndNonJSONFiles() throws {
    let result = try scan([
      "empty.json": "", "notes.txt": "GPU: H100\n", "summary.csv": ",date,backend\n0,x,y\n",
      "locust_stats.csv": "Type,Name,Request Count,Failure Count\n", "other.csv": "a,b\n1,2\n",
      "README": "hello",
      "console.log":
        "INFO start\n============ Serving Benchmark Result ============\nSuccessful requests: 1\n",
    ])
    #expect(result.runs.isEmpty)
    #expect(result.filesExamined == 7)
    #expect(
      result.skipped.map { "\($0.location.path): \($0.reason)" } == [
        "README: not a benchmark result file",
        "console.log: \(Self.consoleLogReason)",
        "empty.json: empty file",
        "locust_stats.csv: Locust run locust has statistics files without a single row",
        "notes.txt: console log / notes, not a result file",
        "other.csv: CSV file that is neither a Locust output nor a known benchmark table",
        "summary.csv: `vllm bench sweep` summary table; its runs are read from the run=N.json files",
      ])
  }

  /// Console output and notes kept beside the results are not result files: skipped as such
  /// (not "unreadable"), also when a log line starts with `[` like JSON. A result file that is
  /// really broken stays unreadable.
  @Test func consoleLogsAndNotesAreNotResults() throws {
    let result = try scan([
      "good.json": Self.goodResult,
      "bench.log": "[2026-01-03 10:00:01] INFO starting benchmark\n[2026-01-03 10:00:02] INFO 100 requests\n",
      "rank0.out": "[rank0]: Traceback (most recent call last):\n  File \"x.py\", line 1\n",
      "progress.txt": "[1/100] warming up\n[2/100] warming up\n",
      "commands.txt": "python benchmark_serving.py --backend vllm --max-concurrency 8\n",
      "server.log": "INFO 01-03 10:00:00 api_server.py:123] vLLM API server version 0.8.2\n",
      "notes.json": "{notes about this run}\nsecond line\n",
      "broken-result.json": "{\"backend\": \"vllm\", \"completed\": 10, \"request_throughput\": ",
      "typo-result.json": "{\"backend\": \"vllm\",, \"completed\": 10, \"request_throughput\": 1.0}\n{\"x\": 1}\n",
      "cut-pretty.json": "{\n  \"backend\": \"vllm\",\n  \"completed\": 10,\n",
    ])
    #expect(result.runs.map(\.source.path) == ["good.json"])
    let reasons = Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.location.path, $0) })
    for name in ["bench.log", "rank0.out", "progress.txt", "commands.txt", "server.log", "notes.json"] {
      #expect(reasons[name]?.kind == .notAResult, "\(name)")
      #expect(reasons[name]?.reason == "console log / notes, not a result file", "\(name): \(reasons[name]?.reason ?? "")")
    }
    for name in ["broken-result.json", "typo-result.json", "cut-pretty.json"] {
      #expect(reasons[name]?.kind == .unreadable, "\(name)")
      #expect(reasons[name]?.reason.hasPrefix("invalid JSON") == true, "\(name)")
    }
  }

  /// A long console log (argparse dump and progress bars before the result table, as in
  /// SOURCES #36, where the banner starts at byte 2762) is still recognised.
  @Test func consoleLogWithALongPreamble() throws {
    let preamble = String(
      repeating: " 39%|███▉      | 39/100 [00:02<00:02, 23.21it/s]\n", count: 2000)
    let result = try scan([
      "run.txt": "Namespace(...)\n" + preamble
        + "============ Serving Benchmark Result ============\n"
    ])
    #expect(result.skipped.map(\.reason) == [Self.consoleLogReason])
  }

  @Test func emptyArrayAndScalarTopLevels() throws {
    let result = try scan(["a.json": "[]", "b.json": "[1, 2]", "c.json": "[{\"x\": 1}, 3]"])
    #expect(
      result.skipped.map { "\($0.location) \($0.reason)" } == [
        "a.json empty JSON array",
        "b.json top-level value is an array, not a result object",
        "c.json[0] no benchmark result keys (keys: x)",
        "c.json[1] array element is a number, not a result object",
      ])
  }

  @Test func symbolicLinkLoopIsReportedOnce() throws {
    let result = try scan(["runs/good.json": Self.goodResult]) { root in
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("runs/loop").path, withDestinationPath: "..")
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("runs/dangling.json").path,
        withDestinationPath: "does-not-exist.json")
    }
    #expect(result.runs.map(\.source.path) == ["runs/good.json"])
    #expect(
      result.skipped.map { "\($0.location.path): \($0.reason)" } == [
        "runs/dangling.json: broken symbolic link",
        "runs/loop: folder already visited (symbolic link loop)",
      ])
  }

  /// A symlink to a folder outside the input is not followed (a link to `/` walked the whole
  /// machine): it is listed as skipped, and reading that folder takes naming it as an input.
  /// A link to a folder inside the input is followed.
  @Test func symbolicLinkToAnotherFolderIsNotFollowedOutOfTheInput() throws {
    let other = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: other) }
    try Data(Self.goodResult.utf8).write(to: other.appendingPathComponent("linked.json"))
    let realOther = URL(fileURLWithPath: other.path).resolvingSymlinksInPath().path
    let result = try scan(["good.json": Self.goodResult, "inner/deep.json": Self.goodResult]) { root in
      try FileManager.default.createSymbolicLink(
        at: root.appendingPathComponent("more"), withDestinationURL: other)
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("root").path, withDestinationPath: "/")
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("same").path, withDestinationPath: "inner")
    }
    #expect(result.runs.map(\.source.path) == ["good.json", "inner/deep.json"])
    #expect(
      result.skipped.map { "\($0.location.path): \($0.reason)" } == [
        "more: symbolic link to a folder outside the input (\(realOther)); not followed",
        "root: symbolic link to a folder outside the input (/); not followed",
        "same: folder already visited (symbolic link loop)",
      ])
    #expect(result.skipped.allSatisfy { $0.kind == .notAResult })
  }

  /// A FIFO named like a result blocked the run forever; sockets and FIFOs are never opened.
  @Test func fifoIsSkippedWithoutBeingOpened() throws {
    let result = try scan(["good.json": Self.goodResult]) { root in
      #expect(mkfifo(root.appendingPathComponent("pipe.json").path, 0o644) == 0)
      #expect(mkfifo(root.appendingPathComponent("pipe_stats.csv").path, 0o644) == 0)
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("link.json").path, withDestinationPath: "pipe.json")
    }
    #expect(result.runs.map(\.source.path) == ["good.json"])
    #expect(
      result.skipped.map { "\($0.location.path): \($0.reason)" } == [
        "link.json: not a regular file (FIFO); not read",
        "pipe.json: not a regular file (FIFO); not read",
        "pipe_stats.csv: not a regular file (FIFO); not read",
      ])
    let fifo = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: fifo) }
    let path = fifo.appendingPathComponent("given.json").path
    #expect(mkfifo(path, 0o644) == 0)
    #expect(InputScanner().scan([path]).skipped.map(\.reason) == ["not a regular file (FIFO); not read"])
  }

  /// The report folder inside the input (`--output` under the results folder) is never read,
  /// nor is `benchreport.yaml` at the top.
  @Test func outputFolderAndConfigurationFileAreExcluded() throws {
    let result = try scan(
      [
        "good.json": Self.goodResult, "report/analysis.json": Self.goodResult,
        "report/sub/x.json": "{broken",
        "benchreport.yaml": "thresholds:\n  success_rate: 95%\n",
      ], excluding: ["report"])
    #expect(result.runs.map(\.source.path) == ["good.json"])
    #expect(result.skipped.isEmpty)
    #expect(result.filesExamined == 1)
  }

  @Test func missingPathAndSingleFile() throws {
    let file = TestFixtures.samples.appendingPathComponent(
      "er0080__vllm-benchmarking/bench_serve_v0.25.1.json"
    ).path
    let result = InputScanner().scan(["/does/not/exist", file])
    #expect(result.runs.map(\.source.path) == [file])
    #expect(
      result.skipped == [
        SkippedInput(
          location: SourceLocation(path: "/does/not/exist"), kind: .unreadable,
          reason: "no such file or folder")
      ])
  }

  /// Two copies of the same sweep folder under different names: each summary.json is matched to
  /// the run files next to it only.
  @Test func summaryDuplicatesAreMatchedWithinTheirFolder() throws {
    let sweep = TestFixtures.samples.appendingPathComponent(TestFixtures.sweepSeqs4)
    let run0 = try String(contentsOf: sweep.appendingPathComponent("run=0.json"), encoding: .utf8)
    let summary = try String(
      contentsOf: sweep.appendingPathComponent("summary.json"), encoding: .utf8)
    let result = try scan([
      "a/run=0.json": run0, "a/summary.json": summary, "b/summary.json": summary,
    ])
    // a: run=0 kept, summary[0] duplicate, summary[1] (run 1, no run file) kept; b: both kept.
    #expect(
      result.runs.map(\.source.description) == [
        "a/run=0.json", "a/summary.json[1]", "b/summary.json[0]", "b/summary.json[1]",
      ])
    #expect(result.skipped.map(\.kind) == [.duplicate])
  }
}
