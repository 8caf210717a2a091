import BenchAnalysis
import BenchIngest
import BenchModel
import Foundation
import Testing

/// A folder of broken inputs (Fixtures/broken, plus a few cases made here to keep the repository
/// small) next to one good result: nothing crashes, the good file is still analysed, and every
/// broken file is either read with notes naming the bad keys or skipped with a reason that names
/// the file and, where it can, the line and column.
@Suite struct BrokenInputTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/broken")

  struct Scanned {
    var result: IngestResult
    var folder: URL
    func skipped(_ name: String) -> SkippedInput? { result.skipped.first { $0.location.path == name } }
    func runs(_ name: String) -> [Run] { result.runs.filter { $0.source.path == name } }
  }

  static func scan() throws -> Scanned {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("benchreport-broken-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtures, to: folder)
    try Data(("{\"model_id\": \"" + String(repeating: "x", count: 2_000_000) + "\", \"completed\": 1, \"request_throughput\": 1.0}").utf8)
      .write(to: folder.appendingPathComponent("very-long-line.json"))
    try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
      .write(to: folder.appendingPathComponent("deeply-nested.json"))
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.json").path, withDestinationPath: "missing.json")
    return Scanned(result: InputScanner().scan([folder.path]), folder: folder)
  }

  @Test func theGoodFileIsAnalysedNextToTheBrokenOnes() throws {
    let scanned = try Self.scan()
    defer { try? FileManager.default.removeItem(at: scanned.folder) }
    let good = try #require(scanned.runs("good.json").first)
    #expect(good.completed == 4 && good.requestThroughput == 2.0)
    // The whole pipeline survives whatever was read.
    let sweeps = SweepGrouper.group(scanned.result.runs).sweeps
    for sweep in sweeps { _ = SweepAnalyzer.analyze(sweep) }
    #expect(!sweeps.isEmpty)
  }

  @Test func everyFileIsReadOrSkippedWithAReason() throws {
    let scanned = try Self.scan()
    defer { try? FileManager.default.removeItem(at: scanned.folder) }
    let names = try FileManager.default.contentsOfDirectory(atPath: scanned.folder.path).filter { $0 != "loop" }
    for name in names {
      #expect(!scanned.runs(name).isEmpty || scanned.skipped(name) != nil, "\(name) vanished without a word")
    }
    #expect(scanned.result.skipped.allSatisfy { !$0.reason.isEmpty })
  }

  @Test func brokenJSONIsReportedWithItsPosition() throws {
    let scanned = try Self.scan()
    defer { try? FileManager.default.removeItem(at: scanned.folder) }
    let truncated = try #require(scanned.skipped("truncated.json"))
    #expect(truncated.kind == .unreadable)
    #expect(truncated.reason.contains("line 1, column"))
    let nested = try #require(scanned.skipped("deeply-nested.json"))
    #expect(nested.kind == .unreadable && nested.reason.contains("nesting deeper than"))
    for name in ["empty.json", "whitespace-only.json"] {
      #expect(scanned.skipped(name)?.kind == .unreadable, "\(name)")
      #expect(scanned.skipped(name)?.reason == "empty file", "\(name)")
    }
    for name in ["binary-junk.json", "not-json-at-all.json", "array-of-numbers.json"] {
      #expect(scanned.skipped(name)?.kind == .notAResult, "\(name): \(scanned.skipped(name)?.reason ?? "not skipped")")
    }
    #expect(scanned.skipped("dangling.json")?.reason == "broken symbolic link")
    #expect(scanned.result.skipped.contains { $0.reason.contains("symbolic link loop") })
  }

  @Test func badValuesAreDroppedWithNotesNamingTheKey() throws {
    let scanned = try Self.scan()
    defer { try? FileManager.default.removeItem(at: scanned.folder) }
    let wrong = try #require(scanned.runs("wrong-types.json").first)
    #expect(wrong.completed == nil && wrong.duration == nil && wrong.requestThroughput == nil)
    for key in ["completed", "duration", "request_throughput", "max_concurrency"] {
      #expect(wrong.notes.contains { $0.hasPrefix(key) }, "no note for \(key): \(wrong.notes)")
    }
    let negative = try #require(scanned.runs("negative-latencies.json").first)
    #expect(negative.latency[.ttft]?.mean == nil && negative.latency[.ttft]?.percentile(99) == nil)
    #expect(negative.notes.contains { $0.contains("mean_ttft_ms is negative") })
    let nan = try #require(scanned.runs("nan-everywhere.json").first)
    #expect(nan.latency[.ttft]?.mean == nil)
    #expect(nan.notes.contains { $0.contains("NaN") })
    let overflow = try #require(scanned.runs("overflowing-numbers.json").first)
    #expect(overflow.completed == nil)
    #expect(overflow.notes.contains { $0.hasPrefix("completed") })
    let disagree = try #require(scanned.runs("array-lengths-disagree.json").first)
    #expect(disagree.samples == nil)
    #expect(disagree.notes.contains { $0.contains("output_lens has 2 entries") })
    // Python's json keeps the last of duplicated keys; so do we.
    #expect(scanned.runs("duplicate-keys.json").first?.completed == 3)
    #expect(scanned.runs("invalid-utf8.json").first?.model?.contains("\u{FFFD}") == true)
    // A 2 MB model name is read, then cut to the name limit (a 5 MB one took 25 s to lay out).
    #expect(scanned.runs("very-long-line.json").first?.model?.count == InputText.nameLimit + 1)
    #expect(scanned.runs("very-long-line.json").first?.model?.hasSuffix("…") == true)
  }

  @Test func emptyAndHeaderOnlyLocustCSVsAreSkippedWithAReason() throws {
    let scanned = try Self.scan()
    defer { try? FileManager.default.removeItem(at: scanned.folder) }
    for name in ["zero-byte_stats.csv", "only-header_stats.csv"] {
      let skipped = try #require(scanned.skipped(name), "\(name) not reported")
      #expect(!skipped.reason.isEmpty)
    }
  }
}
