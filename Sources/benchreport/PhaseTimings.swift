import BenchIngest
import Foundation

/// `--timings`: wall time of each phase of `analyze` and each input format's read throughput,
/// printed to stderr as `timings: <what> key=value …` lines (scripts/bench.py reads them).
struct PhaseTimings {
  let enabled: Bool
  private let started = MonotonicClock.seconds()
  private var phaseStarted = MonotonicClock.seconds()
  private var phaseStartedCPU = MonotonicClock.processCPUSeconds()
  private var lines: [String] = []

  init(enabled: Bool) {
    self.enabled = enabled
  }

  /// Ends the current phase, named `name`.
  mutating func lap(_ name: String, bytes: Int? = nil) {
    guard enabled else { return }
    let now = MonotonicClock.seconds()
    let nowCPU = MonotonicClock.processCPUSeconds()
    let seconds = now - phaseStarted
    var line = "timings: phase name=\(name) seconds=\(Self.format(seconds)) cpu_seconds=\(Self.format(nowCPU - phaseStartedCPU))"
    if let bytes, seconds > 0 { line += " bytes=\(bytes) mb_per_s=\(Self.format(Double(bytes) / 1e6 / seconds, digits: 1))" }
    lines.append(line)
    phaseStarted = now
    phaseStartedCPU = nowCPU
  }

  /// Per format: files, bytes, Σ per-file wall and CPU seconds (each file is read on one
  /// thread) and MB/s per CPU second, i.e. one core's throughput (wall time would count the
  /// time other processes had the core).
  mutating func ingest(_ timings: [FileIngestTiming]) {
    guard enabled else { return }
    let formats = Dictionary(grouping: timings, by: \.format)
    for format in formats.keys.sorted() {
      let files = formats[format]!
      let bytes = files.reduce(0) { $0 + $1.bytes }
      let seconds = files.reduce(0) { $0 + $1.seconds }
      let cpuSeconds = files.reduce(0) { $0 + $1.cpuSeconds }
      let rate = cpuSeconds > 0 ? Self.format(Double(bytes) / 1e6 / cpuSeconds, digits: 1) : "-"
      lines.append(
        "timings: ingest format=\(format) files=\(files.count) bytes=\(bytes) seconds=\(Self.format(seconds)) cpu_seconds=\(Self.format(cpuSeconds)) mb_per_s=\(rate)")
    }
  }

  func print() {
    guard enabled else { return }
    let total = "timings: total seconds=\(Self.format(MonotonicClock.seconds() - started))"
    FileHandle.standardError.write(Data((lines + [total]).map { $0 + "\n" }.joined().utf8))
  }

  static func format(_ value: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}
