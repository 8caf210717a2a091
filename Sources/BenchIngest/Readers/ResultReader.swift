import Foundation
import BenchModel

/// One input format family: it recognises its files from their first bytes, groups them into
/// read jobs and reads each job into runs and notes. The readers in use are listed once, in
/// `ReaderRegistry.readers`; `InputScanner` offers every file to them and runs their jobs on
/// all cores. Adding a format is one type conforming to this protocol and one registry line.
///
/// Like pandoc's readers, a reader knows nothing of the analysis or the writers: what it
/// returns is model data (`Run`, `SkippedInput`) and nothing else.
public protocol ResultReader: Sendable {
  /// How sure this reader is, from a file's first bytes (and, when those are inconclusive,
  /// from a bounded look further in), that the file is one of its own. The file goes to the
  /// most confident reader; ties go to the earlier registry entry.
  func confidence(for file: SniffedFile) -> ReadConfidence

  /// Turns the files given to this reader (in the scan's order) into read jobs — one per file,
  /// or one per group of files that form one run (Locust's CSV, JSON and HTML of one prefix).
  /// Files it declines after all are offered to the next most confident reader; files it
  /// recognises but never reads go into `skipped`, with their reason, counted as examined.
  func plan(_ files: [SniffedFile]) -> ReadPlan

  /// Called once all jobs of every reader are read and merged (runs in job order), to settle
  /// what spans files — `vllm bench sweep` writes each run twice. Default: nothing.
  func reconcile(_ result: inout IngestResult)
}

extension ResultReader {
  public func reconcile(_ result: inout IngestResult) {}
}

/// How sure a reader is that a file is its own; compared, the highest wins.
public struct ReadConfidence: Sendable, Comparable, Hashable {
  public var value: Int

  public init(_ value: Int) { self.value = value }

  /// Not this reader's file.
  public static let none = ReadConfidence(0)
  /// The reader takes any file no other reader wants, if only to say why it is not a result.
  public static let fallback = ReadConfidence(1)
  /// The file could be this reader's, but its neighbours or its whole content decide.
  public static let possible = ReadConfidence(50)
  /// The file's head carries what only this reader's format writes.
  public static let certain = ReadConfidence(100)

  public static func < (lhs: ReadConfidence, rhs: ReadConfidence) -> Bool { lhs.value < rhs.value }
}

/// A file offered to the readers: where it is, how it is shown, and its first bytes.
public struct SniffedFile: Sendable {
  /// Path to read.
  public var path: String
  /// Path shown to the user (relative to the analysed folder).
  public var display: String
  /// The first `SniffedFile.headSize` bytes, nil when the file cannot be opened.
  public var head: [UInt8]?
  /// Position in the scan, which keeps a declined file's place for the next reader.
  var scanIndex = 0

  /// Bytes read from every file to choose its reader.
  public static let headSize = 64 * 1024

  public init(path: String, display: String, head: [UInt8]?) {
    self.path = path
    self.display = display
    self.head = head
  }
}

/// What a reader will do with the files it was given.
public struct ReadPlan: Sendable {
  public var jobs: [ReadJob]
  /// Files the reader gives back to the next most confident reader.
  public var declined: [SniffedFile]
  /// Files recognised but not read, with the reason (each counted as one file examined).
  public var skipped: [SkippedInput]

  public init(jobs: [ReadJob] = [], declined: [SniffedFile] = [], skipped: [SkippedInput] = []) {
    self.jobs = jobs
    self.declined = declined
    self.skipped = skipped
  }

  /// One job per file, largest file first: the plan of a reader whose every file is one unit.
  public static func perFile(_ files: [SniffedFile], read: @escaping @Sendable (SniffedFile) -> IngestResult) -> ReadPlan {
    ReadPlan(
      jobs: files.map { file in
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        return ReadJob(startOrderSize: size) { read(file) }
      })
  }
}

/// One unit of reading work, run on any core: a file, or the files of one run.
public struct ReadJob: Sendable {
  /// Jobs start largest first (so both cores stay busy to the end); `Int.max` starts first.
  public var startOrderSize: Int
  public var read: @Sendable () -> IngestResult

  public init(startOrderSize: Int, read: @escaping @Sendable () -> IngestResult) {
    self.startOrderSize = startOrderSize
    self.read = read
  }
}
