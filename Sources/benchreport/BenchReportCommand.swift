import ArgumentParser

@main
struct BenchReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "benchreport")
}
