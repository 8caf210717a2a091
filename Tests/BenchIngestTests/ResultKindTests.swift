import Foundation
import Testing

@testable import BenchIngest

/// Expected schema ids come from the research note `formats/vllm-sglang.md` (§1.3 and §3.2,
/// whose "Evidence" column names the sample of each version) and `SOURCES.md` (the "What it
/// is" column), never from running the classifier.
struct ResultKindTests {
  /// Every object in a file (array elements one by one), classified.
  static func kinds(of url: URL) throws -> [ResultKind] {
    let result = TolerantJSONParser(skippedKeys: ["generated_texts"]).parseDocuments(
      try TestFixtures.bytes(url))
    if let error = result.error { throw error }
    return result.documents.flatMap { document -> [ResultKind] in
      switch document.value {
      case .object(let object): return [ResultKind.classify(object)]
      case .array(let elements): return elements.compactMap(\.objectValue).map(ResultKind.classify)
      default: return []
      }
    }
  }

  // MARK: - Real samples

  static let sampleSchemas: [(String, [ResultKind])] = [
    // SOURCES #31–35: `vllm bench serve` schema V9 early-2026.
    (
      "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX1024_C100_P100_O128.json",
      [.vllm(schema: "V9")]
    ),
    (
      "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX2048_C100_P100_O128.json",
      [.vllm(schema: "V9")]
    ),
    (
      "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX4096_C100_P100_O128.json",
      [.vllm(schema: "V9")]
    ),
    (
      "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX8192_C100_P100_O128.json",
      [.vllm(schema: "V9")]
    ),
    (
      "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX15000_C100_P100_O128.json",
      [.vllm(schema: "V9")]
    ),
    // §1.3 V6 evidence: aurotripathy #22–30 (best_of, burstiness, max_concurrency, `request_goodput:`).
    (TestFixtures.aurotripathy(concurrency: 1), [.vllm(schema: "V6")]),
    (TestFixtures.aurotripathy(concurrency: 32), [.vllm(schema: "V6")]),
    (TestFixtures.aurotripathy(concurrency: 256), [.vllm(schema: "V6")]),
    // SOURCES #5–8: SGLang schema S2 (7, 7, 6 and 1 lines).
    (
      "datacrunch-research__h200-benchmarks/llama_3_3_70b_online_output.jsonl",
      Array(repeating: .sglang(schema: "S2"), count: 7)
    ),
    (
      "datacrunch-research__h200-benchmarks/llama_3_3_70b_offline_output.jsonl",
      Array(repeating: .sglang(schema: "S2"), count: 7)
    ),
    (
      "datacrunch-research__h200-benchmarks/llama_405b_online_output.jsonl",
      Array(repeating: .sglang(schema: "S2"), count: 6)
    ),
    ("datacrunch-research__h200-benchmarks/deepseek_dp_mla_output.jsonl", [.sglang(schema: "S2")]),
    // SOURCES #15–16: real `vllm bench serve` v0.25.1 results (V9).
    (
      "er0080__vllm-benchmarking/bench_serve_all_requests_failed_v0.25.1.json",
      [.vllm(schema: "V9")]
    ),
    ("er0080__vllm-benchmarking/bench_serve_v0.25.1.json", [.vllm(schema: "V9")]),
    // SOURCES #9–14: sweep run files (V9 + run_number); summary.json = array of the run objects.
    ("\(TestFixtures.sweepSeqs4)/run=0.json", [.vllmSweepRun(schema: "V9", runNumber: 0)]),
    ("\(TestFixtures.sweepSeqs4)/run=1.json", [.vllmSweepRun(schema: "V9", runNumber: 1)]),
    (
      "\(TestFixtures.sweepSeqs4)/summary.json",
      [.vllmSweepRun(schema: "V9", runNumber: 0), .vllmSweepRun(schema: "V9", runNumber: 1)]
    ),
    ("\(TestFixtures.sweepSeqs8)/run=0.json", [.vllmSweepRun(schema: "V9", runNumber: 0)]),
    ("\(TestFixtures.sweepSeqs8)/run=1.json", [.vllmSweepRun(schema: "V9", runNumber: 1)]),
    (
      "\(TestFixtures.sweepSeqs8)/summary.json",
      [.vllmSweepRun(schema: "V9", runNumber: 0), .vllmSweepRun(schema: "V9", runNumber: 1)]
    ),
    // §1.3 V7b evidence: sample #17, the `--append-result` file (12 objects, no arrays).
    (
      "nerdalert__vllm-benchmark-graphs/results.json",
      Array(repeating: .vllm(schema: "V7b"), count: 12)
    ),
    // SOURCES #4: schema V7a (`request_goodput:`, arrays present without --save-detailed).
    (TestFixtures.surajssdInf, [.vllm(schema: "V7a")]),
    // §1.3 V6 evidence: zhangxinyuehfad #18–21 (trimmed; still best_of + burstiness).
    (
      "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_1.json",
      [.vllm(schema: "V6")]
    ),
    (
      "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_4.json",
      [.vllm(schema: "V6")]
    ),
    (
      "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_16.json",
      [.vllm(schema: "V6")]
    ),
    (
      "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_inf.json",
      [.vllm(schema: "V6")]
    ),
  ]

