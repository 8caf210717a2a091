import ArgumentParser
import BenchAnalysis
import BenchIngest
import BenchModel
import BenchPipeline
import BenchReport
import Foundation

/// `benchreport analyze`: ingest → analyse → write the report, analysis.json and a summary.
struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Analyse a folder (recursively) or files of benchmark results and write a report.",
    discussion: """
      Reads vLLM benchmark_serving.py / `vllm bench serve` / `vllm bench sweep` JSON, SGLang \
      bench_serving JSONL, Locust CSV/JSON/HTML, GuideLLM benchmarks.json/yaml, AIPerf and \
      GenAI-Perf exports, inference-perf stage metrics, LLMPerf summaries, genai-bench \
      experiments and llm-d Benchmark Reports, with nvidia-smi CSV logs and Prometheus /metrics \
      scrapes beside them, all detected by content. Writes report.md, report.html (one self-contained \
      file) and analysis.json into --out, and pr-comment.md with --format …,pr. Thresholds come \
      from flags, else from benchreport.yaml in the input folder(s) (or --config), else the \
      defaults shown.
      """,
    aliases: ["analyse"])

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
    try OutputSelection.validateOutputFolder(out)
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
    try OutputSelection.refuseOutputInside(inputs: inputs, out: out, force: force)
    var clock = PhaseTimings(enabled: timings)
    let settingsAndEnvironment = try thresholds.load(inputs: inputs)
    // Templates and strings before the (long) ingest: a missing folder fails at once.
    let (templatesFolder, strings) = try language.load()
    // Ingest and analysis in a scope of their own, so that nothing but `input` holds the runs'
    // samples once the chart specs (and the baseline comparison) no longer need them.
    var input = try {
      let pipeline = AnalysisPipeline(settings: settingsAndEnvironment.settings, excludedPaths: [outputFolder])
      let read = pipeline.read(inputs)
      clock.lap("ingest", bytes: read.bytes)
      clock.ingest(read.timings)
      let analysed = pipeline.analyse(pipeline.group(read))
      clock.lap("analysis")
      var input = pipeline.reportInput(analysed, environment: settingsAndEnvironment.environment)
      if let baseline {
        input.baseline = try ComparisonSide.validating {
          try pipeline.comparison(
            baseline: baseline, current: analysed.analyses, currentName: inputs.joined(separator: ", "),
            settings: try noise.settings())
        }
        clock.lap("baseline")
      }
      input.trends = try history.recordAndTrend(
        analysed.analyses, inputs: inputs, environment: settingsAndEnvironment.environment, quiet: quiet)
      return input
    }()
    let skipped = input.skipped
    // Nothing to analyse: write nothing, so last week's report in --out stays as it was.
    if input.analyses.isEmpty {
      var message = "benchreport: no benchmark results found in \(inputs.joined(separator: ", ")); nothing written to \(out)\n"
      for skipped in skipped { message += "  skipped \(skipped.location): \(skipped.reason)\n" }
      FileHandle.standardError.write(Data(message.utf8))
      throw ExitCode(2)
    }
    let charts =
      chartFormats.isEmpty
      ? [] : AnalysisPipeline.chartSpecs(for: input, strings: strings) + (input.trends.map { TrendCharts.build($0, strings: strings) } ?? [])
    clock.lap("chart-specs")
    AnalysisPipeline.releaseSamples(from: &input)
    let renderer = ReportRenderer(strings: strings, templatesDirectory: templatesFolder, linkBase: linkBase)
    let templates = try templatePaths()
    let finalInput = input
    // Everything goes to a staging folder first and replaces the previous set only once it
    // is complete; any failure before that leaves --out as it was.
    let transaction = try OutputTransaction(destination: out)
    let writer = transaction.writer
    var written: [String]
    do {
      let links: [ChartLink]
      let leftOut: [SkippedInput]
      (written, links, leftOut) = try ReportOutput(selection: output, writer: writer).produce(charts: charts) {
        group, links, leftOut in
        var input = finalInput
        input.charts = links
        if !leftOut.isEmpty { input.skipped = (input.skipped + leftOut).sorted() }
        return zip(group, renderer.render(group, input, templates: templates)).map { format, result in
          result.map { (format.fileName, $0) }
        }
      }
      input.charts = links
      if !leftOut.isEmpty { input.skipped = (input.skipped + leftOut).sorted() }
      // With a baseline, the machine-readable comparison goes next to analysis.json.
      if formats.contains(.json), var baselineInput = input.baseline {
        baselineInput.charts = input.charts.filter(\.isComparison)
        written.append(try writer.write(ComparisonJSONWriter().render(baselineInput), to: ReportFormat.json.comparisonFileName))
      }
      try transaction.commit()
    } catch {
      transaction.abort()
      throw error
    }
    clock.lap("output")  // charts and documents, rendered side by side
    clock.print()
    if !quiet {
      print(TerminalSummary(input: input, strings: strings, written: written).text, terminator: "")
    }
    let unreadable = skipped.filter { $0.kind == .unreadable }
    if !unreadable.isEmpty {
      // Even with -q, say why the exit code is not 0: the files that could not be read.
      if quiet {
        var message = "benchreport: report written, but \(unreadable.count) result file(s) could not be read (exit 1):\n"
        for entry in unreadable { message += "  \(entry.location): \(entry.reason)\n" }
        FileHandle.standardError.write(Data(message.utf8))
      }
      throw ExitCode(1)
    }
    if history.gateFired(input.trends) { throw ExitCode(3) }
  }
}
