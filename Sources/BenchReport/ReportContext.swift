/// The view model the report templates render: pre-formatted strings, booleans and rows, so
/// templates stay logic-less and the same in every language (see templates/README.md).
public struct ReportContext: Sendable {
  /// Labels and phrases of the chosen language (`{{s.summary}}`).
  public var s: [String: String]
  public var language: String
  public var title: String
  public var subtitle: String
  public var environment: [KeyValueRow]
  public var sweeps: [SweepSection]
  public var hasSweeps: Bool
  public var skipped: [SkippedRow]
  public var hasSkipped: Bool
  /// Counts for the header: "12 files, 3 sweeps, 2 skipped".
  public var inputSummary: String
  public var environmentNotes: [String]
  public var hasEnvironmentNotes: Bool
  /// Charts about all sweeps together (the latency–throughput trade-off).
  public var charts: [ChartLink]
  public var hasCharts: Bool
  /// Every target check of every sweep was met (false when there are none).
  public var allTargetsMet: Bool
  /// Some target check of some sweep failed.
  public var anyTargetFailed: Bool
  /// The headline status over every sweep, the worst of theirs: `ok`, `warn` or `fail` (see
  /// `SweepSection.status`).
  public var status: String
  public var statusOk: Bool
  public var statusWarn: Bool
  public var statusFail: Bool
  /// The week-over-week comparison (`analyze --baseline`); nil without one.
  public var baseline: ComparisonContext?
  public var hasBaseline: Bool
  /// The trends from the history file (`analyze --history`); nil without one.
  public var trends: TrendContext? = nil
  public var hasTrends: Bool = false
}

/// A label and its value (environment table).
public struct KeyValueRow: Sendable {
  public var key: String
  public var value: String
}

/// A file left out of the analysis and why.
public struct SkippedRow: Sendable {
  public var file: String
  /// What kind of skip, in the report's language (not a result, unreadable, duplicate …).
  public var kind: String
  public var reason: String
}

/// One sweep's part of the report.
public struct SweepSection: Sendable {
  /// 1-based number of the sweep in the report.
  public var number: Int
  /// The section's heading number (the environment is section 1).
  public var sectionNumber: Int
  public var title: String
  /// Slug for anchors and chart file names (`llama-3-1-8b-instruct-openai-concurrency`).
  public var slug: String
  public var variableLabel: String
  public var levelsText: String
  public var toolText: String
  public var command: String
  public var summaryRows: [SummaryRow]
  public var findingRows: [FindingRow]
  public var conclusions: [String]
  public var kneeText: String
  public var maxStableText: String
  public var recommendationText: String
  public var hasRecommendation: Bool
  public var notes: [String]
  public var hasNotes: Bool
  public var errors: [ErrorRow]
  public var hasErrors: Bool
  /// The sweep's charts, in the standard order: latency charts (after the results table) and
  /// throughput / efficiency charts (in the analysis).
  public var charts: [ChartLink]
  public var hasCharts: Bool
  public var latencyCharts: [ChartLink]
  public var hasLatencyCharts: Bool
  public var analysisCharts: [ChartLink]
  public var hasAnalysisCharts: Bool

  // Headline numbers (PR comment, HTML overview): "—" when there is none.
  /// The max stable level, e.g. `32` or `8 req/s`.
  public var maxStableValue: String
  public var hasMaxStable: Bool
  /// The recommended production range, e.g. `22–25` or `5.6–6.4 req/s`.
  public var recommendedValue: String
  /// The throughput knee on the primary axis, e.g. `32`.
  public var kneeValue: String
  /// The highest throughput measured, with its unit: `1,543.0 tok/s`.
  public var peakThroughputValue: String
  /// No level broke a stop criterion: the real limit may lie above the tested range.
  public var limitNotReached: Bool
  /// How many levels were tested.
  public var levelCount: String
  /// One pass/fail line per service target (success rate, TTFT limit, each SLO) over all levels.
  public var targetSummaries: [TargetSummaryRow]
  public var hasTargetSummaries: Bool
  /// Every target with data was met and none was missed.
  public var allTargetsMet: Bool
  /// Per-level detail for collapsible sections: every latency statistic, files, errors.
  public var levelDetails: [LevelDetail]
  /// Load-over-time charts of the sweep's Locust runs.
  public var timelineCharts: [ChartLink]
  public var hasTimelineCharts: Bool
  /// True for a sweep over Locust users (response times, not TTFT).
  public var isUsers: Bool
  /// Locust failures by error, most frequent first (each run set once).
  public var failureRows: [FailureRow]
  public var hasFailures: Bool
  public var exceptionRows: [ExceptionRow]
  public var hasExceptions: Bool
  /// The user objectives checked at every level (✅/❌ with the measured value).
  public var targetRows: [TargetRow]
  public var hasTargets: Bool
  /// What the verdicts mean, most severe first (client limits, overload, too little data, the
  /// limit and what to test next).
  public var findings: [FindingText]
  public var hasFindings: Bool
  /// The sweep's headline status at its recommended level: `ok` (a recommendation from a
  /// reached limit, or every level fine), `warn` (no recommendation, or the client limited the
  /// load) or `fail` (no stable level at all).
  public var status: String
  public var statusOk: Bool
  public var statusWarn: Bool
  public var statusFail: Bool
  /// The bottleneck in one sentence (the conclusion's first line).
  public var bottleneck: String
  /// Per-level ratings of TTFT, TPOT, QPS and success rate.
  public var ratingRows: [RatingRow]
  public var hasRatings: Bool
  /// Which statistic and bands the ratings use.
  public var ratingsNote: String
  /// Failed requests by cause and level.
  public var causeRows: [CauseRow]
  public var hasCauses: Bool
  /// The highest load meeting each SLO tier (`slo_tiers:`).
  public var tierRows: [TierRow]
  public var hasTiers: Bool
  /// GPU and server metrics per level (`ResourceTable`), only when some were joined; and how
  /// they were joined (the zone used, logs that overlap no run).
  public var resources: ResourceTable? = nil
  public var hasResources = false
  public var resourceNotes: [String] = []
  public var hasResourceNotes = false
}

