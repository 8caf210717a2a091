import ArgumentParser
import BenchReport
import Foundation

/// `benchreport templates list|show|init`: see, read and copy the default templates.
struct TemplatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    abstract: "List, show or copy the report templates (Markdown, HTML, PR comment, partials, strings).",
    discussion: """
      Start your own template set with `benchreport templates init my-templates`, edit it, then \
      `benchreport analyze … --templates my-templates` (every format and language) or \
      `--template my-templates/weekly.html` (one format). templates/README.md documents every variable.
      """,
    subcommands: [List.self, Show.self, Init.self])

  /// The folder options every subcommand shares.
  struct Location: ParsableArguments {
    @Option(help: "Templates folder to read (default: found next to the executable).")
    var templates: String?

    func set() throws -> TemplateSet {
      let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
      return TemplateSet(directory: try TemplatesDirectory.locate(explicit: templates, executablePath: executable))
    }
  }
}

extension TemplatesCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the templates, partials and strings catalogues.")

    @OptionGroup var location: Location

    func run() throws {
      let set = try location.set()
      let entries = try set.entries()
      let width = entries.map(\.name.count).max() ?? 0
      print("templates in \(set.directory):")
      for entry in entries {
        let padding = String(repeating: " ", count: width - entry.name.count)
        print("  \(entry.name)\(padding)  \(entry.summary)")
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print one template, partial or catalogue.",
      discussion: "NAME as `templates list` prints it (weekly.html, strings/zh.json) or a partial's name (style.html).")

    @Argument(help: "The file to print.")
    var name: String

    @OptionGroup var location: Location

    func run() throws {
      print(try location.set().contents(of: name), terminator: "")
    }
  }

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Copy the default templates, partials and strings into DIR to edit.")

    @Argument(help: "Folder to create (or fill).")
    var directory: String

    @Flag(help: "Replace files that already exist in DIR.")
    var force = false

    @OptionGroup var location: Location

    func run() throws {
      let written = try location.set().copy(to: directory, overwrite: force)
      for path in written { print("wrote \(path)") }
      print("edit them, then: benchreport analyze RESULTS --out OUT --templates \(directory)")
    }
  }
}
