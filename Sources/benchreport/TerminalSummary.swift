import BenchAnalysis
import BenchModel
import BenchReport

/// The short summary `analyze` prints: per sweep the levels, knee, max stable and
/// recommendation; then every file left out and why; then what was written.
struct TerminalSummary {
  let input: ReportInput
  let strings: StringsCatalogue
  let written: [String]

  var text: String {
    var lines: [String] = []
    let skippedFiles = Set(input.skipped.map(\.location.path)).count
    lines.append("benchreport: \(input.filesExamined) files, \(input.analyses.count) sweeps, \(skippedFiles) files (or parts) skipped")
    for (analysis, summary) in zip(input.analyses, ReportSummaryLines.lines(for: input, strings: strings)) {
      let levels = analysis.sweep.levels.map { $0.level.description == "inf" ? "∞" : $0.level.description }
      lines.append("")
      lines.append("▸ \(summary.title)")
      let variable = ["concurrency": "concurrency", "users": "users"][analysis.sweep.variable.rawValue] ?? "request rate"
      lines.append("  \(variable): \(levels.joined(separator: ", "))")
      lines.append("  \(summary.knee)")
      lines.append("  \(summary.decision)")
      for finding in summary.findings { lines.append("  ! \(finding)") }
    }
    if !input.skipped.isEmpty {
      lines.append("")
      lines.append("skipped:")
      for skipped in input.skipped {
        lines.append("  \(skipped.location): \(skipped.reason)")
      }
    }
    lines.append("")
    for path in written { lines.append("wrote \(path)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
