import BenchIngest
import BenchModel
import Foundation
import Testing

/// A benchmark killed while writing leaves a truncated file. Cut a real result at every byte
/// and check the reader never crashes and always names the line and column of the problem.
@Suite struct TruncatedInputTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/benchmark_serving/er0080__vllm-benchmarking/bench_serve_v0.25.1.json")

  @Test func everyTruncationIsReportedWithItsPosition() throws {
    let bytes = [UInt8](try Data(contentsOf: Self.sample))
    // The file is pretty-printed (sorted keys, indent), so cuts land on every structural position:
    // inside keys, after colons, inside numbers and strings, between members.
    #expect(bytes.count > 500)
    let complete = ResultFileReader().read(bytes, path: "run.json")
    #expect(complete.runs.count == 1 && complete.skipped.isEmpty)
    let lastSignificant = bytes.lastIndex { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }!
    for length in 1...lastSignificant {
      let result = ResultFileReader().read(Array(bytes[0..<length]), path: "run.json")
      #expect(result.runs.isEmpty, "cut at \(length) still produced a run")
      let problem = try #require(result.skipped.first, "cut at \(length) was neither read nor reported")
      #expect(problem.kind == .unreadable || problem.kind == .notAResult)
      if problem.kind == .unreadable {
        #expect(problem.reason.contains("line") && problem.reason.contains("column"), "cut at \(length): \(problem.reason)")
        #expect(problem.location.line != nil)
      }
    }
  }

  @Test func aTruncatedLastLineOfAnAppendFileKeepsTheEarlierRuns() throws {
    let line = try String(contentsOf: Self.sample, encoding: .utf8)
      .replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "    ", with: "")
    let text = line + "\n" + line + "\n" + String(line.prefix(line.count / 2))
    let result = ResultFileReader().read(Array(text.utf8), path: "results.json")
    #expect(result.runs.count == 2)
    #expect(result.runs.map { $0.source.line } == [1, 2])
    let problem = try #require(result.skipped.first)
    #expect(problem.location.line == 3)
    #expect(problem.reason.contains("the 2 results before it were read"))
  }
}
