/// A mark on the chart that is not data: where the knee is, which range is recommended,
/// where the SLO lies, which levels failed. Labels are placed by the layout so they
/// avoid the data, the legend and each other.
public enum Annotation: Sendable, Hashable {
  /// A solid vertical line across the plot at `x` with a label near its top
  /// (e.g. "knee: 32", "max stable: 64").
  case verticalMarker(x: Double, label: String)
  /// A shaded vertical band from `from` to `to` on the x axis with a label
  /// (e.g. "recommended 22–25").
  case xBand(from: Double, to: Double, label: String)
  /// A dashed horizontal line at `y` on the given axis with a label at its right end
  /// (e.g. "SLO: p99 TTFT ≤ 2,000 ms").
  case threshold(y: Double, label: String, axis: YAxisSide)
  /// A text label next to one data point (e.g. the concurrency of each point on a
  /// latency-vs-throughput curve). Dropped if it cannot be placed without overlap.
  case pointLabel(x: Double, y: Double, text: String, axis: YAxisSide)
  /// A red ✕ marking a load level that failed. With y nil it sits on the x axis,
  /// because a failed level has no measured value. The label is optional and is
  /// dropped if it would overlap something.
  case failedLevel(x: Double, y: Double?, label: String?)
}
