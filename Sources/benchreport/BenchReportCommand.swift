import ArgumentParser
import Foundation

/// `benchreport`: turns LLM-serving load-test results into analysis and reports.
@main
struct BenchReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchreport",
    abstract:
      "Turn LLM-serving load-test results (vLLM, SGLang, Locust, GuideLLM, AIPerf, inference-perf, LLMPerf, genai-bench, llm-d) into a weekly report, charts and analysis.json.",
    discussion: """
      Exit codes: 0 every result file was read; 1 the report was written but some result \
      files could not be read (see the summary); 2 nothing was written: usage error, nothing \
      to analyse, or a file that could not be read or written (the message names it; the \
      previous report in --out is left as it was).
      """,
    version: "0.9.0",
    subcommands: [AnalyzeCommand.self, CompareCommand.self, TemplatesCommand.self, HistoryCommand.self, TrendCommand.self],
    defaultSubcommand: nil)

  /// ArgumentParser exits 64 (EX_USAGE) on usage errors, and 1 on any other error; benchreport
  /// documents 2 for both, so scripts and CI gates see one code for "nothing was written" and
  /// 1 stays "report written, some inputs unreadable".
  static func main() {
    InterruptCleanup.install()  // first: every thread created later inherits the signal mask
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if error is ExitCode || error is CleanExit { exit(withError: error) }
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }  // --help, --version
      let message = code == .validationFailure ? fullMessage(for: error) : "benchreport: \(error)"
      FileHandle.standardError.write(Data((message + "\n").utf8))
      Foundation.exit(2)
    }
  }
}
