import Foundation
import Testing

@testable import BenchIngest

/// A mapped file reads the same bytes as `FileManager`, also after its pages were released.
struct MappedFileTests {
  static func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func bytesAreTheFilesBytesAlsoAfterReleasing() throws {
    // Three and a half pages of varied bytes.
    let content = (0..<(4096 * 3 + 2048)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    let path = try Self.temporaryFile(content)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let mapped = try #require(MappedFile(path: path))
    #expect(Array(mapped.bytes) == content)
    mapped.releaseConsumed(upTo: 4096 * 2 + 100)
    #expect(Array(mapped.bytes) == content)  // released pages are read back from the file
    mapped.releaseConsumed(upTo: content.count)
    #expect(Array(mapped.bytes) == content)
  }

  @Test func emptyFileAndFolderAndMissingFile() throws {
    let path = try Self.temporaryFile([])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(MappedFile(path: path)?.bytes.count == 0)
    #expect(MappedFile(path: FileManager.default.temporaryDirectory.path) == nil)
    #expect(MappedFile(path: "/nonexistent/benchreport/file.json") == nil)
  }

  /// A result file read through the mapping (with releases every few MB) gives the same runs
  /// as reading it from a byte array.
  @Test func largeFileReadInPlaceEqualsReadFromAnArray() throws {
    var text = #"{"backend": "vllm", "model_id": "m", "completed": 3000, "num_prompts": 3000, "max_concurrency": 8, "#
    text += #""request_throughput": 1.5, "output_throughput": 10.0, "ttfts": ["#
    text += (0..<3000).map { "0.0\($0 % 97 + 10)123456789012" }.joined(separator: ",")
    text += #"], "output_lens": ["# + Array(repeating: "300", count: 3000).joined(separator: ",")
    text += #"], "itls": ["#
    text += (0..<3000).map { request in
      "[" + (0..<299).map { "0.03\(($0 * 7 + request) % 1000)4567891234" }.joined(separator: ", ") + "]"
    }.joined(separator: ", ")
    text += #"], "generated_texts": ["# + Array(repeating: "\"x\"", count: 3000).joined(separator: ",") + "]}"
    let bytes = Array(text.utf8)
    #expect(bytes.count > 16 << 20)  // more than two release strides
    let path = try Self.temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let mapped = try #require(MappedFile(path: path))
    var released = 0
    let inPlace = ResultFileReader().read(mapped.bytes, path: "f.json") {
      released += 1
      mapped.releaseConsumed(upTo: $0)
    }
    let fromArray = ResultFileReader().read(bytes, path: "f.json")
    #expect(released >= 2)
    #expect(inPlace.runs == fromArray.runs)
    #expect(inPlace.runs.first?.samples?.interTokenGaps.count == 3000 * 299)
  }
}
