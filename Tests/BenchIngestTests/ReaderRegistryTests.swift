import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// How `InputScanner` gives files to the readers of `ReaderRegistry`: the most confident reader
/// takes a file, ties go to the earlier entry, declined files go on to the next reader, and a
/// new format is one more `ResultReader` in the list (here a test reader for a made-up format).
struct ReaderRegistryTests {
  /// A made-up format: a text file starting with `TOYBENCH`, one run per file at the
  /// concurrency written after it (`TOYBENCH 8`).
  struct ToyReader: ResultReader {
    func confidence(for file: SniffedFile) -> ReadConfidence {
      (file.head ?? []).starts(with: Array("TOYBENCH".utf8)) ? .certain : .none
    }

    func plan(_ files: [SniffedFile]) -> ReadPlan {
      var plan = ReadPlan()
      for file in files {
        let text = String(decoding: file.head ?? [], as: UTF8.self)
        guard let level = Int(text.dropFirst("TOYBENCH ".count).prefix { $0.isNumber }) else {
          plan.declined.append(file)  // not one after all: the next reader says what it is
          continue
        }
        plan.jobs.append(
          ReadJob(startOrderSize: 0) {
            var run = Run(source: SourceLocation(path: file.display), format: SourceFormat(tool: .vllmServe, schema: "toy"))
            run.maxConcurrency = level
            run.model = "toy"
            run.completed = 10
            return IngestResult(runs: [run], filesExamined: 1)
          })
      }
      return plan
    }
  }

  static func folder(_ files: [String: String]) throws -> URL {
    let folder = try TestFixtures.temporaryFolder()
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder
  }

  @Test func theRegistryEndsWithAFallbackThatTakesAnyFile() {
    let anything = SniffedFile(path: "/nonexistent", display: "x.bin", head: [0, 1, 2])
    #expect(ReaderRegistry.readers.last?.confidence(for: anything) == .fallback)
    #expect(ReaderRegistry.readers.dropLast().allSatisfy { $0.confidence(for: anything) == .none })
  }

  @Test func aNewReaderIsOneMoreRegistryEntry() throws {
    let folder = try Self.folder(["a.toy": "TOYBENCH 8\n", "b.toy": "TOYBENCH 16\n", "notes.txt": "hello\nworld\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    var scanner = InputScanner()
    scanner.readers = [ToyReader()] + ReaderRegistry.readers
    let result = scanner.scan([folder.path])
    #expect(result.runs.map(\.source.path) == ["a.toy", "b.toy"])
    #expect(result.runs.map(\.maxConcurrency) == [8, 16])
    #expect(result.filesExamined == 3)
    #expect(result.skipped.map(\.location.path) == ["notes.txt"])
    #expect(result.skipped.first?.reason == ResultFileReader.consoleTextReason)
    // Without the entry the same files are only listed as skipped.
    #expect(InputScanner().scan([folder.path]).runs.isEmpty)
  }

  @Test func aDeclinedFileGoesToTheNextReader() throws {
    let folder = try Self.folder(["broken.toy": "TOYBENCH ??\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    var scanner = InputScanner()
    scanner.readers = [ToyReader()] + ReaderRegistry.readers
    let result = scanner.scan([folder.path])
    #expect(result.runs.isEmpty)
    #expect(result.filesExamined == 1)
    #expect(result.skipped.map(\.reason) == ["not a benchmark result file (.toy)"])
  }

  /// `[]` is Locust's `--json` when nothing completed only beside other files of its prefix;
  /// alone, the Locust reader declines it and the JSON reader says what it is.
  @Test func anEmptyArrayAloneIsDeclinedByLocust() throws {
    let folder = try Self.folder(["empty.json": "[]\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = InputScanner().scan([folder.path])
    #expect(result.filesExamined == 1)
    #expect(result.skipped.map(\.reason) == ["empty JSON array"])
  }
}
