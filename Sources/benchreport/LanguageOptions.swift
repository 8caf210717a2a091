import ArgumentParser
import BenchReport
import Foundation

/// `--lang` and `--templates`, shared by the commands that write reports, and the strings
/// catalogue they select.
struct LanguageOptions: ParsableArguments {
  @Option(help: "Report language: zh (Chinese) or en (English).")
  var lang: String = "zh"

  @Option(help: "Folder with the default templates and strings (default: found next to the executable).")
  var templates: String?

  func validate() throws {
    guard ReportLanguage(rawValue: lang) != nil else {
      throw ValidationError("--lang must be one of: \(ReportLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  /// The templates folder in use and the strings of the chosen language.
  func load() throws -> (templatesFolder: String, strings: StringsCatalogue) {
    let folder = try TemplatesDirectory.locate(
      explicit: templates, executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    return (folder, try StringsCatalogue.load(ReportLanguage(rawValue: lang) ?? .zh, templatesDirectory: folder))
  }
}
