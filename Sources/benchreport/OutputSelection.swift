import ArgumentParser
import BenchIngest
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

  /// The selected formats, in the order documents are written and errors reported.
  var requestedFormats: [ReportFormat] { ReportFormat.allCases.filter(formats.contains) }

  /// The selected formats grouped by the view model they share (the same escaping: the
  /// Markdown report and the PR comment), each group built once and rendered as one job.
  var documentGroups: [[ReportFormat]] {
    var groups: [[ReportFormat]] = []
    for format in requestedFormats {
      if let index = groups.firstIndex(where: { $0[0].escaping.name == format.escaping.name }) {
        groups[index].append(format)
      } else {
        groups.append([format])
      }
    }
    return groups
  }

  /// Refuses an `--out` that cannot be a report folder, before anything is read or written:
  /// an empty path (`--out ''`, `--out "$UNSET"`) and a path that is an existing file.
  static func validateOutputFolder(_ out: String) throws {
    guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--out is empty; give the folder to write the report into, e.g. --out reports/week-04")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw ValidationError("--out \(out) is a file, not a folder; give a folder (it is created if missing)")
    }
  }

  /// Refuses an output folder that is an input or inside one, unless `force`: writing there
  /// would mix reports into the results (and the next run would read them). Compared as real
  /// paths, so an `--out` reached through a symbolic link into the input is caught too.
  static func refuseOutputInside(inputs: [String], out: String, force: Bool) throws {
    guard !force else { return }
    let outputFolder = RealPath.resolve(out)
    for input in inputs {
      if RealPath.isInside(outputFolder, folder: RealPath.resolve(input)) {
        throw ValidationError("--out \(out) is inside the input \(input); choose another folder or pass --force")
      }
    }
  }
}
