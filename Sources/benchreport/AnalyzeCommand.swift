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

  @Option(help: "Report language: zh (Chinese) or en (English).")
  var lang: String = "zh"

  @Option(
    help: ArgumentHelp(
      "Your own template instead of a default one; repeat for several formats.",
      discussion: "FILE alone replaces weekly.html when it ends in .html, else weekly.md; md=FILE, html=FILE or pr=FILE say which.",
      valueName: "[FORMAT=]FILE"))
  var template: [String] = []

  @Option(help: "Folder with the default templates and strings (default: found next to the executable).")
  var templates: String?

  @Option(help: "benchreport.yaml to read (default: the benchreport.yaml of the input folders; they must agree).")
  var config: String?

  @Option(help: "Service-level objectives, e.g. ttft_p99=800ms,tpot_p99=100ms,e2el_p99=10s,error_rate=1%.")
  var slo: String?

  @Option(name: .customLong("success-rate"), help: "Minimum success rate of a stable level (default 95%).")
  var successRate: String?

  @Option(name: .customLong("ttft-limit"), help: "TTFT limit of a stable level (default 1000ms).")
  var ttftLimit: String?

  @Option(name: .customLong("ttft-statistic"), help: "TTFT statistic the limit applies to: p99 (default), p95, p90, p50, mean.")
  var ttftStatistic: String?

  @Option(name: .customLong("min-growth"), help: "Minimum throughput growth per level (default 20%).")
  var minGrowth: String?

  @Option(help: "Recommended range as fractions of the max stable level (default 0.7-0.8).")
  var headroom: String?

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
    guard ReportLanguage(rawValue: lang) != nil else {
      throw ValidationError("--lang must be one of: \(ReportLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let unknown = formatNames.filter { ReportFormat(argument: $0) == nil }
    guard unknown.isEmpty else {
      throw ValidationError("unknown --format value(s): \(unknown.sorted().joined(separator: ", ")); use md, html, json, pr (e.g. md,html,json,pr)")
    }
    for (format, path) in try templatePaths() where !formats.contains(format) {
      throw ValidationError("--template \(path) is for \(format.rawValue), but --format does not include \(format.rawValue)")
    }
    let unknownCharts = chartFormats.subtracting(["png", "svg"])
    guard unknownCharts.isEmpty else {
      throw ValidationError("unknown --charts value(s): \(unknownCharts.sorted().joined(separator: ", ")); use png, svg, png,svg or none")
    }
  }

  var chartFormats: Set<String> {
    let values = Set(charts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    return values == ["none"] ? [] : values
  }

  var formatNames: [String] { format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }

  var formats: Set<ReportFormat> { Set(formatNames.compactMap(ReportFormat.init(argument:))) }

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
    if !force {
      for input in inputs {
        let inputPath = URL(fileURLWithPath: input).standardizedFileURL.path
        if outputFolder == inputPath || outputFolder.hasPrefix(inputPath + "/") {
          throw ValidationError("--out \(out) is inside the input \(input); choose another folder or pass --force")
        }
      }
    }
    var clock = PhaseTimings(enabled: timings)
    let settingsAndEnvironment = try loadSettings()
    // Ingest and analysis in a scope of their own, so that nothing but `input` holds the runs'
    // samples once the chart specs no longer need them.
    var input = {
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
      let skipped = (scan.skipped + grouping.unplaced).sorted()
      return ReportInput(
        analyses: analyses, skipped: skipped, filesExamined: scan.filesExamined, environment: settingsAndEnvironment.environment)
    }()
    let skipped = input.skipped

    let language = ReportLanguage(rawValue: lang)!
    let templatesFolder = try TemplatesDirectory.locate(explicit: templates, executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    let strings = try StringsCatalogue.load(language, templatesDirectory: templatesFolder)
    let writer = OutputWriter(directory: out)
    var written: [String] = []
    if !chartFormats.isEmpty {
      let charts = ReportCharts.build(input, strings: strings)
      clock.lap("chart-specs")
      Self.dropSamples(from: &input)
      let chartWriter = ChartWriter(formats: chartFormats, writer: writer, inlineSVG: formats.contains(.html))
      let rendered = try chartWriter.write(charts)
      input.charts = rendered.links
      written += rendered.paths
      clock.lap("charts")
    }
    let renderer = ReportRenderer(strings: strings, templatesDirectory: templatesFolder, linkBase: linkBase)
    let templates = try templatePaths()
    // Every document is rendered before any is written, so a broken template leaves the previous
    // reports in place; a template error is a usage error (exit 2), reported with file and line.
    // The documents are independent, so they are rendered side by side; the first error in
    // format order is the one reported, as when they were rendered one after another.
    let requested = ReportFormat.allCases.filter { formats.contains($0) }
    let finalInput = input
    let rendered = ParallelMap.map(requested) { format in
      Result { () throws(ReportError) -> String in try renderer.render(format, finalInput, template: templates[format]) }
    }
    var documents: [(format: ReportFormat, text: String)] = []
    for (format, result) in zip(requested, rendered) {
      switch result {
      case .success(let text):
        documents.append((format, text))
      case .failure(let error):
        FileHandle.standardError.write(Data("benchreport: \(error)\n".utf8))
        throw ExitCode(2)
      }
    }
    for document in documents {
      written.append(try writer.write(document.text, to: document.format.fileName))
    }
    clock.lap("report")
    clock.print()
    if !quiet {
      print(TerminalSummary(input: input, strings: strings, written: written).text, terminator: "")
    }
    if input.analyses.isEmpty {
      FileHandle.standardError.write(Data("benchreport: no benchmark results found in \(inputs.joined(separator: ", "))\n".utf8))
      throw ExitCode(2)
    }
    if skipped.contains(where: { $0.kind == .unreadable }) { throw ExitCode(1) }
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

  /// Defaults, overridden by benchreport.yaml, overridden by flags.
  func loadSettings() throws -> (settings: AnalysisSettings, environment: EnvironmentFacts) {
    var settings = AnalysisSettings()
    var environment = EnvironmentFacts()
    let file: ConfigurationFile?
    if let config {
      file = try ConfigurationFile.load(path: config)
    } else {
      // Every input folder may carry one; the result must not depend on argument order, so
      // several different ones are a usage error rather than "the first one wins".
      var found: [ConfigurationFile] = []
      for input in inputs {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue,
          let loaded = try ConfigurationFile.load(inFolder: input)
        {
          found.append(loaded)
        }
      }
      let distinct = found.reduce(into: [ConfigurationFile]()) { kept, next in
        if !kept.contains(where: { $0.environment == next.environment && $0.thresholds == next.thresholds }) { kept.append(next) }
      }
      if distinct.count > 1 {
        throw ValidationError(
          "the input folders have different benchreport.yaml files (\(found.compactMap(\.path).joined(separator: ", "))); choose one with --config")
      }
      file = distinct.first
    }
    if let file {
      environment = file.environment
      for (name, value) in file.thresholds.sorted(by: { $0.key < $1.key }) {
        do {
          try settings.apply(name, value)
        } catch {
          throw ValidationError("\(file.path ?? "benchreport.yaml"): thresholds.\(name): \(error)")
        }
      }
    }
    let flags: [(String, String?, String)] = [
      ("success_rate", successRate, "--success-rate"), ("ttft_limit", ttftLimit, "--ttft-limit"),
      ("ttft_statistic", ttftStatistic, "--ttft-statistic"), ("min_throughput_growth", minGrowth, "--min-growth"),
      ("headroom", headroom, "--headroom"), ("slo", slo, "--slo"),
    ]
    for (name, value, flag) in flags {
      guard let value else { continue }
      do {
        try settings.apply(name, value)
      } catch {
        throw ValidationError("\(flag): \(error)")
      }
    }
    return (settings, environment)
  }
}
