import BenchAnalysis
import BenchModel
import BenchPipeline

/// What `compare` prints: the verdict, every fired rule, per paired sweep its tally and
/// decisions, what could not be paired and why, and the files written.
struct ComparisonSummary {
  let comparison: Comparison
  let base: ComparisonSide
  let new: ComparisonSide
  let written: [String]

  var violationLines: [String] {
    comparison.violations.map { violation in
      var line = "✗ rule \(violation.rule.text) fired: \(violation.sweep)"
      if let level = violation.level {
        line += " at \(level.variable == .requestRate ? "rate" : level.variable.rawValue) \(level)"
      }
      if let change = violation.change {
        line += ": \(change.metric.key) \(Self.number(change.base)) → \(Self.number(change.new))"
        if let relative = change.relative { line += " (\(Self.signedPercent(relative)))" }
      } else if let decision = violation.decision {
        line +=
          ": \(decision.kind.rawValue) \(decision.base.map(Self.number) ?? "none") → \(decision.new.map(Self.number) ?? "none")"
      }
      return line
    }
  }

  var text: String {
    var lines: [String] = []
    lines.append(
      "benchreport compare: BASE \(base.name) (\(base.snapshots.count) sweeps\(base.fromAnalysisJSON ? ", from analysis.json" : "")) "
        + "vs NEW \(new.name) (\(new.snapshots.count) sweeps\(new.fromAnalysisJSON ? ", from analysis.json" : "")); "
        + "\(comparison.sweeps.count) paired")
    for sweep in comparison.sweeps {
      lines.append("")
      lines.append("▸ \(sweep.new.title)")
      if !sweep.differences.isEmpty {
        lines.append(
          "  differs: " + sweep.differences.map { "\($0.field) \($0.base) → \($0.new)" }.joined(separator: "; "))
      }
      lines.append(
        "  \(sweep.levels.count) levels compared: \(sweep.regressions) worse, \(sweep.improvements) better beyond noise"
      )
      for decision in sweep.decisions where decision.base != nil || decision.new != nil {
        let mark = decision.assessment == .worse ? " ✗" : decision.assessment == .better ? " ✓" : ""
        lines.append(
          "  \(decision.kind.rawValue): \(decision.base.map(Self.number) ?? "—") → \(decision.new.map(Self.number) ?? "—")\(mark)"
        )
      }
    }
    for (side, unpaired) in [("BASE", comparison.onlyInBase), ("NEW", comparison.onlyInNew)] where !unpaired.isEmpty {
      lines.append("")
      lines.append("only in \(side):")
      for entry in unpaired { lines.append("  \(entry.snapshot.title): \(entry.reason)") }
    }
    let skipped = base.skipped + new.skipped
    if !skipped.isEmpty {
      lines.append("")
      lines.append("skipped:")
      for entry in skipped { lines.append("  \(entry.location): \(entry.reason)") }
    }
    lines.append("")
    if comparison.settings.rules.isEmpty {
      lines.append("no --fail-on rules given")
    } else if comparison.failed {
      lines += violationLines
    } else {
      // The gate and what got worse beyond noise side by side: rules that do not cover latency
      // must not read as "nothing got worse".
      let worse = comparison.sweeps.reduce(0) { total, sweep in
        total + sweep.levels.reduce(0) { $0 + $1.changes.filter { $0.assessment == .worse }.count }
      }
      let rules = comparison.settings.rules.map(\.text).joined(separator: ", ")
      lines.append(
        worse > 0
          ? "! no --fail-on rule fired (\(rules)), but \(worse) metric(s) got worse beyond noise"
          : "✓ no --fail-on rule fired (\(rules))")
    }
    lines.append("")
    for path in written { lines.append("wrote \(path)") }
    return lines.joined(separator: "\n") + "\n"
  }

  static func number(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e12 { return String(Int(value)) }
    return String(format: "%.2f", value)
  }

  static func signedPercent(_ fraction: Double) -> String {
    (fraction >= 0 ? "+" : "") + String(format: "%.1f%%", fraction * 100)
  }
}
