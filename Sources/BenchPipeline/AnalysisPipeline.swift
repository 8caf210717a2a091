import BenchAnalysis
import BenchIngest
import BenchModel

/// The stages `analyze` and `compare` share, as typed values handed from one to the next (like
/// swift-openapi-generator's `GeneratorPipeline`):
///
/// ```
/// inputs ──read & summarise──▶ ReadRuns ──group──▶ GroupedSweeps ──analyse──▶ AnalysedSweeps
///        ──report input──▶ ReportInput ──chart specs──▶ [NamedChart] ──release samples──▶ render
/// ```
///
/// Each stage is one method, so a command (or a test) can time, inspect or stop between them.
/// The readers and the analysis know nothing of each other: this type is where they meet.
public struct AnalysisPipeline: Sendable {
  /// Thresholds every sweep is judged by.
  public var settings: AnalysisSettings
  /// Absolute paths never read (the output folder, when it lies inside the input).
  public var excludedPaths: [String]

  public init(settings: AnalysisSettings, excludedPaths: [String] = []) {
    self.settings = settings
    self.excludedPaths = excludedPaths
  }

  /// Stage 1, read and summarise: every file below `inputs` is given to its reader
  /// (`ReaderRegistry`), and each run's latency summaries are recomputed from its samples on
  /// the thread that read it, while other files are still being read (`RecomputedLatency`).
  public func read(_ inputs: [String]) -> ReadRuns {
    let result = InputScanner(excludedPaths: excludedPaths).plan(inputs).read { result in
      for index in result.runs.indices { LevelAggregator.recomputeLatencyAhead(of: &result.runs[index]) }
    }
    MemoryPolicy.releaseFreedMemory()
    return ReadRuns(result: result)
  }

  /// Stage 2: runs into sweeps (same model, client and dataset; one load variable).
  public func group(_ read: ReadRuns) -> GroupedSweeps {
    GroupedSweeps(read: read, grouping: SweepGrouper.group(read.result.runs))
  }

  /// Stage 3: every sweep analysed — levels, verdicts, knee, max stable, findings.
  ///
  /// - Parameter countingFailedAttempts: whether files skipped beside a sweep's runs whose
  ///   names carry a level it has no run for count as failed attempts at that level
  ///   (`FailedAttempts`); `analyze` counts them, `compare` has not so far.
  public func analyse(_ grouped: GroupedSweeps, countingFailedAttempts: Bool = true) -> AnalysedSweeps {
    let skipped = grouped.read.result.skipped
    let analyses = grouped.grouping.sweeps.map { sweep in
      SweepAnalyzer.analyze(
        sweep, settings: settings,
        failedAttempts: countingFailedAttempts ? FailedAttempts.levels(for: sweep, skipped: skipped) : [:],
        metrics: grouped.read.result.metrics)
    }
    return AnalysedSweeps(
      analyses: analyses, skipped: (skipped + grouped.grouping.unplaced).sorted(),
      filesExamined: grouped.read.result.filesExamined)
  }

  /// Stages 1–3 at once.
  public func analyse(_ inputs: [String], countingFailedAttempts: Bool = true) -> AnalysedSweeps {
    analyse(group(read(inputs)), countingFailedAttempts: countingFailedAttempts)
  }
}

/// What stage 1 read: the runs (their latency already summarised), what was skipped and why,
/// and how long each reader took.
public struct ReadRuns: Sendable {
  public var result: IngestResult

  /// Bytes of every file read.
  public var bytes: Int { result.timings.reduce(0) { $0 + $1.bytes } }
  public var timings: [FileIngestTiming] { result.timings }
}

/// Stage 2's sweeps, with the runs no sweep could take.
public struct GroupedSweeps: Sendable {
  public var read: ReadRuns
  public var grouping: SweepGrouper.Output
}

/// Stage 3's analyses, with every input left out (skipped files and unplaced runs, sorted).
public struct AnalysedSweeps: Sendable {
  public var analyses: [SweepAnalysis]
  public var skipped: [SkippedInput]
  public var filesExamined: Int
}
