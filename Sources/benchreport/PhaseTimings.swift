import BenchIngest
import Foundation

/// `--timings`: wall time of each phase of `analyze` and each input format's read throughput,
/// printed to stderr as `timings: <what> key=value …` lines (scripts/bench.py reads them).
struct PhaseTimings {
  let enabled: Bool
  private let started = MonotonicClock.seconds()
  private var phaseStarted = MonotonicClock.seconds()
  private var lines: [String] = []

  init(enabled: Bool) {
    self.enabled = enabled
  }

  /// Ends the current phase, named `name`.
  mutating func lap(_ name: String, bytes: Int? = nil) {
    guard enabled else { return }
    let now = MonotonicClock.seconds()
    let seconds = now - phaseStarted
    var line = "timings: phase name=\(name) seconds=\(Self.format(seconds))"
    if let bytes, seconds > 0 { line += " bytes=\(bytes) mb_per_s=\(Self.format(Double(bytes) / 1e6 / seconds, digits: 1))" }
    lines.append(line)
    phaseStarted = now
  }

  /// Per format: files, bytes, Σ per-file seconds (each file is read on one core) and MB/s.
  mutating func ingest(_ timings: [FileIngestTiming]) {
    guard enabled else { return }
    let formats = Dictionary(grouping: timings, by: \.format)
    for format in formats.keys.sorted() {
      let files = formats[format]!
      let bytes = files.reduce(0) { $0 + $1.bytes }
      let seconds = files.reduce(0) { $0 + $1.seconds }
      let rate = seconds > 0 ? Self.format(Double(bytes) / 1e6 / seconds, digits: 1) : "-"
      lines.append("timings: ingest format=\(format) files=\(files.count) bytes=\(bytes) seconds=\(Self.format(seconds)) mb_per_s=\(rate)")
    }
  }

  func print() {
    guard enabled else { return }
    let total = "timings: total seconds=\(Self.format(MonotonicClock.seconds() - started))"
    FileHandle.standardError.write(Data((lines + [total]).map { $0 + "\n" }.joined().utf8))
  }

  static func format(_ value: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}
