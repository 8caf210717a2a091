import ArgumentParser
import BenchAnalysis
import BenchIngest
import BenchModel
import BenchReport
import Foundation

/// `benchreport analyze`: ingest → analyse → write the report, analysis.json and a summary.
struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Analyse a folder (recursively) or files of benchmark results and write a report.",
    discussion: """
      Reads vLLM benchmark_serving.py / `vllm bench serve` / `vllm bench sweep` JSON and SGLang \
      bench_serving JSONL, detected by content. Writes report.md, report.html (one self-contained \
      file) and analysis.json into --out, and pr-comment.md with --format …,pr. Thresholds come \
      from flags, else from benchreport.yaml in the input folder(s) (or --config), else the \
      defaults shown.
      """)

  @Argument(help: "Result folders (read recursively) or files.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "Output folder for report.md and analysis.json.")
  var out: String

  @OptionGroup(title: "Language and templates")
  var language: LanguageOptions

  @Option(
    help: ArgumentHelp(
      "Your own template instead of a default one; repeat for several formats.",
      discussion: "FILE alone replaces weekly.html when it ends in .html, else weekly.md; md=FILE, html=FILE or pr=FILE say which.",
      valueName: "[FORMAT=]FILE"))
  var template: [String] = []

  @OptionGroup(title: "Thresholds")
  var thresholds: ThresholdOptions

  @Option(
    help: ArgumentHelp(
      "A previous week's results folder or analysis.json: adds the week-over-week section (较上周) and overlay charts.",
      valueName: "PREV"))
  var baseline: String?

  @OptionGroup(title: "Week over week (with --baseline)")
  var noise: ComparisonOptions

  @OptionGroup(title: "History and trends")
  var history: HistoryOptions

  @Option(help: "Outputs to write, comma-separated: md (report.md), html (report.html), json (analysis.json), pr (pr-comment.md).")
  var format: String = "md,html,json"

  @Option(name: .customLong("link-base"), help: "URL prefix for chart links in pr-comment.md, e.g. where CI publishes --out.")
  var linkBase: String?

  @Option(help: "Chart files to write into charts/: png, svg, both (png,svg) or none.")
  var charts: String = "png,svg"

  @Flag(help: "Allow --out to be an input folder or inside one.")
  var force = false

  @Flag(name: .shortAndLong, help: "Print only errors.")
  var quiet = false

  @Flag(help: "Print the time of each phase and each input format's read throughput (MB/s) to stderr.")
  var timings = false

  func validate() throws {
    try output.validate()
    for (format, path) in try templatePaths() where !formats.contains(format) {
      throw ValidationError("--template \(path) is for \(format.rawValue), but --format does not include \(format.rawValue)")
    }
  }

  var output: OutputSelection { OutputSelection(format: format, charts: charts) }
  var formats: Set<ReportFormat> { output.formats }
  var chartFormats: Set<String> { output.chartFormats }

  /// `--template` values by format: `html=FILE`, `md=FILE`, `pr=FILE`, or FILE by its extension.
  func templatePaths() throws -> [ReportFormat: String] {
    var paths: [ReportFormat: String] = [:]
    for value in template {
      var format: ReportFormat
      var path = value
      if let equals = value.firstIndex(of: "="), let named = ReportFormat(argument: String(value[..<equals])) {
        format = named
        path = String(value[value.index(after: equals)...])
      } else {
        let lowered = value.lowercased()
        format = lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml") ? .html : .markdown
      }
      guard format != .json else { throw ValidationError("--template \(value): analysis.json has a fixed schema and no template") }
      guard paths[format] == nil else { throw ValidationError("--template given twice for \(format.rawValue)") }
      paths[format] = path
    }
    return paths
  }

  func run() throws {
    MemoryPolicy.apply()
    let outputFolder = URL(fileURLWithPath: out).standardizedFileURL.path
    try OutputSelection.refuseOutputInside(inputs: inputs, outputFolder: outputFolder, out: out, force: force)
    var clock = PhaseTimings(enabled: timings)
    let settingsAndEnvironment = try thresholds.load(inputs: inputs)
    // Ingest and analysis in a scope of their own, so that nothing but `input` holds the runs'
    // samples once the chart specs (and the baseline comparison) no longer need them.
    var input = try {
      var scanner = InputScanner(excludedPaths: [outputFolder])
      // Each run's latency summaries are recomputed from its samples as soon as it is read, on
      // the reading threads; the analysis then uses them for single-run levels.
      scanner.preparingRun = { LevelAggregator.recomputeLatencyAhead(of: &$0) }
      let scan = scanner.scan(inputs)
      MemoryPolicy.releaseFreedMemory()
      clock.lap("ingest", bytes: scan.timings.reduce(0) { $0 + $1.bytes })
      clock.ingest(scan.timings)
      let grouping = SweepGrouper.group(scan.runs)
      let analyses = grouping.sweeps.map { SweepAnalyzer.analyze($0, settings: settingsAndEnvironment.settings) }
      clock.lap("analysis")
      var input = ReportInput(
        analyses: analyses, skipped: (scan.skipped + grouping.unplaced).sorted(), filesExamined: scan.filesExamined,
        environment: settingsAndEnvironment.environment)
      if let baseline {
        // Last week is judged by this week's thresholds, so a moved limit means a moved server.
        let previous = try ComparisonSide.load(baseline, settings: settingsAndEnvironment.settings, excludedPaths: [outputFolder])
        let current = ComparisonSide.analysed(analyses, name: inputs.joined(separator: ", "))
        let comparison = ComparisonAnalyzer.compare(base: previous.snapshots, new: current.snapshots, settings: try noise.settings())
        input.baseline = ComparisonReportInput(
          comparison: comparison, baseName: baseline, newName: current.name, skipped: previous.skipped)
        clock.lap("baseline")
      }
      input.trends = try history.recordAndTrend(
        analyses, inputs: inputs, environment: settingsAndEnvironment.environment, quiet: quiet)
      return input
    }()
    let skipped = input.skipped

    let (templatesFolder, strings) = try language.load()
    let writer = OutputWriter(directory: out)
    let charts =
      chartFormats.isEmpty
      ? [] : ReportCharts.build(input, strings: strings) + (input.baseline.map { ComparisonCharts.build($0, strings: strings) } ?? [])
        + (input.trends.map { TrendCharts.build($0, strings: strings) } ?? [])
    clock.lap("chart-specs")
    Self.dropSamples(from: &input)
    let renderer = ReportRenderer(strings: strings, templatesDirectory: templatesFolder, linkBase: linkBase)
    let templates = try templatePaths()
    let finalInput = input
    var (written, links) = try ReportOutput(selection: output, writer: writer).produce(charts: charts) { group, links in
      var input = finalInput
      input.charts = links
      return zip(group, renderer.render(group, input, templates: templates)).map { format, result in
        result.map { (format.fileName, $0) }
      }
    }
    input.charts = links
    // With a baseline, the machine-readable comparison goes next to analysis.json.
    if formats.contains(.json), var baselineInput = input.baseline {
      baselineInput.charts = input.charts.filter(\.isComparison)
      written.append(try writer.write(ComparisonJSONWriter().render(baselineInput), to: ReportFormat.json.comparisonFileName))
    }
    clock.lap("output")  // charts and documents, rendered side by side
    clock.print()
    if !quiet {
      print(TerminalSummary(input: input, strings: strings, written: written).text, terminator: "")
    }
    if input.analyses.isEmpty {
      FileHandle.standardError.write(Data("benchreport: no benchmark results found in \(inputs.joined(separator: ", "))\n".utf8))
      throw ExitCode(2)
    }
    if skipped.contains(where: { $0.kind == .unreadable }) { throw ExitCode(1) }
    if history.gateFired(input.trends) { throw ExitCode(3) }
  }

  /// Drops the runs' per-request samples (and what was recomputed from them), which only the
  /// analysis and the chart specs read: millions of values that the chart rendering and the
  /// documents would otherwise run beside (the peak memory of a run was at its end).
  static func dropSamples(from input: inout ReportInput) {
    for sweep in input.analyses.indices {
      for level in input.analyses[sweep].sweep.levels.indices {
        for run in input.analyses[sweep].sweep.levels[level].runs.indices {
          input.analyses[sweep].sweep.levels[level].runs[run].samples = nil
          input.analyses[sweep].sweep.levels[level].runs[run].recomputedLatency = nil
        }
      }
    }
    MemoryPolicy.releaseFreedMemory()
  }
}
