import ArgumentParser
import BenchAnalysis
import BenchHistory
import BenchReport
import Foundation

/// `benchreport trend FILE --out DIR`: the trend report alone, for a dashboard page.
struct TrendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: "Write the trends of a history file (every sweep over its latest entries): trend.md, trend.html, trend.json.",
    discussion: "Exit codes: 0 written; 1 --fail-on change-point fired (the output names it); 2 usage error or unusable history file.")

  @Argument(help: "The history file.") var file: String
  @Option(name: .shortAndLong, help: "Output folder.") var out: String
  @OptionGroup(title: "Language and templates") var language: LanguageOptions
  @Option(name: .customLong("trend-entries"), help: "How many recorded analyses a trend shows.") var trendEntries: Int = 12
  @Option(name: .customLong("trend-level"), help: "The load level the per-level metrics are read at.") var trendLevel: Double?
  @Option(help: "Outputs to write, comma-separated: md, html, json.") var format: String = "md,html,json"
  @Option(help: "Chart files to write into charts/: png, svg, both (png,svg) or none.") var charts: String = "png,svg"
  @Option(name: .customLong("fail-on"), help: "change-point: exit 1 when a metric's latest change point is a regression.")
  var failOn: String?
  @Flag(name: .shortAndLong, help: "Print only errors.") var quiet = false

  var output: OutputSelection { OutputSelection(format: format, charts: charts) }

  func validate() throws {
    try output.validate()
    guard trendEntries >= 2, trendEntries <= 520 else { throw ValidationError("--trend-entries \(trendEntries): use 2 to 520") }
    if let failOn, failOn != "change-point" { throw ValidationError("--fail-on \(failOn): trend gates only on change-point") }
  }

  func run() throws {
    let trends = try HistoryCommand.failing { () throws(HistoryError) in
      try HistoryTrends.latestTrends(
        in: try HistoryStore(path: file, create: false), window: trendEntries, referenceLevel: trendLevel)
    }
    var input = TrendReportInput(trends: trends, window: trendEntries, historyName: file)
    let (templatesFolder, strings) = try language.load()
    let writer = OutputWriter(directory: out)
    let renderer = TrendDocuments(renderer: ReportRenderer(strings: strings, templatesDirectory: templatesFolder))
    let formats = [ReportFormat.markdown, .html, .json].filter(output.formats.contains)
    let finalInput = input
    let (written, links, _) = try ReportOutput(selection: output, writer: writer).produce(
      charts: TrendCharts.build(input, strings: strings)
    ) { group, links, _ in
      var input = finalInput
      input.charts = links
      return group.map { format in
        Result { () throws(ReportError) in (Self.fileName(format), try renderer.render(format, input)) }
      }
    }
    input.charts = links
    if !quiet { for path in written { print(path) } }
    if failOn == "change-point", !input.regressions.isEmpty {
      for (trend, series, change) in input.regressions {
        FileHandle.standardError.write(
          Data("benchreport: --fail-on change-point: \(trend.title): \(series.metric.rawValue) shifted at \(trend.labels[change.index])\n".utf8))
      }
      throw ExitCode(1)
    }
  }

  static func fileName(_ format: ReportFormat) -> String {
    switch format {
    case .html: "trend.html"
    case .json: "trend.json"
    default: "trend.md"
    }
  }
}