  @Test(arguments: sampleSchemas)
  func realSampleSchema(path: String, expected: [ResultKind]) throws {
    #expect(try Self.kinds(of: TestFixtures.samples.appendingPathComponent(path)) == expected)
  }

  /// Every JSON fixture copied from the samples has a row above.
  @Test func everyCopiedSampleIsClassified() throws {
    let enumerator = FileManager.default.enumerator(atPath: TestFixtures.samples.path)
    var jsonFiles: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".json") || path.hasSuffix(".jsonl") { jsonFiles.append(path) }
    }
    #expect(jsonFiles.sorted() == Self.sampleSchemas.map(\.0).sorted())
  }

  // MARK: - Synthetic files

  static let syntheticSchemas: [(String, [ResultKind])] = [
    ("v1-inthroughput.json", [.vllm(schema: "V1")]),
    ("v2-arrays-with-failure.json", [.vllm(schema: "V2")]),
    ("v4-swapped-e2el.json", [.vllm(schema: "V4")]),
    ("v8-endpoint-type-only.json", [.vllm(schema: "V8")]),
    ("nan-and-infinity.json", [.vllm(schema: "V9")]),
    ("s1-pr686.jsonl", [.sglang(schema: "S1")]),
    ("s3-output-details.jsonl", [.sglang(schema: "S3"), .sglang(schema: "S3")]),
    ("s4-server-info.jsonl", [.sglang(schema: "S4"), .sglang(schema: "S4")]),
  ]

  @Test(arguments: syntheticSchemas)
  func syntheticSchema(name: String, expected: [ResultKind]) throws {
    #expect(try Self.kinds(of: TestFixtures.synthetic.appendingPathComponent(name)) == expected)
  }

  /// §2.1: `warmup.json` has run_number −1 and is excluded from vLLM's own summary.
  @Test func warmUpRunIsNotAResult() throws {
    let kinds = try Self.kinds(of: TestFixtures.synthetic.appendingPathComponent("warmup.json"))
    #expect(
      kinds == [
        .notAResult(
          reason:
            "warm-up run of `vllm bench sweep` (run_number -1), excluded like vLLM excludes it")
      ])
  }

  /// §2.1: `run=N.failure.json` = {run_number, error_type, error, serve_overrides,
  /// bench_overrides}; the reason quotes the last line of the traceback.
  @Test func sweepFailureRecordIsNotAResult() throws {
    let kinds = try Self.kinds(
      of: TestFixtures.synthetic.appendingPathComponent("failure-record.failure.json"))
    #expect(
      kinds == [
        .notAResult(
          reason:
            "failed `vllm bench sweep` run (failure record): subprocess.CalledProcessError: Command "
            + "'['vllm', 'bench', 'serve', '--max-concurrency', '2']' returned non-zero exit status 1."
        )
      ])
  }

  /// §1.7: the `.pytorch.json` sibling is a list of {benchmark, model, metric} records.
  @Test func pytorchBenchmarkRecordsAreNotResults() throws {
    let kinds = try Self.kinds(
      of: TestFixtures.synthetic.appendingPathComponent("pytorch-format.pytorch.json"))
    let reason =
      "PyTorch benchmark-format record (SAVE_TO_PYTORCH_BENCHMARK_FORMAT), a copy of a result file"
    #expect(kinds == [.notAResult(reason: reason), .notAResult(reason: reason)])
  }

  @Test func unrelatedJSONIsNotAResult() throws {
    #expect(
      try Self.kinds(of: TestFixtures.synthetic.appendingPathComponent("sweep-bench-params.json"))
        == [
          .notAResult(reason: "no benchmark result keys (keys: max_concurrency)"),
          .notAResult(reason: "no benchmark result keys (keys: max_concurrency)"),
        ])
    #expect(
      try Self.kinds(
        of: TestFixtures.synthetic.appendingPathComponent("nightly-benchmark-results-table.json"))
        == [
          .notAResult(
            reason: "no benchmark result keys (keys: Test name, GPU, Tput (req/s), Mean TTFT (ms))")
        ])
    #expect(
      ResultKind.classify(try TestFixtures.object("{}"))
        == .notAResult(reason: "no benchmark result keys (keys: none)"))
    let many = try TestFixtures.object(#"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}"#)
    #expect(
      ResultKind.classify(many)
        == .notAResult(reason: "no benchmark result keys (keys: a, b, c, d, e, f, …)"))
  }

  // MARK: - Versions identified by their key lists alone (formats/vllm-sglang.md §1.3)

  /// V3 (PR #5263, Jun 2024): V2 + `mean/median/p99_itl_ms`, before `std_*` appeared.
  @Test func v3FromItsKeys() throws {
    let object = try TestFixtures.object(
      #"{"backend": "vllm", "model_id": "m", "tokenizer_id": "m", "best_of": 1, "num_prompts": 10, "request_rate": 1.0, "duration": 10.0, "completed": 10, "total_input_tokens": 100, "total_output_tokens": 100, "request_throughput": 1.0, "input_throughput": 10.0, "output_throughput": 10.0, "mean_ttft_ms": 1.0, "median_ttft_ms": 1.0, "p99_ttft_ms": 1.0, "mean_tpot_ms": 1.0, "median_tpot_ms": 1.0, "p99_tpot_ms": 1.0, "mean_itl_ms": 1.0, "median_itl_ms": 1.0, "p99_itl_ms": 1.0}"#
    )
    #expect(ResultKind.classify(object) == .vllm(schema: "V3"))
  }

  /// V5 (PR #8164, Sep 2024): `input_throughput` replaced by `total_token_throughput`.
  @Test func v5FromItsKeys() throws {
    let object = try TestFixtures.object(
      #"{"backend": "vllm", "model_id": "m", "tokenizer_id": "m", "best_of": 1, "num_prompts": 10, "request_rate": "inf", "duration": 10.0, "completed": 10, "total_input_tokens": 100, "total_output_tokens": 100, "request_throughput": 1.0, "output_throughput": 10.0, "total_token_throughput": 20.0, "mean_ttft_ms": 1.0, "median_ttft_ms": 1.0, "std_ttft_ms": 0.0, "p99_ttft_ms": 1.0}"#
    )
    #expect(ResultKind.classify(object) == .vllm(schema: "V5"))
  }

  /// V9 pooling/embedding run (§1.4): no output tokens, no TTFT, only the e2el block.
  @Test func v9PoolingRunFromItsKeys() throws {
    let object = try TestFixtures.object(
      #"{"date": "20260301-100000", "endpoint_type": "openai-embeddings", "backend": "openai-embeddings", "label": null, "model_id": "BAAI/bge-m3", "tokenizer_id": "BAAI/bge-m3", "num_prompts": 100, "request_rate": "inf", "burstiness": 1.0, "max_concurrency": null, "duration": 1.5, "completed": 100, "total_input_tokens": 5000, "total_input_sequences": 100, "request_throughput": 66.6, "input_sequence_throughput": 66.6, "total_token_throughput": 3333.3, "mean_e2el_ms": 20.0, "median_e2el_ms": 19.0, "std_e2el_ms": 2.0, "p99_e2el_ms": 30.0}"#
    )
    #expect(ResultKind.classify(object) == .vllm(schema: "V9"))
  }

  /// A sweep run without `run_number` override collisions: `run_number` 3 is a run, -1 the
  /// warm-up, a non-integer is ignored (plain result).
  @Test func runNumberDecidesSweepRun() throws {
    let base =
      #""endpoint_type": "openai", "backend": "openai", "model_id": "m", "completed": 1, "failed": 0, "max_output_tokens_per_s": 1.0"#
    #expect(
      ResultKind.classify(try TestFixtures.object("{\(base), \"run_number\": 3}"))
        == .vllmSweepRun(schema: "V9", runNumber: 3))
    #expect(
      ResultKind.classify(try TestFixtures.object("{\(base), \"run_number\": 1.5}"))
        == .vllm(schema: "V9"))
    if case .notAResult = ResultKind.classify(
      try TestFixtures.object("{\(base), \"run_number\": -1}"))
    {
    } else {
      Issue.record("run_number -1 should be a warm-up")
    }
  }

  /// §3.3: SGLang is recognised without `model_id`; a vLLM file is never SGLang even when a
  /// metadata key happens to look like SGLang's.
  @Test func sglangNeedsNoVLLMIdentityKeys() throws {
    let vllm = try TestFixtures.object(
      #"{"model_id": "m", "completed": 1, "total_output_tokens_retokenized": 5, "mean_e2e_latency_ms": 1.0}"#
    )
    #expect(ResultKind.classify(vllm) != .sglang(schema: "S2"))
    let sglang = try TestFixtures.object(
      #"{"backend": "sglang", "completed": 1, "mean_e2e_latency_ms": 1.0}"#)
    #expect(ResultKind.classify(sglang) == .sglang(schema: "S2"))
  }
}
