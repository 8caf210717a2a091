import BenchModel

/// Everything read from a set of input files: the runs, and what was left out and why.
public struct IngestResult: Sendable {
  public var runs: [Run]
  public var skipped: [SkippedInput]
  /// Number of files looked at (read or skipped).
  public var filesExamined: Int
  /// How long each file took to read, for `--timings`.
  public var timings: [FileIngestTiming] = []
  /// GPU and server metrics read beside the results (not runs: joined to them by time).
  public var metrics = MetricsTimeline()

  public init(runs: [Run] = [], skipped: [SkippedInput] = [], filesExamined: Int = 0) {
    self.runs = runs
    self.skipped = skipped
    self.filesExamined = filesExamined
  }

  mutating func merge(_ other: IngestResult) {
    runs += other.runs
    skipped += other.skipped
    filesExamined += other.filesExamined
    timings += other.timings
    metrics.merge(other.metrics)
  }
}
