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
        subtitle: "\(SweepDescription.title(of: sweep.commonIdentity)) · BASE \(input.baseName) · NEW \(input.newName)"
      ).charts(slug: slugs[index])
    }
  }
}
