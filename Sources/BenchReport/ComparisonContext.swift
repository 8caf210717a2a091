/// The view model of the comparison templates (compare.md, compare.html, compare-pr.md, and
/// the 较上周 / week-over-week section of the weekly report): pre-formatted strings, flags and
/// rows, so templates stay logic-less and the same in every language.
public struct ComparisonContext: Sendable {
  /// Labels and phrases of the chosen language (`{{s.compare_title}}`).
  public var s: [String: String]
  public var language: String
  public var title: String
  public var subtitle: String
  /// What BASE and NEW are (folders or files, as given).
  public var baseName: String
  public var newName: String
  /// "Compared with BASE." for the week-over-week section.
  public var intro: String
  /// "✅ No regression rule fired" / "❌ 2 regression rules fired" / the verdict without rules.
  public var verdict: String
  public var failed: Bool
  /// The verdict's badge class: `fail` (a rule fired), `warn` (no rule fired but something got
  /// worse beyond noise), `pass` (rules given, nothing worse), `info` (no rules).
  public var verdictClass: String
  public var hasRules: Bool
  /// The `--fail-on` rules as given.
  public var rulesText: String
  public var violations: [ViolationRow]
  public var hasViolations: Bool
  /// The largest changes beyond noise of all sweeps, regressions first.
  public var highlights: [ChangeRow]
  public var hasHighlights: Bool
  /// "3 regressions, 5 improvements, 41 changes within noise over 2 sweeps".
  public var tally: String
  public var sweeps: [ComparedSweepSection]
  public var hasSweeps: Bool
  public var onlyInBase: [UnpairedRow]
  public var hasOnlyInBase: Bool
  public var onlyInNew: [UnpairedRow]
  public var hasOnlyInNew: Bool
  /// How noise was judged: the bootstrap, the thresholds.
  public var methodNote: String
  /// Files skipped on either side.
  public var skipped: [SkippedRow]
  public var hasSkipped: Bool
}

/// One paired sweep of the comparison.
public struct ComparedSweepSection: Sendable {
  public var number: Int
  public var title: String
  public var slug: String
  public var variableLabel: String
  /// "metadata framework: vllm → sgl" — what differs between the two sides' identities.
  public var differences: String
  public var hasDifferences: Bool
  public var decisionRows: [DecisionRow]
  /// One row per level measured on both sides, key metrics as "base → new (change)" cells.
  public var levelRows: [ComparedLevelRow]
  /// Column titles of `levelRows`' cells.
  public var columns: [String]
  /// Every change beyond noise of this sweep, regressions first.
  public var changeRows: [ChangeRow]
  public var hasChangeRows: Bool
  /// Every metric of every level, for the HTML report's folded detail.
  public var levelDetails: [ComparedLevelDetail]
  /// "Only in BASE: 512; only in NEW: 1024" or empty.
  public var levelCoverage: String
  public var hasLevelCoverage: Bool
  /// "2 regressions, 3 improvements".
  public var tally: String
  public var regressions: Int
  public var hasRegressions: Bool
  public var charts: [ChartLink]
  public var hasCharts: Bool
}

/// A sweep decision side by side: knee, max stable, recommended, peak throughput.
public struct DecisionRow: Sendable {
  public var name: String
  public var base: String
  public var new: String
  public var change: String
  /// ✅, ❌ or ≈.
  public var mark: String
  public var assessment: String
}

/// A level of the wide table: the level and one cell per key metric.
public struct ComparedLevelRow: Sendable {
  public var level: String
  public var cells: [ComparedCell]
  /// True when some cell of the row is a regression.
  public var hasRegression: Bool
}

/// "1,234 → 1,300 (+5.3%) ✅".
public struct ComparedCell: Sendable {
  public var base: String
  public var new: String
  public var change: String
  public var mark: String
  /// `better`, `worse`, `unchanged` or `missing` (a CSS class for HTML).
  public var assessment: String
  /// The whole cell for Markdown.
  public var text: String
}

/// One metric at one level, with the evidence for the verdict.
public struct ChangeRow: Sendable {
  public var sweep: String
  public var level: String
  public var metric: String
  public var base: String
  public var new: String
  /// "+12.3%" (or "+0.8 pt" for the success rate).
  public var change: String
  /// "+5.1 ms".
  public var absolute: String
  public var mark: String
  public var assessment: String
  /// "95% CI +3.1 … +8.2 ms (bootstrap, 100 vs 100 requests); Mann–Whitney p = 0.003" or
  /// "threshold ±5%".
  public var evidence: String
}

/// Every metric of one level (HTML detail).
public struct ComparedLevelDetail: Sendable {
  public var level: String
  public var rows: [ChangeRow]
  public var summary: String
}

/// A fired `--fail-on` rule.
public struct ViolationRow: Sendable {
  public var rule: String
  public var sweep: String
  public var level: String
  /// "ttft_p99 412.0 → 498.3 ms (+21%), beyond noise (95% CI …)".
  public var detail: String
}

/// A sweep found on one side only, and why it was not paired.
public struct UnpairedRow: Sendable {
  public var title: String
  public var levels: String
  public var reason: String
}
