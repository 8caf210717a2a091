import Foundation

/// Small vLLM result files written by the end-to-end tests of hostile or broken input: a
/// concurrency sweep whose numbers are plain (throughput grows, latency rises), with hooks to
/// put one bad value, name or key into one file.
enum SyntheticResults {
  /// One vLLM `--save-result` object (schema V7a: per-request arrays, `max_concurrency`).
  static func result(
    concurrency: Double, model: String = "example/model-7b", ttfts: [Double]? = nil, itls: [[Double]]? = nil,
    extra: [String: Any] = [:]
  ) -> [String: Any] {
    let requests = 40
    let base = 0.02 + 0.002 * concurrency
    let ttftValues = ttfts ?? (0..<requests).map { base + Double($0 % 7) * 0.001 }
    let itlValues = itls ?? (0..<requests).map { index in (0..<9).map { 0.01 + Double((index + $0) % 5) * 0.0005 } }
    let throughput = 100 * min(concurrency, 16)
    var object: [String: Any] = [
      "date": "20260101-000000", "backend": "vllm", "model_id": model, "tokenizer_id": model,
      "num_prompts": requests, "request_rate": "inf", "burstiness": 1.0, "max_concurrency": concurrency,
      "duration": 10.0, "completed": requests, "total_input_tokens": requests * 100,
      "total_output_tokens": requests * 10, "request_throughput": throughput / 10,
      "request_goodput:": NSNull(), "output_throughput": throughput, "total_token_throughput": throughput * 11,
      "input_lens": Array(repeating: 100, count: requests), "output_lens": Array(repeating: 10, count: requests),
      "ttfts": ttftValues, "itls": itlValues, "generated_texts": Array(repeating: "x", count: requests),
      "errors": Array(repeating: "", count: requests),
      "mean_ttft_ms": base * 1000, "median_ttft_ms": base * 1000, "std_ttft_ms": 1.0, "p99_ttft_ms": base * 1000 + 6,
      "mean_tpot_ms": 11.0, "median_tpot_ms": 11.0, "std_tpot_ms": 0.2, "p99_tpot_ms": 12.0,
      "mean_itl_ms": 11.0, "median_itl_ms": 11.0, "std_itl_ms": 0.2, "p99_itl_ms": 12.0,
    ]
    for (key, value) in extra { object[key] = value }
    return object
  }

  /// Writes a four-level sweep (1, 2, 4, 8) into `folder`, one file per level; `edit` may
  /// change a level's object before it is written. Returns the file URLs by level.
  @discardableResult
  static func writeSweep(
    into folder: URL, levels: [Double] = [1, 2, 4, 8], model: String = "example/model-7b",
    edit: (Double, inout [String: Any]) -> Void = { _, _ in }
  ) throws -> [URL] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try levels.map { level in
      var object = result(concurrency: level, model: model)
      edit(level, &object)
      let url = folder.appendingPathComponent("vllm-concurrency\(Int(level)).json")
      try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
      return url
    }
  }

  /// Every regular file below `folder` with its bytes, by relative path: a report folder's
  /// state, to check that a failed run left it as it was.
  static func snapshot(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
    for case let relative as String in enumerator {
      let url = folder.appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[relative] = try Data(contentsOf: url)
      }
    }
    return files
  }
}
