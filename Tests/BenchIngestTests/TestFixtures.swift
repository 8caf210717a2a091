import BenchModel
import Foundation

@testable import BenchIngest

/// Access to the fixture files and the shared sample folder, and small helpers the ingest
/// tests share.
enum TestFixtures {
  /// `Fixtures/` as copied into the test bundle.
  static var root: URL {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      preconditionFailure("Fixtures folder missing from the test bundle")
    }
    return url
  }

  /// Real files copied from the shared sample folder (see `benchmark_serving/SOURCES.md`).
  static var samples: URL { root.appendingPathComponent("benchmark_serving") }
  /// Edge-case files written by `synthetic/generate.py`.
  static var synthetic: URL { root.appendingPathComponent("synthetic") }

  static let aurotripathyFolder =
    "aurotripathy__vllm-bench/FP8-1xH100-results-8B-llama-date-2025-03-26"
  static func aurotripathy(concurrency: Int) -> String {
    let times = [
      1: "20250326-214428", 2: "20250326-214543", 4: "20250326-214628",
      8: "20250326-214658", 16: "20250326-214717", 32: "20250326-214734",
      64: "20250326-214751", 128: "20250326-214808", 256: "20250326-214824",
    ]
    return "\(aurotripathyFolder)/openai-10.0qps-itkns-1024-otkns-170-concurrency\(concurrency)"
      + "-Meta-Llama-3.1-8B-Instruct-FP8-\(times[concurrency]!).json"
  }
  static let scicomFolder =
    "Scicom-AI-Enterprise-Organization__llm-benchmaxxing/runpod_b200/benchmark_results_qwen3_32b_b200"
  static let sweepFolder = "er0080__vllm-benchmarking/vllm_sweep_v0.25.1"
  static let sweepSeqs4 =
    "\(sweepFolder)/SERVE--max_num_seqs=4-BENCH--max_concurrency=2-num_prompts=8"
  static let sweepSeqs8 =
    "\(sweepFolder)/SERVE--max_num_seqs=8-BENCH--max_concurrency=2-num_prompts=8"
  static let surajssdInf =
    "surajssd__llm-k8s/serving_meta-llama-Llama-3.3-70B-Instruct_tp8_pp1_sharegpt_qps_inf.json"

  /// The shared folder of public samples, found from this file's location: the package root is
  /// three levels up (`Tests/BenchIngestTests/<file>`), the samples are in
  /// `../shared/samples-public/benchmark_serving`. Nil when that folder is not there.
  static var sharedSamplesFolder: String? {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = packageRoot.appendingPathComponent("../shared/samples-public/benchmark_serving")
      .standardizedFileURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return folder
  }

  static func bytes(_ url: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url))
  }

  /// Reads one sample file (path relative to `benchmark_serving/`) as the scanner would,
  /// shown under its relative path.
  static func readSample(_ relativePath: String) throws -> IngestResult {
    ResultFileReader().read(
      try bytes(samples.appendingPathComponent(relativePath)), path: relativePath)
  }

  static func readSynthetic(_ name: String) throws -> IngestResult {
    ResultFileReader().read(try bytes(synthetic.appendingPathComponent(name)), path: name)
  }

  /// The single run a one-result file holds.
  static func singleRun(_ result: IngestResult) -> Run? {
    result.runs.count == 1 ? result.runs[0] : nil
  }

  /// Parses a JSON text whose top level is one object.
  static func object(_ json: String) throws -> JSONObject {
    let value = try TolerantJSONParser().parse(Array(json.utf8))
    guard case .object(let object) = value else { throw FixtureError.notAnObject }
    return object
  }

  /// A new empty folder under the system temporary folder; remove it with `removeItem`.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("benchreport-ingest-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  enum FixtureError: Error { case notAnObject }
}

/// `a` and `b` agree to `relative` (both nil counts as agreeing).
func isClose(_ a: Double?, _ b: Double?, relative tolerance: Double) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let a?, let b?): return a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
  default: return false
  }
}
