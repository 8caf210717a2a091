import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// File names are real ones from the samples (`SOURCES.md`) and from the vLLM issues quoted in
/// `formats/vllm-sglang.md` §1.8; the expected level is what the name says to a reader.
struct FileNameHintsTests {
  @Test(arguments: [
    // SOURCES #22–30 (fork pattern with extra itkns/otkns fields).
    (
      "openai-10.0qps-itkns-1024-otkns-170-concurrency64-Meta-Llama-3.1-8B-Instruct-FP8-20250326-214751.json",
      RequestRate?.some(.finite(10)), Int?.some(64)
    ),
    // V6–V7 default pattern.
    ("openai-10.0qps-concurrency8-Qwen3-32B-20250101-000000.json", .finite(10), 8),
    ("vllm-0.5qps-Llama-2-7b-chat-hf-20240215-101500.json", .finite(0.5), nil),
    // Issue #15794 and #28629 file names.
    ("vllm-infqps-base-20250331-100413.json", .infinite, nil),
    ("openai-infqps-Qwen3-32B-20251113-171628.json", .infinite, nil),
    // vLLM nightly `--result-filename` (SOURCES #1–4, #18–21).
    ("serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_01.json", .finite(1), nil),
    ("serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_inf.json", .infinite, nil),
    ("serving_llama8B_tp1_sharegpt_qps_16.json", .finite(16), nil),
    // `vllm bench sweep` folder names (§2.1).
    ("SERVE--max_num_seqs=4-BENCH--max_concurrency=2-num_prompts=8", nil, 2),
    ("SERVE--max_num_seqs=4-BENCH--request_rate=4-num_prompts=8", .finite(4), nil),
    // Names that carry no level.
    ("results.json", nil, nil),
    ("llama_3_3_70b_online_output.jsonl", nil, nil),
    ("sglang_1215_3000_1024_1024.jsonl", nil, nil),
    ("bench_serve_v0.25.1.json", nil, nil),
  ])
  func levelsInFileNames(name: String, rate: RequestRate?, concurrency: Int?) {
    #expect(FileNameHints.requestRate(in: name) == rate)
    #expect(FileNameHints.concurrency(in: name) == concurrency)
  }

  /// A file without the keys gets its levels from the name, with a note on the run.
  @Test func levelsMissingFromTheJSONAreTakenFromTheName() {
    let json = #"{"backend": "vllm", "model_id": "m", "completed": 10, "request_throughput": 1.0}"#
    let result = ResultFileReader().read(
      Array(json.utf8), path: "runs/vllm-4.0qps-concurrency8-m-20240101-000000.json")
    let run = result.runs.first
    #expect(run?.requestRate == .finite(4))
    #expect(run?.maxConcurrency == 8)
    #expect(
      run?.notes == [
        "request rate 4 taken from the file name", "concurrency 8 taken from the file name",
      ])
  }

  /// `"max_concurrency": null` means unlimited and `"request_rate"` present wins: the name is
  /// not consulted.
  @Test func keysInTheJSONWinOverTheName() {
    let json =
      #"{"backend": "vllm", "model_id": "m", "completed": 10, "request_rate": 2.0, "max_concurrency": null}"#
    let run = ResultFileReader().read(Array(json.utf8), path: "vllm-4.0qps-concurrency8-m.json")
      .runs.first
    #expect(run?.requestRate == .finite(2))
    #expect(run?.maxConcurrency == nil)
    #expect(run?.notes == [])
  }

  /// Only the file name is used, not the folders above it.
  @Test func folderNamesAreNotUsed() {
    let json = #"{"backend": "vllm", "model_id": "m", "completed": 10}"#
    let run = ResultFileReader().read(Array(json.utf8), path: "concurrency64/qps_8/result.json")
      .runs.first
    #expect(run?.requestRate == nil && run?.maxConcurrency == nil)
  }
}
