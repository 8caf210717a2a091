/// One service target of a sweep and how the sweep did against it over every level, ready for a
/// pass/fail line (PR comment, Markdown) or badge (HTML). `TargetRow` is the level-by-level table.
public struct TargetSummaryRow: Sendable {
  /// The target as a condition: `Success rate ≥ 95%`, `TTFT P99 ≤ 1,000 ms`, `SLO e2el_p99=10s`.
  public var name: String
  /// Met: a limit at every level that has the value, a throughput goal at some level.
  public var isMet: Bool
  /// Missed: a limit broken at some level, or a goal reached at none.
  public var isFailed: Bool
  /// No level has the value.
  public var isUnchecked: Bool
  /// `pass`, `fail` or `unchecked`: a CSS class for HTML templates.
  public var state: String
  /// ✅, ❌ or ⚪ for Markdown lines.
  public var symbol: String
  /// The state in the report's language (`通过` / `pass`).
  public var statusText: String
  /// What was measured: "met at all 9 levels (worst 143.8 ms at 128)", "met up to 32; fails from 64 (1,210 ms)".
  public var detail: String
}
