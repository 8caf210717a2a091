/// Summary statistics of one latency metric of one run, in **milliseconds**.
///
/// Every field is optional because the tools write different subsets (trimmed files,
/// `--percentile-metrics` selections, SGLang's fixed set); "unknown" stays `nil` and is
/// rendered as "—", never as 0.
public struct LatencySummary: Sendable, Equatable, Hashable {
  /// Where the numbers came from.
  public enum Origin: String, Sendable, Codable, Hashable {
    /// Copied from the summary keys the tool wrote.
    case reported
    /// Recomputed by benchreport from the per-request samples in the file.
    case recomputed
  }

  public var mean: Double?
  public var median: Double?
  /// Population standard deviation (numpy's default `ddof=0`, as vLLM computes it).
  public var standardDeviation: Double?
  /// Percentile (0–100, e.g. 99.9) → value in ms.
  public var percentiles: [Double: Double]
  public var origin: Origin

  public init(
    mean: Double? = nil, median: Double? = nil, standardDeviation: Double? = nil,
    percentiles: [Double: Double] = [:], origin: Origin = .reported
  ) {
    self.mean = mean
    self.median = median
    self.standardDeviation = standardDeviation
    self.percentiles = percentiles
    self.origin = origin
  }

  /// The value at percentile `p`; the median answers for p50 when no `p50` key exists.
  public func percentile(_ p: Double) -> Double? {
    if let value = percentiles[p] { return value }
    if p == 50 { return median }
    return nil
  }

  /// Every value multiplied by `factor` (seconds → ms: statistics taken in the file's unit,
  /// then converted, as the tools convert theirs).
  public func scaled(by factor: Double) -> LatencySummary {
    LatencySummary(
      mean: mean.map { $0 * factor }, median: median.map { $0 * factor },
      standardDeviation: standardDeviation.map { $0 * factor },
      percentiles: percentiles.mapValues { $0 * factor }, origin: origin)
  }

  /// True when the summary holds no number at all.
  public var isEmpty: Bool {
    mean == nil && median == nil && standardDeviation == nil && percentiles.isEmpty
  }
}
