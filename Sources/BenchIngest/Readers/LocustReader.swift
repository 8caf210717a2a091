import BenchModel
import Foundation

/// Locust `--csv` / `--json` / `--html` outputs (0.x–2.x, `formats/locust.md`): each file is
/// recognised by its content (`LocustFileDetector`), the files of one run are grouped by their
/// prefix (`LocustRunSet`) and assembled into runs (`LocustRunAssembler`).
struct LocustReader: ResultReader {
  func confidence(for file: SniffedFile) -> ReadConfidence {
    guard let head = file.head else { return .none }
    switch LocustFileDetector.detect(path: file.path, head: head) {
    case .file?, .ignored?: return .certain
    // An HTML page is a Locust report or nothing benchreport reads; `[]` is Locust's `--json`
    // only beside other files of its prefix.
    case .htmlPage?, .emptyJSONArray?: return .possible
    case nil: return LocustFileDetector.isLocustJSONBeyondHead(path: file.path, head: head) ? .certain : .none
    }
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    var plan = ReadPlan()
    var locust: [LocustRunSet.File] = []
    var emptyArrays: [SniffedFile] = []
    for file in files {
      guard let head = file.head else {
        plan.declined.append(file)
        continue
      }
      switch LocustFileDetector.detect(path: file.path, head: head) {
      case .file(let kind)?:
        locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: kind))
      case .emptyJSONArray?:
        emptyArrays.append(file)
      case .ignored(let reason)?:
        plan.skipped.append(SkippedInput(location: SourceLocation(path: file.display), kind: .notAResult, reason: reason))
      case .htmlPage?:
        // Searched in chunks: a huge page that is not a report is never held whole.
        if LocustFileDetector.isLocustReport(path: file.path) {
          locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: .html))
        } else {
          plan.skipped.append(
            SkippedInput(location: SourceLocation(path: file.display), kind: .notAResult, reason: "HTML page that is not a Locust report"))
        }
      case nil:
        // Given to this reader only when `isLocustJSONBeyondHead` said so.
        locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: .json))
      }
    }
    let prefixes = Set(locust.map { LocustRunSet.prefix(of: $0.display) })
    for file in emptyArrays {
      if prefixes.contains(LocustRunSet.prefix(of: file.display)) {
        locust.append(LocustRunSet.File(path: file.path, display: file.display, kind: .json))
      } else {
        plan.declined.append(file)
      }
    }
    // Locust sets start before every file: they are the slowest per byte.
    plan.jobs = LocustRunSet.group(locust).map { set in ReadJob(startOrderSize: Int.max) { Self.read(set) } }
    return plan
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
    FreedMemory.release()  // the history's rows, freed in small blocks
    return result
  }
}
