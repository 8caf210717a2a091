import BenchAnalysis
import BenchCharts
import BenchModel

/// The overlay charts of a comparison, described in the report's language: per paired sweep,
/// throughput, TTFT p99 and E2E p99 against load and the latency–throughput trade-off, BASE
/// dashed and NEW solid.
public enum ComparisonCharts {
  public static func build(_ input: ComparisonReportInput, strings: StringsCatalogue) -> [NamedChart] {
    let labels = ChartLabels { [strings] key in strings[key] }
    let slugs = input.sweepSlugs
    return input.comparison.sweeps.enumerated().flatMap { index, sweep in
      ComparisonChartBuilder(
        comparison: sweep, labels: labels, baseName: strings["compare_col_base"], newName: strings["compare_col_new"],
        subtitle: subtitle(sweep)
      ).charts(slug: slugs[index])
    }
  }

  /// The sweep's shared title and what differs between the sides ("framework vllm → sgl"):
  /// the sides' paths are in the report's header; on the chart they ran off its edge.
  static func subtitle(_ sweep: SweepComparison) -> String {
    let title = SweepDescription.title(of: sweep.commonIdentity)
    let differences = sweep.differences.map { "\($0.field.replacingOccurrences(of: "metadata ", with: "")) \($0.base) → \($0.new)" }
    return ([title] + differences).joined(separator: " · ")
  }
}
