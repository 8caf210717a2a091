/// A chart of a report with the file stem it is written under
/// (`<sweep-slug>-throughput` → `charts/<sweep-slug>-throughput.png` and `.svg`).
public struct NamedChart: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case throughput, efficiency, latency, ttft, tpot, perStream = "per-stream", tradeoff
    case ttftDistribution = "ttft-cdf", latencyDistribution = "e2el-cdf", itlHistogram = "itl-histogram"
    /// Locust time series: users, requests/s and failures/s over time; response time over time.
    case timelineLoad = "timeline-load", timelineResponseTime = "timeline-response-time"
    /// Base against new (`benchreport compare`, `analyze --baseline`).
    case compareThroughput = "compare-throughput", compareTTFT = "compare-ttft", compareLatency = "compare-e2el"
    case compareTradeoff = "compare-tradeoff"
    /// One metric of a sweep over its recorded analyses (`analyze --history`, `benchreport trend`).
    case trend
  }

  public var fileStem: String
  public var kind: Kind
  public var spec: ChartSpec
  /// The slug of the sweep the chart belongs to; nil for charts of the whole report.
  public var sweep: String?

  public init(fileStem: String, kind: Kind, spec: ChartSpec, sweep: String? = nil) {
    self.fileStem = fileStem
    self.kind = kind
    self.spec = spec
    self.sweep = sweep
  }
}
