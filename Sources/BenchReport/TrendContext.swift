/// The trends section as the templates see it (`{{#trends}}`): per sweep a table of its last
/// entries and what changed for good.
public struct TrendContext: Sendable {
  public var intro: String
  public var sweeps: [TrendSweepContext]
  public var hasSweeps: Bool
  /// How change points are found, with the settings.
  public var methodNote: String
}

public struct TrendSweepContext: Sendable {
  public var title: String
  public var slug: String
  /// "Per-level metrics at 32 users".
  public var referenceText: String
  public var columns: [String]
  /// The Markdown table's alignment row for `columns` (`|---|---|---:|…`).
  public var alignmentRow: String
  public var rows: [TrendRow]
  /// One sentence per change point and per one-week outlier.
  public var changes: [String]
  public var hasChanges: Bool
  /// "No sustained shift in the last 5 entries."
  public var noChangeText: String
  public var charts: [ChartLink]
  public var hasCharts: Bool
}

public struct TrendRow: Sendable {
  public var label: String
  public var date: String
  public var cells: [String]
  /// The entry this report is about (highlighted).
  public var current: Bool
}
