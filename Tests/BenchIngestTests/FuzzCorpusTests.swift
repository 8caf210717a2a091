import BenchIngest
import Foundation
import Testing

/// Every input in Tests/FuzzCorpus (seeds and crashers found by `make fuzz`) goes through the
/// readers without crashing, and each one is accounted for: runs read, or entries skipped with
/// a reason.
@Suite struct FuzzCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("FuzzCorpus/json")

  static var inputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test func corpusIsPresent() {
    #expect(Self.inputs.count >= 20)
  }

  @Test(arguments: inputs)
  func inputIsReadOrSkippedWithAReason(_ name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
    let result = ResultFileReader().read(bytes, path: name)
    #expect(!result.runs.isEmpty || !result.skipped.isEmpty, "\(name) produced neither runs nor a skip reason")
    #expect(result.skipped.allSatisfy { !$0.reason.isEmpty })
  }
}
