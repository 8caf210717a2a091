import BenchModel
import Foundation
import Testing

@testable import BenchIngest

#if canImport(Glibc)
  import Glibc
#endif

/// Inputs whose size must not set the memory: a huge file that is not a result, a Locust
/// failures table with very many distinct rows, a file of very many `--append-result` objects.
@Suite(.serialized) struct BoundedMemoryTests {
  static func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
  }

  /// A 3 GB sparse file was copied whole to word its skip reason (6.3 GB resident).
  @Test func hugeFileThatIsNotAResultIsSniffedNotCopied() throws {
    let root = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("core.dump").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(truncate(path, 3 << 30) == 0)  // sparse: no disk space, reads as zeros
    let html = root.appendingPathComponent("page.html").path
    try Data(("<!DOCTYPE html><html>" + String(repeating: "<p>x</p>", count: 10)).utf8).write(to: URL(fileURLWithPath: html))
    #expect(truncate(html, 512 << 20) == 0)  // a 512 MB page that is not a Locust report
    let before = Self.peakResidentMegabytes()
    let result = InputScanner().scan([root.path])
    let grown = Self.peakResidentMegabytes() - before
    #expect(result.skipped.map(\.reason).sorted() == ["HTML page that is not a Locust report", "not a benchmark result file (.dump)"])
    #expect(grown < 300, "peak resident memory grew by \(grown) MB")
  }

  @Test func longLocustFailuresTableIsCutToItsTopRowsPlusARemainder() throws {
    let root = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("samples/locust-user-sweep-gateway")
    for suffix in ["stats", "stats_history", "exceptions"] {
      try FileManager.default.copyItem(
        at: sample.appendingPathComponent("u1_\(suffix).csv"), to: root.appendingPathComponent("u1_\(suffix).csv"))
    }
    // 20 000 distinct failures (a request id in every error): occurrences 1…20 000.
    var csv = "Method,Name,Error,Occurrences\n"
    for row in 1...20_000 { csv += "POST,llama3,\"HTTPError('500 for request \(row)')\",\(row)\n" }
    try Data(csv.utf8).write(to: root.appendingPathComponent("u1_failures.csv"))
    let result = InputScanner().scan([root.path])
    let run = try #require(result.runs.first { $0.task == nil })
    #expect(run.failureRecords.count == LocustFailuresCSVReader.keptRows + 1)
    #expect(run.failureRecords.first?.occurrences == 20_000)
    #expect(run.failureRecords[LocustFailuresCSVReader.keptRows - 1].occurrences == 20_000 - LocustFailuresCSVReader.keptRows + 1)
    let remainder = try #require(run.failureRecords.last)
    #expect(remainder.isRemainder)
    #expect(remainder.foldedRows == 20_000 - LocustFailuresCSVReader.keptRows)
    // 1 + 2 + … + 19 950.
    let folded = 19_950 * 19_951 / 2
    #expect(remainder.occurrences == folded)
    #expect(remainder.error == "19950 more distinct failures, not listed (\(folded) occurrences in all)")
  }

  @Test func veryManyAppendedResultsAreReadUpToTheLimit() throws {
    let line =
      #"{"backend": "vllm", "model_id": "m", "num_prompts": 4, "max_concurrency": 2, "duration": 1.0, "completed": 4, "request_throughput": 4.0, "output_throughput": 10.0}"#
    let count = ResultFileReader.maximumObjects + 250
    let bytes = Array((Array(repeating: line, count: count).joined(separator: "\n") + "\n").utf8)
    let result = ResultFileReader().read(bytes, path: "append.json")
    #expect(result.runs.count == ResultFileReader.maximumObjects)
    #expect(result.runs.last?.source == SourceLocation(path: "append.json", line: ResultFileReader.maximumObjects))
    #expect(
      result.skipped.map(\.reason) == [
        "250 more result objects (lines 1001–1250) not read: benchreport reads at most 1000 per file, to keep memory bounded; split the file to read them all"
      ])
  }
}
