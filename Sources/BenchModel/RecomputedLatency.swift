/// Latency summaries already recomputed from one run's own samples, kept with the run so the
/// analysis of a single-run level can use them instead of sorting the samples again.
///
/// Why: recomputing means sorting every inter-token gap, which was most of `analyze`'s
/// analysis time; done right after a file is read (on the thread that read it, while other
/// files are still being read), it runs on every core and before all files' samples are held
/// at once. Only valid for the `samples` and reported percentiles it was computed from.
public struct RecomputedLatency: Sendable, Equatable {
  /// The extra percentiles (0–100) the summaries include besides the standard ones.
  public var extraPercentiles: Set<Double>
  /// The summaries, in ms, by metric.
  public var summaries: [LatencyMetric: LatencySummary]

  public init(extraPercentiles: Set<Double>, summaries: [LatencyMetric: LatencySummary]) {
    self.extraPercentiles = extraPercentiles
    self.summaries = summaries
  }
}
