import ArgumentParser
import BenchAnalysis
import BenchCharts
import BenchModel
import BenchPipeline
import BenchReport
import Foundation

/// `benchreport compare BASE NEW`: pairs the sweeps of two result sets, judges every change
/// against noise, writes the comparison report, and exits non-zero when a `--fail-on` rule
/// fires (a CI gate).
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two result sets (week over week, before/after a change) and gate CI on regressions.",
    discussion: """
      BASE and NEW are results folders (read recursively), result files, or analysis.json files \
      written by `analyze` (or report folders holding one). Sweeps are paired by model, backend, \
      dataset shape and load variable; levels by value. With per-request samples on both sides, \
      latency changes are judged by a bootstrap interval; otherwise by --threshold. Writes \
      compare.md, compare.html, comparison.json (and compare-pr.md with --format …,pr) into --out.

      Exit codes: 0 no --fail-on rule fired; 1 a rule fired (the output names it); 2 usage \
      error, or no sweep could be paired; 3 no rule fired but some input files could not be read.
      """)

  @Argument(help: "The reference: a results folder, a result file, or an analysis.json.")
  var base: String

  @Argument(help: "The candidate: a results folder, a result file, or an analysis.json.")
  var new: String

  @Option(name: .shortAndLong, help: "Output folder for the comparison.")
  var out: String

  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp(
      "Regression rules, comma-separated; exit 1 when a change beyond noise crosses one.",
      discussion:
        "METRIC:+N% / -N% / ±Npt / ±Nms, e.g. ttft_p99:+10%,output_throughput:-5%,success_rate:-1pt,max_stable:-1%",
      valueName: "RULES"))
  var failOn: String?

  @OptionGroup(title: "Noise")
  var noise: ComparisonOptions

  @OptionGroup(title: "Thresholds (applied to both sides; default: NEW's benchreport.yaml)")
  var thresholds: ThresholdOptions

  @OptionGroup(title: "Language and templates")
  var language: LanguageOptions

  @Option(
    help:
      "Outputs to write, comma-separated: md (compare.md), html (compare.html), json (comparison.json), pr (compare-pr.md)."
  )
  var format: String = "md,html,json"

  @Option(name: .customLong("link-base"), help: "URL prefix for chart links in compare-pr.md.")
  var linkBase: String?

  @Option(help: "Chart files to write into charts/: png, svg, both (png,svg) or none.")
  var charts: String = "png,svg"

  @Flag(help: "Allow --out to be an input folder or inside one.")
  var force = false

  @Flag(name: .shortAndLong, help: "Print only errors and fired rules.")
  var quiet = false

  func validate() throws {
    try OutputSelection.validateOutputFolder(out)
    let output = OutputSelection(format: format, charts: charts)
    try output.validate()
    if let failOn {
      do {
        _ = try RegressionRule.parseList(failOn)
      } catch {
        throw ValidationError("--fail-on: \(error)")
      }
    }
  }

  func run() throws {
    MemoryPolicy.apply()
    let outputFolder = URL(fileURLWithPath: out).standardizedFileURL.path
    try OutputSelection.refuseOutputInside(inputs: [base, new], out: out, force: force)
    let output = OutputSelection(format: format, charts: charts)
    var settings = try noise.settings()
    settings.rules = try failOn.map { try RegressionRule.parseList($0) } ?? []
    let analysisSettings = try thresholds.load(inputs: [new]).settings
    let pipeline = AnalysisPipeline(settings: analysisSettings, excludedPaths: [outputFolder])
    let baseSide = try ComparisonSide.validating { try ComparisonSide.load(base, pipeline: pipeline) }
    let newSide = try ComparisonSide.validating { try ComparisonSide.load(new, pipeline: pipeline) }
    let comparison = ComparisonAnalyzer.compare(base: baseSide.snapshots, new: newSide.snapshots, settings: settings)
    let input = ComparisonReportInput(
      comparison: comparison, baseName: base, newName: new, skipped: (baseSide.skipped + newSide.skipped).sorted())

    let (templatesFolder, strings) = try language.load()
    let charts = output.chartFormats.isEmpty ? [] : ComparisonCharts.build(input, strings: strings)
    let renderer = ReportRenderer(strings: strings, templatesDirectory: templatesFolder, linkBase: linkBase)
    let finalInput = input
    // Staged and swapped in as one set (see OutputTransaction).
    let transaction = try OutputTransaction(destination: out)
    let written: [String]
    let leftOut: [SkippedInput]
    do {
      (written, _, leftOut) = try ReportOutput(selection: output, writer: transaction.writer).produce(charts: charts) {
        group, links, leftOut in
        var input = finalInput
        input.charts = links
        if !leftOut.isEmpty { input.skipped = (input.skipped + leftOut).sorted() }
        return group.map { format in
          Result { () throws(ReportError) in (format.comparisonFileName, try renderer.renderComparison(format, input)) }
        }
      }
      try transaction.commit()
    } catch {
      transaction.abort()
      throw error
    }
    for note in leftOut { FileHandle.standardError.write(Data("benchreport: \(note.location): \(note.reason)\n".utf8)) }
    let summary = ComparisonSummary(comparison: comparison, base: baseSide, new: newSide, written: written)
    if !quiet {
      print(summary.text, terminator: "")
    } else if comparison.failed {
      print(summary.violationLines.joined(separator: "\n"))
    }
    if comparison.sweeps.isEmpty {
      FileHandle.standardError.write(
        Data("benchreport: no sweep of \(base) could be paired with one of \(new); see \(out) for why\n".utf8))
      throw ExitCode(2)
    }
    if comparison.failed { throw ExitCode(1) }
    if (baseSide.skipped + newSide.skipped).contains(where: { $0.kind == .unreadable }) { throw ExitCode(3) }
  }
}