/// One rated metric: the word in the report's language, the rating for CSS, an emoji marker.
public struct RatingCell: Sendable {
  public var text: String
  /// `excellent`, `good`, `fair`, `needs-work`, or empty when not rated.
  public var rating: String
  /// 🟢 🔵 🟡 🔴 for Markdown; empty when not rated.
  public var marker: String
}

/// A row of the ratings table.
public struct RatingRow: Sendable {
  public var level: String
  public var ttft: RatingCell
  public var tpot: RatingCell
  public var qps: RatingCell
  public var success: RatingCell
}

/// A row of the failure-causes table.
public struct CauseRow: Sendable {
  public var cause: String
  /// The cause's code (`load-shedding`), for CSS.
  public var code: String
  public var level: String
  public var count: String
  public var example: String
  public var firstSeen: String
  public var lastSeen: String
}

/// A row of the SLO-tier capacity table.
public struct TierRow: Sendable {
  public var tier: String
  public var targets: String
  public var maxLevel: String
  public var detail: String
}

/// A row of the failures table: requests that failed with one error.
public struct FailureRow: Sendable {
  /// The level, or "all steps" for a step-load run's run-wide list.
  public var level: String
  /// The run (its file prefix).
  public var file: String
  /// `POST qwen2`.
  public var request: String
  /// First line of the error text.
  public var error: String
  public var count: String
  public var firstSeen: String
  public var lastSeen: String
}

/// A row of the exceptions table: an uncaught exception in the test script.
public struct ExceptionRow: Sendable {
  public var level: String
  public var file: String
  public var count: String
  public var message: String
  public var location: String
}

/// A row of the target checks: one objective at one level.
public struct TargetRow: Sendable {
  public var level: String
  /// The objective as the user wrote it (`e2el_p99=500ms`).
  public var target: String
  public var measured: String
  /// ✅, ❌ or — when the value is unknown.
  public var verdict: String
}

/// A row of 测试结果汇总 / Results summary.
public struct SummaryRow: Sendable {
  public var level: String
  public var requests: String
  public var completed: String
  public var failed: String
  public var successRate: String
  public var duration: String
  public var qps: String
  public var latencyP50: String
  public var latencyP95: String
  public var latencyP99: String
  public var latencyMean: String
  public var ttftP50: String
  public var ttftP99: String
  public var tpotMean: String
  public var perStream: String
  public var outputThroughput: String
  /// True for the max stable level, to mark it.
  public var isMaxStable: Bool
  /// True for the first level that broke a stop criterion.
  public var isUnstable: Bool
  /// True for levels above the first unstable one (the walk stopped below them).
  public var isBeyondLimit: Bool
  /// True for the throughput knee (primary axis).
  public var isKnee: Bool
  /// `max-stable`, `unstable`, `beyond` or `stable`: a CSS class for HTML templates.
  public var state: String
  /// The level's verdict as a word (`saturated`, `client-limited`, …); empty for `ok`.
  public var verdict: String
  /// `fail` (unstable, overloaded, target breached) or `warn` (saturated, client-limited, too
  /// little data): a badge class for HTML templates.
  public var verdictClass: String
  public var hasVerdict: Bool
}

/// A row of 关键发现 / Key findings.
public struct FindingRow: Sendable {
  public var level: String
  public var qps: String
  public var latencyMean: String
  public var outputThroughput: String
  public var ttft: String
  public var efficiency: String
  public var scalingEfficiency: String
  public var effectiveConcurrency: String
  /// "knee, max stable" — the markers below as words, for Markdown.
  public var marker: String
  public var isKnee: Bool
  public var isMaxStable: Bool
  public var isUnstable: Bool
  /// The level's verdict as a word; empty for `ok`.
  public var verdict: String
  public var verdictClass: String
  public var hasVerdict: Bool
}

/// An error message and its count at a level.
public struct ErrorRow: Sendable {
  public var level: String
  public var count: String
  public var message: String
}
