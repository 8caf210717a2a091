import Foundation

/// Per-request samples of the real vLLM concurrency sweep in `samples/vllm-concurrency-sweep-h100/`
/// (Llama-3.1-8B FP8 on one H100, 100 requests per level; see its SOURCES.md), for the
/// statistics tests whose expected values `scripts/stats_reference.py` computes from the same
/// files. Converted from seconds to ms by `* 1000` as the script does, so both sides see the
/// same bits. These files have no `latencies` (E2E) array: TTFT and ITL are what they hold.
enum ConcurrencySweepSamples {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("samples/vllm-concurrency-sweep-h100")

  /// The arrays used from one result file (seconds).
  private struct PerRequestArrays: Decodable {
    var ttfts: [Double]
    var itls: [[Double]]
  }

  /// Time to first token of each request of the run at `concurrency`, in ms, in file order.
  static func ttftMilliseconds(concurrency: Int) throws -> [Double] {
    try arrays(concurrency: concurrency).ttfts.map { $0 * 1000 }
  }

  /// The inter-token gaps of the first `requests` requests (all by default) of the run at
  /// `concurrency`, in ms, flattened in file order (169 gaps per request).
  static func itlMilliseconds(concurrency: Int, requests: Int = .max) throws -> [Double] {
    try arrays(concurrency: concurrency).itls.prefix(requests).flatMap { $0.map { $0 * 1000 } }
  }

  /// `values` rounded to whole ms as `np.round` rounds (half to even), to create ties.
  static func roundedToMillisecond(_ values: [Double]) -> [Double] {
    values.map { $0.rounded(.toNearestOrEven) }
  }

  /// Every other value from index `start` (0: the even-numbered requests, 1: the odd ones),
  /// as numpy's `values[start::2]`: two interleaved halves of one run.
  static func everyOther(_ values: [Double], from start: Int) -> [Double] {
    stride(from: start, to: values.count, by: 2).map { values[$0] }
  }

  private static func arrays(concurrency: Int) throws -> PerRequestArrays {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    guard let name = names.first(where: { $0.contains("-concurrency\(concurrency)-") && $0.hasSuffix(".json") })
    else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path + "/*-concurrency\(concurrency)-*"])
    }
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    return try JSONDecoder().decode(PerRequestArrays.self, from: data)
  }
}
