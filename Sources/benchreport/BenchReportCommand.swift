import ArgumentParser

/// `benchreport`: turns LLM-serving load-test results into analysis and reports.
@main
struct BenchReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchreport",
    abstract: "Turn LLM-serving load-test results (vLLM, SGLang) into a weekly report, charts and analysis.json.",
    discussion: """
      Exit codes: 0 every result file was read; 1 the report was written but some result \
      files could not be read (see the summary); 2 usage error or nothing to analyse.
      """,
    subcommands: [AnalyzeCommand.self, TemplatesCommand.self],
    defaultSubcommand: nil)
}
