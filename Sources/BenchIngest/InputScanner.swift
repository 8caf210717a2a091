import BenchModel
import Foundation

/// Finds and reads every input file below the paths a user gave, in a deterministic order,
/// and deduplicates what `vllm bench sweep` writes twice.
public struct InputScanner: Sendable {
  /// File names that configure benchreport rather than hold results.
  public static let configurationFileNames: Set<String> = ["benchreport.yaml", "benchreport.yml"]

  /// Absolute paths never read (the output folder, when it lies inside the input).
  public var excludedPaths: [String]

  /// Called on every run right after its file is read, on the thread that read it (the
  /// executable recomputes latency summaries there, see `RecomputedLatency`), so that work
  /// shares the cores with the reading. Not counted in the per-format read timings.
  public var preparingRun: (@Sendable (inout Run) -> Void)?

  public init(excludedPaths: [String] = []) {
    // Compared as real paths: an output folder reached through a symbolic link is still it.
    self.excludedPaths = excludedPaths.map(RealPath.resolve)
  }

  /// Reads every file below `paths` (files or folders, recursively).
  public func scan(_ paths: [String]) -> IngestResult {
    var result = IngestResult()
    var files: [(path: String, display: String)] = []
    // Folders reached through symbolic links are followed only inside these: a link to `/`
    // must not turn a results folder into a walk of the whole machine.
    let roots = paths.filter { FileEntry.kind(of: $0, following: true) == .directory }.map(FileEntry.realPath)
    for path in paths {
      switch FileEntry.kind(of: path, following: true) {
      case .missing:
        result.skipped.append(SkippedInput(location: SourceLocation(path: path), kind: .unreadable, reason: "no such file or folder"))
      case .directory:
        var visited: Set<String> = []
        collect(directory: path, displayPrefix: "", roots: roots, visited: &visited, files: &files, result: &result)
      case .regular:
        files.append((path, path))
      case .other(let kind), .symbolicLink(let kind):
        result.skipped.append(Self.notRegular(path, kind: kind))
      }
    }
    var locustSets: [LocustRunSet] = []
    files = scanLocust(files, sets: &locustSets, into: &result)
    // Every Locust run set and every other file is one job, run on all cores (two at a time
    // on two cores, so memory stays bounded) and merged in this order — Locust sets, then the
    // files — so the output does not depend on the scheduling. Jobs start largest first:
    // Locust sets (the slowest per byte), then files by size. That keeps both cores busy to
    // the end, and the largest files' samples (and their preparation) come first, while little
    // else is held: a day-long Locust history holds ~90 MB of rows while it is assembled,
    // which next to every file's samples would set the peak memory.
    let jobs = locustSets.map(Job.locust) + files.map(Job.file)
    let sizes = jobs.map(\.startOrderSize)
    let order = jobs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    let preparingRun = self.preparingRun
    let finished = ParallelMap.map(order) { index in
      var jobResult: IngestResult
      switch jobs[index] {
      case .locust(let set):
        jobResult = Self.read(set)
        FreedMemory.release()  // the history's rows, freed in small blocks
      case .file(let file):
        jobResult = Self.read(file)
      }
      if let preparingRun {
        for runIndex in jobResult.runs.indices { preparingRun(&jobResult.runs[runIndex]) }
      }
      return jobResult
    }
    var results = [IngestResult?](repeating: nil, count: jobs.count)
    for (position, index) in order.enumerated() { results[index] = finished[position] }
    for jobResult in results { result.merge(jobResult!) }
    Self.removeSweepSummaryDuplicates(&result)
    InputTextCleaner.clean(&result)
    result.skipped.sort()
    return result
  }

  /// One unit of reading work.
  enum Job: Sendable {
    case locust(LocustRunSet)
    case file((path: String, display: String))

    /// Bytes, for the start order; Locust sets come before every file.
    var startOrderSize: Int {
      switch self {
      case .locust: Int.max
      case .file(let file): (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
      }
    }
  }

