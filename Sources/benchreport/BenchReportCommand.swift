import ArgumentParser
import Foundation

/// `benchreport`: turns LLM-serving load-test results into analysis and reports.
@main
struct BenchReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchreport",
    abstract: "Turn LLM-serving load-test results (vLLM, SGLang, Locust) into a weekly report, charts and analysis.json.",
    discussion: """
      Exit codes: 0 every result file was read; 1 the report was written but some result \
      files could not be read (see the summary); 2 usage error or nothing to analyse.
      """,
    subcommands: [AnalyzeCommand.self, CompareCommand.self, TemplatesCommand.self, HistoryCommand.self, TrendCommand.self],
    defaultSubcommand: nil)

  /// ArgumentParser exits 64 (EX_USAGE) on usage errors; benchreport documents 2 for them, so
  /// scripts and CI gates see one code for "you called it wrong".
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
