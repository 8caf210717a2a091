import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Inputs that were read wrong without a word: UTF-16/UTF-32 JSON, a Locust `--json` whose
/// first request name is longer than the sniffed head, negative per-request latencies,
/// negative durations and throughputs, and Locust counters that go down.
struct SilentMisreadTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let result =
    #"{"backend": "vllm", "model_id": "m", "num_prompts": 4, "max_concurrency": 2, "duration": 1.0, "completed": 4, "request_throughput": 4.0, "output_throughput": 10.0, "mean_ttft_ms": 5.0}"#

  func scan(_ files: [String: Data]) throws -> IngestResult {
    let root = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    for (name, data) in files {
      let url = root.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    return InputScanner().scan([root.path])
  }

  /// PowerShell's `>` writes UTF-16 LE with a byte-order mark.
  @Test func utf16AndUTF32WithAByteOrderMarkAreRead() throws {
    let encodings: [(String, String.Encoding, [UInt8])] = [
      ("utf16le.json", .utf16LittleEndian, [0xFF, 0xFE]), ("utf16be.json", .utf16BigEndian, [0xFE, 0xFF]),
      ("utf32le.json", .utf32LittleEndian, [0xFF, 0xFE, 0, 0]), ("utf32be.json", .utf32BigEndian, [0, 0, 0xFE, 0xFF]),
    ]
    var files: [String: Data] = [:]
    for (name, encoding, mark) in encodings {
      files[name] = Data(mark) + (try #require(Self.result.data(using: encoding)))
    }
    files["broken-utf16.json"] = Data([0xFF, 0xFE, 0x00, 0xD8, 0x41])  // a lone surrogate
    let result = try scan(files)
    #expect(result.runs.map(\.source.path).sorted() == ["utf16be.json", "utf16le.json", "utf32be.json", "utf32le.json"])
    #expect(result.runs.allSatisfy { $0.outputThroughput == 10 && $0.maxConcurrency == 2 })
    #expect(result.runs.first { $0.source.path == "utf16le.json" }?.notes.contains("read as UTF-16 LE text (byte-order mark)") == true)
    #expect(result.skipped.map(\.location.path) == ["broken-utf16.json"])
    #expect(result.skipped.first?.kind == .unreadable)
  }

  /// The first key of Locust's `--json` is the request name; one over 64 KB hid the keys that
  /// identify the file.
  @Test func locustJSONWithAVeryLongFirstNameIsDetected() throws {
    let sample = Self.packageRoot.appendingPathComponent("samples/locust-user-sweep-gateway/u1.json")
    let text = try String(contentsOf: sample, encoding: .utf8)
    let long = String(repeating: "q", count: 70_000)
    let result = try scan(["u1.json": Data(text.replacingOccurrences(of: "\"qwen2\"", with: "\"\(long)\"").utf8)])
    #expect(result.skipped.isEmpty, "\(result.skipped)")
    #expect(!result.runs.isEmpty)
    #expect(result.runs.allSatisfy { $0.format.tool == .locust })
  }

  @Test func negativePerRequestLatenciesAreLeftOutWithANote() throws {
    let object =
      #"{"backend": "vllm", "model_id": "m", "num_prompts": 4, "max_concurrency": 2, "completed": 4, "request_throughput": 4.0, "#
      + #""input_lens": [1, 1, 1, 1], "output_lens": [3, 3, 3, 3], "ttfts": [0.1, -0.5, 0.2, 0.3], "itls": [[0.01, 0.01], [0.01, 0.01], [0.01, -0.02], [0.01, 0.01]]}"#
    let result = ResultFileReader().read(Array(object.utf8), path: "neg.json")
    let run = try #require(result.runs.first)
    let samples = try #require(run.samples)
    #expect(samples.timeToFirstToken == [0.1, 0.3])
    #expect(samples.interTokenGaps.allSatisfy { $0 >= 0 })
    #expect(samples.gapOffsets == [0, 2, 4])
    #expect(
      run.notes.contains(
        "neg.json: 2 of 4 requests left out of the per-request samples: a latency that is NaN, infinite, negative or over 1000000 s (first: ttfts[1] = -0.5)"
      ))
  }

  @Test func negativeDurationAndThroughputAreUnknownWithANote() throws {
    let object =
      #"{"backend": "vllm", "model_id": "m", "num_prompts": 4, "max_concurrency": 2, "completed": 4, "duration": -3.0, "request_throughput": -4.0, "output_throughput": -10.0, "total_token_throughput": 5.0}"#
    let run = try #require(ResultFileReader().read(Array(object.utf8), path: "neg.json").runs.first)
    #expect(run.duration == nil && run.requestThroughput == nil && run.outputThroughput == nil)
    #expect(run.totalTokenThroughput == 5)
    #expect(run.notes.contains("duration is -3.0, but a duration or throughput cannot be negative; treated as unknown"))
    #expect(run.notes.contains("output_throughput is -10.0, but a duration or throughput cannot be negative; treated as unknown"))
  }

  /// A step-load history whose cumulative request counter drops within a step (Locust
  /// restarted): that step's counts are unknown, with a note, not 0 req/s.
  @Test func locustCountersThatGoDownAreNoted() throws {
    let sample = Self.packageRoot.appendingPathComponent("samples/locust-step-load-gateway")
    var files: [String: Data] = [:]
    for name in ["step_stats.csv", "step_failures.csv", "step_exceptions.csv"] {
      files[name] = try Data(contentsOf: sample.appendingPathComponent(name))
    }
    let history = try String(contentsOf: sample.appendingPathComponent("step_stats_history.csv"), encoding: .utf8)
    // "\r\n" is one Character in Swift: split on LF after normalising the line ends.
    var lines = history.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    for index in lines.indices.dropFirst() {
      var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard cells.count > 18, let time = Int(cells[0]), time >= 1_795_454_084, let count = Int(cells[17]), count > 1000 else { continue }
      cells[17] = String(count - 1000)
      lines[index] = cells.joined(separator: ",")
    }
    files["step_stats_history.csv"] = Data(lines.joined(separator: "\n").utf8)
    let result = try scan(files)
    let noted = result.runs.filter { $0.notes.contains { $0.contains("Request Count went down") } }
    #expect(!noted.isEmpty)
    #expect(noted.allSatisfy { $0.requestThroughput == nil && $0.completed == nil })
    #expect(result.runs.allSatisfy { ($0.requestThroughput ?? 1) > 0 })
  }
}
