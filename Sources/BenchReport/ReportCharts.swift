import BenchAnalysis
import BenchCharts
import BenchModel

/// The charts of a report, described in the report's language: the standard set per sweep
/// and the latency–throughput trade-off of all sweeps.
public enum ReportCharts {
  public static func build(_ input: ReportInput, strings: StringsCatalogue) -> [NamedChart] {
    let labels = ChartLabels { [strings] key in strings[key] }
    let slugs = input.sweepSlugs
    var charts: [NamedChart] = []
    for (index, analysis) in input.analyses.enumerated() {
      let builder = SweepChartBuilder(
        analysis: analysis, labels: labels, subtitle: subtitle(for: analysis, environment: input.environment), colorIndex: index)
      charts += builder.charts(slug: slugs[index])
      // Time series of the whole runs (per-task sweeps share them), each run set once.
      guard analysis.sweep.identity.task == nil else { continue }
      var seen: Set<String> = []
      for level in analysis.sweep.levels {
        for run in level.runs {
          guard let timeline = run.timeline, seen.insert(timeline.id).inserted else { continue }
          let stem = slugs[index] + "-" + SweepDescription.slug(LocustPrefix.name(of: timeline.source))
          var subtitleText = subtitle(for: analysis, environment: input.environment)
          subtitleText += " · " + LocustPrefix.name(of: timeline.source)
          charts += LoadTimelineChartBuilder(timeline: timeline, labels: labels, subtitle: subtitleText, colorIndex: index)
            .charts(stem: stem, sweep: slugs[index])
        }
      }
    }
    let names = input.analyses.map { SweepDescription.title(of: $0.sweep.identity) }
    let models = Set(input.analyses.compactMap(\.sweep.identity.model))
    let tradeoffSubtitle = [models.count == 1 ? models.first : nil, input.environment.gpu].compactMap { $0 }.joined(separator: " · ")
    if let tradeoff = TradeoffChartBuilder(
      analyses: input.analyses, names: names, labels: labels, subtitle: tradeoffSubtitle.isEmpty ? nil : tradeoffSubtitle
    ).chart(fileStem: "all-sweeps-tradeoff") {
      charts.append(tradeoff)
    }
    return charts
  }

  /// "model · backend · hardware · date" under each chart title.
  static func subtitle(for analysis: SweepAnalysis, environment: EnvironmentFacts) -> String {
    var parts = [SweepDescription.title(of: analysis.sweep.identity)]
    if let gpu = environment.gpu { parts.append(gpu) }
    if let date = analysis.sweep.runs.compactMap(\.date).min(), date.count >= 8 {
      let digits = Array(date)
      parts.append("\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))")
    }
    return parts.joined(separator: " · ")
  }
}

/// A chart of the report as the templates show it: files written next to the report, and the
/// SVG markup to inline into the self-contained HTML report.
public struct ChartLink: Sendable {
  public var title: String
  /// Relative paths from the report; nil when that format was not written.
  public var png: String?
  public var svg: String?
  /// The image to show inline: the PNG (GitHub renders it everywhere), else the SVG.
  public var image: String
  /// Where a link to the chart points: `image`, prefixed with `--link-base` when one is given
  /// (a PR comment cannot resolve paths relative to the report).
  public var url: String
  /// The sweep slug, or nil for report-wide charts.
  public var sweep: String?
  /// Whether the chart shows latency (placed after the results table) rather than
  /// throughput and efficiency (placed in the analysis).
  public var isLatency: Bool
  /// Whether the chart shows one run over time (placed in its own subsection).
  public var isTimeline: Bool
  /// Whether the chart overlays BASE and NEW (`compare`, `analyze --baseline`): such charts
  /// belong to the comparison, not to the sweep section of the same slug.
  public var isComparison: Bool
  /// The chart's `<svg>` element with ids prefixed so charts on one page do not share glyph ids
  /// (from `SVGPostProcessor.inlineElement`); empty when not rendered for HTML.
  public var svgMarkup: String
  public var hasSVGMarkup: Bool

  public init(chart: NamedChart, png: String?, svg: String?, svgMarkup: String? = nil) {
    self.init(
      title: chart.spec.title, png: png, svg: svg, sweep: chart.sweep,
      isLatency: [.latency, .ttft, .tpot, .ttftDistribution, .latencyDistribution, .itlHistogram].contains(chart.kind),
      isTimeline: [.timelineLoad, .timelineResponseTime].contains(chart.kind),
      isComparison: [.compareThroughput, .compareTTFT, .compareLatency, .compareTradeoff].contains(chart.kind),
      svgMarkup: svgMarkup)
  }

  public init(
    title: String, png: String?, svg: String?, sweep: String?, isLatency: Bool, isTimeline: Bool = false,
    isComparison: Bool = false, svgMarkup: String? = nil
  ) {
    self.isComparison = isComparison
    self.title = title
    self.png = png
    self.svg = svg
    self.image = png ?? svg ?? ""
    self.url = image
    self.sweep = sweep
    self.isLatency = isLatency
    self.isTimeline = isTimeline
    self.svgMarkup = svgMarkup ?? ""
    self.hasSVGMarkup = !(svgMarkup ?? "").isEmpty
  }
}