  /// Reads one file (memory-mapped when possible), timed for `--timings`.
  static func read(_ file: (path: String, display: String)) -> IngestResult {
    let started = MonotonicClock.seconds()
    let startedCPU = MonotonicClock.threadCPUSeconds()
    var result = IngestResult()
    var size = 0
    if let mapped = MappedFile(path: file.path) {
      size = mapped.bytes.count
      if let mark = ByteOrderMark(mapped.bytes) {
        result = readTranscoded(mapped.bytes, mark: mark, display: file.display)
      } else {
        result = read(mapped.bytes, display: file.display) { mapped.releaseConsumed(upTo: $0) }
      }
      if mapped.changedSinceMapped {
        // Half of one version and half of another (or zeros) is no result: say so instead.
        result = IngestResult(filesExamined: 1)
        result.skipped.append(Self.changedWhileRead(file.display))
      }
    } else if FileEntry.kind(of: file.path, following: true) != .regular {
      result.filesExamined += 1
      result.skipped.append(Self.notRegular(file.display, kind: "no longer a regular file"))
    } else if let data = FileManager.default.contents(atPath: file.path) {
      size = data.count
      let bytes = [UInt8](data)
      result = bytes.withUnsafeBufferPointer { read($0, display: file.display, releaseConsumed: nil) }
    } else {
      result.filesExamined += 1
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: file.display), kind: .unreadable, reason: "cannot be read (permission denied or not a regular file)"))
    }
    let format = result.runs.first?.format.tool.rawValue ?? (result.skipped.isEmpty ? "other" : "skipped")
    result.timings.append(
      FileIngestTiming(
        format: format, bytes: size, seconds: MonotonicClock.seconds() - started,
        cpuSeconds: MonotonicClock.threadCPUSeconds() - startedCPU))
    return result
  }

  /// A UTF-16 or UTF-32 file (PowerShell writes UTF-16 LE), read as UTF-8 with a note.
  static func readTranscoded(_ buffer: UnsafeBufferPointer<UInt8>, mark: ByteOrderMark, display: String) -> IngestResult {
    guard let utf8 = mark.utf8(buffer) else {
      var result = IngestResult(filesExamined: 1)
      result.skipped.append(
        SkippedInput(
          location: SourceLocation(path: display), kind: .unreadable,
          reason: "starts with a \(mark.rawValue) byte-order mark but is not valid \(mark.rawValue) text"))
      return result
    }
    var result = utf8.withUnsafeBufferPointer { read($0, display: display, releaseConsumed: nil) }
    for index in result.runs.indices { result.runs[index].notes.append("read as \(mark.rawValue) text (byte-order mark)") }
    return result
  }

  static func read(
    _ buffer: UnsafeBufferPointer<UInt8>, display: String, releaseConsumed: ((Int) -> Void)?
  ) -> IngestResult {
    var result = IngestResult()
    if !looksLikeJSON(buffer) {
      // Only the head is looked at to word the reason: a 3 GB file that is not a result
      // was copied whole (6.3 GB resident) just to be skipped.
      let head = Array(UnsafeBufferPointer(rebasing: buffer.prefix(Self.sniffedBytes)))
      result.filesExamined += 1
      let isEmpty = buffer.allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
      releaseConsumed?(buffer.count)
      result.skipped.append(
        SkippedInput(
          location: SourceLocation(path: display), kind: isEmpty ? .unreadable : .notAResult,
          reason: isEmpty ? "empty file" : Self.reasonForNonJSON(display, bytes: head)))
      return result
    }
    return ResultFileReader().read(buffer, path: display, releaseConsumed: releaseConsumed)
  }

  /// Reads one Locust run set (its CSV, JSON and HTML files), timed for `--timings`.
  static func read(_ set: LocustRunSet) -> IngestResult {
    var result = IngestResult()
    let started = MonotonicClock.seconds()
    let startedCPU = MonotonicClock.threadCPUSeconds()
    let output = LocustRunAssembler(set: set).assemble()
    let bytes = set.files.reduce(0) { total, file in
      total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
    }
    result.timings.append(
      FileIngestTiming(
        format: "locust", bytes: bytes, seconds: MonotonicClock.seconds() - started,
        cpuSeconds: MonotonicClock.threadCPUSeconds() - startedCPU))
    result.filesExamined += set.files.count
    result.runs += output.runs
    result.skipped += output.skipped
    return result
  }

  /// Finds the Locust outputs among `files` by content and groups them by prefix into run
  /// sets (read later, with the other files); returns the files left for the JSON readers.
  private func scanLocust(
    _ files: [(path: String, display: String)], sets: inout [LocustRunSet], into result: inout IngestResult
  ) -> [(path: String, display: String)] {
    var locust: [LocustRunSet.File] = []
    var emptyArrays: [(path: String, display: String)] = []
    var rest: [(path: String, display: String)] = []
    for file in files {
      guard let head = LocustFileDetector.head(of: file.path) else {
        rest.append(file)
        continue
      }
      switch LocustFileDetector.detect(path: file.path, head: head) {
      case .file(let kind)?:
        locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: kind))
      case .emptyJSONArray?:
        emptyArrays.append(file)
      case .ignored(let reason)?:
        result.filesExamined += 1
        result.skipped.append(SkippedInput(location: SourceLocation(path: file.display), kind: .notAResult, reason: reason))
      case .htmlPage?:
        result.filesExamined += 1
        // Searched in chunks: a huge page that is not a report is never held whole.
        if LocustFileDetector.isLocustReport(path: file.path) {
          result.filesExamined -= 1
          locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: .html))
        } else {
          result.skipped.append(
            SkippedInput(location: SourceLocation(path: file.display), kind: .notAResult, reason: "HTML page that is not a Locust report"))
        }
      case nil where LocustFileDetector.isLocustJSONBeyondHead(path: file.path, head: head):
        locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: .json))
      case nil:
        rest.append(file)
      }
    }
    let prefixes = Set(locust.map { LocustRunSet.prefix(of: $0.display) })
    for file in emptyArrays {
      if prefixes.contains(LocustRunSet.prefix(of: file.display)) {
        locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: .json))
      } else {
        rest.append(file)
      }
    }
    sets = LocustRunSet.group(locust)
    let remaining = Set(rest.map(\.display))
    return files.filter { remaining.contains($0.display) }
  }

  private func collect(
    directory: String, displayPrefix: String, roots: [String], visited: inout Set<String>,
    files: inout [(path: String, display: String)], result: inout IngestResult
  ) {
    let real = RealPath.resolve(directory)
    if excludedPaths.contains(real) { return }
    guard visited.insert(real).inserted else {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: displayPrefix.isEmpty ? directory : displayPrefix), kind: .notAResult, reason: "folder already visited (symbolic link loop)"))
      return
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: displayPrefix.isEmpty ? directory : displayPrefix), kind: .unreadable, reason: "folder cannot be listed: \(error.localizedDescription)"))
      return
    }
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      let display = displayPrefix.isEmpty ? name : displayPrefix + "/" + name
      if name.hasPrefix(".") { continue }  // .git, .DS_Store: never benchmark output
      var kind = FileEntry.kind(of: path, following: false)
      if case .symbolicLink = kind {
        kind = FileEntry.kind(of: path, following: true)
        if kind == .directory {
          let target = FileEntry.realPath(path)
          guard roots.contains(where: { RealPath.isInside(target, folder: $0) }) else {
            result.skipped.append(
              SkippedInput(
                location: SourceLocation(path: display), kind: .notAResult,
                reason: "symbolic link to a folder outside the input (\(target)); not followed"))
            continue
          }
        }
      }
      switch kind {
      case .missing:
        result.skipped.append(SkippedInput(location: SourceLocation(path: display), kind: .unreadable, reason: "broken symbolic link"))
      case .directory:
        collect(directory: path, displayPrefix: display, roots: roots, visited: &visited, files: &files, result: &result)
      case .regular:
        // benchreport.yaml at the top is read by ConfigurationFile.
        if !(displayPrefix.isEmpty && Self.configurationFileNames.contains(name)) { files.append((path, display)) }
      case .other(let what), .symbolicLink(let what):
        result.skipped.append(Self.notRegular(display, kind: what))
      }
    }
  }

  /// A file shortened or rewritten while it was read (a benchmark still writing it).
  static func changedWhileRead(_ display: String) -> SkippedInput {
    SkippedInput(
      location: SourceLocation(path: display), kind: .unreadable,
      reason: "changed while it was read (shortened or rewritten, e.g. by a benchmark still writing it); run again once it is complete")
  }

  /// A FIFO, socket or device: never opened (a FIFO named `*.json` would block the run forever).
  static func notRegular(_ display: String, kind: String) -> SkippedInput {
    SkippedInput(
      location: SourceLocation(path: display), kind: .notAResult, reason: "not a regular file (\(kind)); not read")
  }

  private static func looksLikeJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    LeadingBytes.startsLikeJSON(bytes)
  }

  /// How much of a file that is not JSON is read to say what it is: enough for a console
  /// log's long preamble (the result banner was at byte 2762 in SOURCES #36).
  static let sniffedBytes = 4 << 20

  /// Extensions of console output and notes; a text file with one is "console log / notes".
  static let consoleExtensions: Set<String> = ["log", "txt", "out", "err"]

  static func reasonForNonJSON(_ path: String, bytes: [UInt8]) -> String {
    if bytes.isEmpty { return "empty file" }
    let name = (path as NSString).lastPathComponent.lowercased()
    let head = String(decoding: bytes.prefix(512), as: UTF8.self)
    if name == "summary.csv" { return "`vllm bench sweep` summary table; its runs are read from the run=N.json files" }
    if name.hasSuffix(".csv") {
      if head.contains("Request Count") || head.contains("User Count") || head.contains("# requests") {
        return "CSV table with Locust-like columns that matches no Locust output (see formats/locust.md §9)"
      }
      return "CSV file that is neither a Locust output nor a known benchmark table"
    }
    // The banner (`"{s:{c}^{n}}"` with c "=", as vLLM and SGLang print it) follows the argparse
    // dump and the progress bars, so it is rarely in the first line (byte 2762 in the real log
    // of SOURCES #36): search the sniffed head, for the banner rather than the bare phrase.
    if ByteSearch.contains("= Serving Benchmark Result =", in: bytes) {
      return "console log of a vLLM benchmark (the saved JSON result is what benchreport reads)"
    }
    let ext = (name as NSString).pathExtension
    // Console output and notes kept beside the results (`bench.log`, `commands.txt`), told
    // from other files by their text content, not only by their name.
    if Self.consoleExtensions.contains(ext), !bytes.prefix(4096).contains(0) { return ResultFileReader.consoleTextReason }
    return ext.isEmpty ? "not a benchmark result file" : "not a benchmark result file (.\(ext))"
  }

  /// `vllm bench sweep` writes every run twice: `run=N.json` and an entry in `summary.json`.
  /// Keep the run file; mark the summary entry as a duplicate.
  static func removeSweepSummaryDuplicates(_ result: inout IngestResult) {
    func folder(_ path: String) -> String { (path as NSString).deletingLastPathComponent }
    var standalone: [String: String] = [:]
    for run in result.runs where run.format.tool == .vllmSweep && run.source.arrayIndex == nil {
      if let number = run.runNumber { standalone["\(folder(run.source.path))#\(number)"] = run.source.path }
    }
    var kept: [Run] = []
    for run in result.runs {
      if run.format.tool == .vllmSweep, run.source.arrayIndex != nil, let number = run.runNumber,
        let original = standalone["\(folder(run.source.path))#\(number)"]
      {
        result.skipped.append(
          SkippedInput(
            location: run.source, kind: .duplicate,
            reason: "same run as \((original as NSString).lastPathComponent) (summary.json repeats the run files)"))
      } else {
        kept.append(run)
      }
    }
    result.runs = kept
  }
}
