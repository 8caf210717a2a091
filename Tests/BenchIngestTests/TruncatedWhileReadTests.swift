import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// A result file shortened while it is read — vLLM rewrites its file with `open(…, "w")`,
/// which empties it first — killed the process with SIGBUS in 20 of 30 tries (a 400 MB file
/// emptied during `analyze`). The mapping is guarded: the read survives and the file is
/// reported as changed during the read.
@Suite(.serialized) struct TruncatedWhileReadTests {
  /// A vLLM result of about `megabytes` MB, mostly per-request arrays (as the large files are).
  static func largeResult(megabytes: Int) -> [UInt8] {
    let requests = max(1, megabytes * 1_000_000 / 6000)
    var text = #"{"backend": "vllm", "model_id": "m", "completed": \#(requests), "num_prompts": \#(requests), "#
    text += #""max_concurrency": 8, "request_throughput": 1.5, "output_throughput": 10.0, "ttfts": ["#
    text += (0..<requests).map { "0.0\($0 % 97 + 10)123456789012" }.joined(separator: ",")
    text += #"], "output_lens": ["# + Array(repeating: "300", count: requests).joined(separator: ",")
    let oneRequest = "[" + (0..<299).map { "0.03\($0 % 1000)4" }.joined(separator: ", ") + "]"
    text += #"], "itls": ["# + Array(repeating: oneRequest, count: requests).joined(separator: ", ") + "]}"
    return Array(text.utf8)
  }

  static func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Deterministic: the file is emptied after it was mapped and before a byte was read.
  @Test func fileEmptiedAfterMappingIsReportedAsChanged() throws {
    let path = try Self.temporaryFile(Self.largeResult(megabytes: 2))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let mapped = try #require(MappedFile(path: path))
    #expect(!mapped.changedSinceMapped)
    #expect(truncate(path, 0) == 0)
    // Every page is gone from the file; reading them must not raise SIGBUS.
    let sum = mapped.bytes.reduce(0) { $0 &+ Int($1) }
    #expect(sum == 0)
    #expect(mapped.changedSinceMapped)
  }

  @Test func scannerReportsAFileEmptiedBeforeItIsReadAsChanged() throws {
    let path = try Self.temporaryFile(Self.largeResult(megabytes: 1))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let mapped = try #require(MappedFile(path: path))
    #expect(truncate(path, 0) == 0)
    let result = ServingJSONReader.read(mapped.bytes, display: "r.json", releaseConsumed: nil)
    #expect(result.runs.isEmpty)
    #expect(mapped.changedSinceMapped)
  }

  /// The issue's case, repeated: a large file truncated (as `open(…, "w")` does) at a random
  /// moment while the scanner reads it. The process survives every time; each read either
  /// finished before the truncation or is reported as changed, never as a wrong result.
  @Test func repeatedTruncationWhileReading() throws {
    let content = Self.largeResult(megabytes: 12)
    let path = try Self.temporaryFile(content)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var changed = 0
    var generator = SystemRandomNumberGenerator()
    // Truncations are spread over the time one read takes here, so they land mid-read
    // whatever the machine's speed.
    let timed = Date()
    #expect(ServingJSONReader.read((path: path, display: "big.json")).runs.count == 1)
    let readMicroseconds = UInt32(max(1000, Date().timeIntervalSince(timed) * 1_000_000))
    let started = Date()
    var tries = 0
    while tries < 12 && Date().timeIntervalSince(started) < 4 {
      tries += 1
      try Data(content).write(to: URL(fileURLWithPath: path))
      let delay = UInt32.random(in: 0...readMicroseconds, using: &generator)
      let truncator = Thread {
        usleep(delay)
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        if descriptor >= 0 { close(descriptor) }
      }
      truncator.start()
      let result = ServingJSONReader.read((path: path, display: "big.json"))
      while truncator.isExecuting || !truncator.isFinished { usleep(1000) }
      if result.skipped.contains(where: { $0.reason.hasPrefix("changed while it was read") }) {
        changed += 1
        #expect(result.runs.isEmpty)
        #expect(result.skipped.count == 1)
        #expect(result.skipped.first?.kind == .unreadable)
      } else {
        // Read in full before the truncation, or the truncation came before the open.
        #expect(result.runs.count == 1 || result.skipped.first?.reason == "empty file", "\(result.skipped)")
        if let run = result.runs.first { #expect(run.samples?.interTokenGaps.count == (run.completed ?? 0) * 299) }
      }
    }
    #expect(changed > 0, "no truncation landed during a read in \(tries) tries")
  }
}
