import BenchModel
import Foundation

/// vLLM (`benchmark_serving.py --save-result`, `vllm bench serve`, `vllm bench sweep`) and
/// SGLang (`bench_serving`) result JSON / JSONL: one job per file, memory-mapped and parsed in
/// place; each object is classified on its own keys (`ResultFileReader`, `ResultKind`).
///
/// It is also the registry's fallback: it takes every file no other reader wants, so that a
/// file that is not a result is listed with the reason (a console log, a CSV, an empty file).
struct ServingJSONReader: ResultReader {
  func confidence(for file: SniffedFile) -> ReadConfidence { .fallback }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    ReadPlan.perFile(files) { Self.read(($0.path, $0.display)) }
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
        result.skipped.append(InputScanner.changedWhileRead(file.display))
      }
    } else if FileEntry.kind(of: file.path, following: true) != .regular {
      result.filesExamined += 1
      result.skipped.append(InputScanner.notRegular(file.display, kind: "no longer a regular file"))
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
  func reconcile(_ result: inout IngestResult) {
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
