import BenchModel
import Foundation

/// `nvidia-smi --query-gpu=… --format=csv[,noheader][,nounits] -l N` logs
/// (`formats/gpu-and-server-metrics.md` §1): recognised by a header naming nvidia-smi query
/// fields (`utilization.gpu`, `memory.used`, `power.draw`, …), in any order and subset, with or
/// without ` [unit]` suffixes; values with or without units, `[N/A]` and other `[…]` cells as
/// missing; one series per GPU (`uuid`, else a wrapper's `gpu` column, else `index`, else
/// `pci.bus_id`). Timestamps: nvidia-smi's local `YYYY/MM/DD HH:MM:SS.mmm` (the zone is the
/// analysis' `--timezone`), ISO 8601 with a zone, or Unix seconds. The samples are model data
/// (`MetricsTimeline`), never runs.
struct NvidiaSMIReader: ResultReader {
  func confidence(for file: SniffedFile) -> ReadConfidence {
    guard let head = file.head else { return .none }
    return head.withUnsafeBufferPointer { Columns(headerOf: $0) } != nil ? .certain : .none
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    ReadPlan.perFile(files) { Self.read(path: $0.path, display: $0.display) }
  }

  static func read(path: String, display: String) -> IngestResult {
    let started = MonotonicClock.seconds()
    let startedCPU = MonotonicClock.threadCPUSeconds()
    var result = IngestResult(filesExamined: 1)
    guard let mapped = MappedFile(path: path) else {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: display), kind: .unreadable, reason: "GPU log cannot be read (permission denied?)"))
      return result
    }
    let read = parse(mapped.bytes, display: display)
    if mapped.changedSinceMapped {
      result.skipped.append(InputScanner.changedWhileRead(display))
    } else if let reason = read.unusable {
      result.skipped.append(SkippedInput(location: SourceLocation(path: display), kind: .notAResult, reason: reason))
    } else {
      result.metrics.gpus = read.series
      result.metrics.notes = read.notes
    }
    result.timings.append(
      FileIngestTiming(
        format: "nvidia-smi", bytes: mapped.bytes.count, seconds: MonotonicClock.seconds() - started,
        cpuSeconds: MonotonicClock.threadCPUSeconds() - startedCPU))
    return result
  }

  /// The series of one log, the notes about lines left out, or why none of it is usable.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, display: String) -> (series: [GPUSeries], notes: [String], unusable: String?) {
    guard let columns = Columns(headerOf: bytes) else { return ([], [], "not an nvidia-smi --query-gpu CSV log") }
    guard let timeColumn = columns.timestamp else {
      return ([], [], "nvidia-smi GPU log without a `timestamp` column: it cannot be joined to the load levels (add `timestamp` to --query-gpu)")
    }
    var series: [GPUSeries] = []
    var seriesIndex: [String: Int] = [:]
    var unreadRows = 0
    var firstUnreadLine: Int?
    var lineNumber = 0
    var cells = [UnsafeBufferPointer<UInt8>](repeating: UnsafeBufferPointer(start: nil, count: 0), count: columns.count)
    MetricsText.forEachLine(bytes) { line in
      lineNumber += 1
      if lineNumber == columns.headerLine || line.allSatisfy(MetricsText.isBlank) { return true }
      // Split on commas (nvidia-smi never quotes; values have no commas).
      var cellCount = 0
      var start = 0
      for index in 0..<line.count where line[index] == UInt8(ascii: ",") {
        if cellCount < cells.count { cells[cellCount] = UnsafeBufferPointer(rebasing: line[start..<index]) }
        cellCount += 1
        start = index + 1
      }
      if cellCount < cells.count { cells[cellCount] = UnsafeBufferPointer(rebasing: line[start..<line.count]) }
      cellCount += 1
      guard cellCount == columns.count, let time = MetricsText.timestamp(cells[timeColumn]) else {
        unreadRows += 1
        if firstUnreadLine == nil { firstUnreadLine = lineNumber }
        return true
      }
      let id = columns.identity.map { String(decoding: MetricsText.trimmed(cells[$0]), as: UTF8.self) } ?? "0"
      let index: Int
      if let known = seriesIndex[id] {
        index = known
      } else {
        index = series.count
        seriesIndex[id] = index
        var gpu = GPUSeries(id: id, source: display, clock: time.clock)
        gpu.name = columns.name.map { String(decoding: MetricsText.trimmed(cells[$0]), as: UTF8.self) }
        series.append(gpu)
      }
      func value(_ column: Int?) -> Double { column.flatMap { MetricsText.number(cells[$0]) } ?? .nan }
      series[index].append(
        time: time.seconds, utilization: value(columns.utilization), memoryUsed: value(columns.memoryUsed),
        memoryTotal: value(columns.memoryTotal), power: value(columns.power))
      return true
    }
    var notes: [String] = []
    if unreadRows > 0, let firstUnreadLine {
      notes.append(
        "\(display): \(unreadRows) line\(unreadRows == 1 ? "" : "s") not read as GPU samples (first: line \(firstUnreadLine); a truncated or repeated line)")
    }
    if series.isEmpty { return ([], notes, "nvidia-smi GPU log with a header but no samples") }
    return (series, notes, nil)
  }

  /// Where each quantity is in a log's rows, from its header line.
  struct Columns {
    var count = 0
    /// 1-based line number of the header (a wrapper may write a comment line first).
    var headerLine = 1
    var timestamp: Int?
    var identity: Int?
    var name: Int?
    var utilization: Int?
    var memoryUsed: Int?
    var memoryTotal: Int?
    var power: Int?

    /// nvidia-smi query fields that mark a GPU log; a header must name at least one of them.
    static let measured: Set<String> = [
      "utilization.gpu", "memory.used", "memory.total", "power.draw", "power.draw.average", "power.draw.instant",
    ]

    /// Reads the first non-empty, non-`#` line as the header; nil when it names no nvidia-smi
    /// measurement (or is not a comma-separated list of field names).
    init?(headerOf bytes: UnsafeBufferPointer<UInt8>) {
      var header: UnsafeBufferPointer<UInt8>?
      var lineNumber = 0
      MetricsText.forEachLine(UnsafeBufferPointer(rebasing: bytes.prefix(16 * 1024))) { line in
        lineNumber += 1
        let trimmed = MetricsText.trimmed(line)
        if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { return lineNumber < 5 }
        header = trimmed
        return false
      }
      guard let header, header.count < 4096, !header.contains(0) else { return nil }
      let names = String(decoding: header, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(Self.fieldName)
      guard names.count >= 2, names.contains(where: Self.measured.contains) else { return nil }
      headerLine = lineNumber
      count = names.count
      var identities: [String: Int] = [:]
      for (index, field) in names.enumerated() {
        switch field {
        case "timestamp": timestamp = timestamp ?? index
        case "uuid", "gpu_uuid", "gpu", "index", "pci.bus_id": identities[field] = identities[field] ?? index
        case "name", "gpu_name": name = name ?? index
        case "utilization.gpu": utilization = index
        case "memory.used": memoryUsed = index
        case "memory.total": memoryTotal = index
        case "power.draw": power = index
        case "power.draw.average", "power.draw.instant": power = power ?? index
        default: break
        }
      }
      identity = identities["uuid"] ?? identities["gpu_uuid"] ?? identities["gpu"] ?? identities["index"] ?? identities["pci.bus_id"]
    }

    /// `utilization.gpu [%]` → `utilization.gpu`; `power.draw[W]` → `power.draw`.
    static func fieldName(_ cell: Substring) -> String {
      var name = cell.trimmingCharacters(in: .whitespaces).lowercased()
      if let bracket = name.firstIndex(of: "["), name.hasSuffix("]") {
        name = String(name[..<bracket]).trimmingCharacters(in: .whitespaces)
      }
      return name
    }
  }
}
