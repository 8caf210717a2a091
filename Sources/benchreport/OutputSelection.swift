import ArgumentParser
import BenchModel
import BenchReport
import Foundation

/// The `--format` and `--charts` values of a command, parsed and checked the same way for
/// `analyze` and `compare`.
struct OutputSelection {
  let format: String
  let charts: String

  var formatNames: [String] {
    format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
  }

  var formats: Set<ReportFormat> { Set(formatNames.compactMap(ReportFormat.init(argument:))) }

  var chartFormats: Set<String> {
    let values = Set(charts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    return values == ["none"] ? [] : values
  }

  func validate() throws {
    let unknown = formatNames.filter { ReportFormat(argument: $0) == nil }
    guard unknown.isEmpty else {
      throw ValidationError(
        "unknown --format value(s): \(unknown.sorted().joined(separator: ", ")); use md, html, json, pr (e.g. md,html,json,pr)"
      )
    }
    let unknownCharts = chartFormats.subtracting(["png", "svg"])
    guard unknownCharts.isEmpty else {
      throw ValidationError(
        "unknown --charts value(s): \(unknownCharts.sorted().joined(separator: ", ")); use png, svg, png,svg or none")
    }
  }

  /// Every selected document, rendered before any is written: a broken template leaves the
  /// previous reports in place. A template error is a usage error (exit 2), reported with file
  /// and line; the first in format order is the one reported, as if the documents had been
  /// rendered one after another.
  ///
  /// `render` gets a group of formats and returns each one's (file name, text) or error. The
  /// groups are rendered side by side: formats that share a view model (the same escaping, so
  /// the Markdown report and the PR comment) form one group and build it once.
  func renderDocuments(
    _ render: @Sendable ([ReportFormat]) -> [Result<(name: String, text: String), ReportError>]
  ) throws -> [(name: String, text: String)] {
    let requested = ReportFormat.allCases.filter(formats.contains)
    var groups: [[ReportFormat]] = []
    for format in requested {
      if let index = groups.firstIndex(where: { $0[0].escaping.name == format.escaping.name }) {
        groups[index].append(format)
      } else {
        groups.append([format])
      }
    }
    let rendered = ParallelMap.map(groups) { group in Array(zip(group, render(group))) }
    let byFormat = Dictionary(uniqueKeysWithValues: rendered.joined().map { ($0.0, $0.1) })
    do {
      return try requested.map { try byFormat[$0]!.get() }
    } catch {
      FileHandle.standardError.write(Data("benchreport: \(error)\n".utf8))
      throw ExitCode(2)
    }
  }

  /// Refuses an output folder that is an input or inside one, unless `force`: writing there
  /// would mix reports into the results (and the next run would read them).
  static func refuseOutputInside(inputs: [String], outputFolder: String, out: String, force: Bool) throws {
    guard !force else { return }
    for input in inputs {
      let inputPath = URL(fileURLWithPath: input).standardizedFileURL.path
      if outputFolder == inputPath || outputFolder.hasPrefix(inputPath + "/") {
        throw ValidationError("--out \(out) is inside the input \(input); choose another folder or pass --force")
      }
    }
  }
}
