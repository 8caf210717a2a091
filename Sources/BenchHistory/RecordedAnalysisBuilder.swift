import BenchAnalysis
import BenchModel
import Foundation

/// Turns this run's analyses into what the history records: the input files hashed, the test
/// time from the inputs, each sweep's snapshot with its verdicts and findings.
public enum RecordedAnalysisBuilder {
  /// `titles[i]` is the report's title of `analyses[i]`; `roots` are the inputs as given (the
  /// runs' file paths are relative to them).
  public static func build(
    analyses: [SweepAnalysis], titles: [String], label: String?, roots: [String], environment: EnvironmentFacts
  ) throws(HistoryError) -> RecordedAnalysis {
    var paths: [String] = []
    var seen: Set<String> = []
    for run in analyses.flatMap(\.sweep.runs) {
      for file in run.files {
        let path = file.split(separator: ":").count > 1 && !FileManager.default.fileExists(atPath: file)
          ? String(file[..<file.lastIndex(of: ":")!]) : file
        if seen.insert(path).inserted { paths.append(path) }
      }
    }
    var inputs: [RecordedAnalysis.InputFile] = []
    for path in paths.sorted() {
      guard let resolved = resolve(path, roots: roots) else { continue }
      guard let data = FileManager.default.contents(atPath: resolved) else { continue }
      inputs.append(.init(name: path, sha256: SHA256.hex(data), bytes: data.count))
    }
    let testedAt = analyses.compactMap { TestTime.earliest(of: $0.sweep) }.min()
    let hardware = environment.gpu
    let sweeps = analyses.enumerated().map { index, analysis in
      let snapshot = SweepSnapshotBuilder.snapshot(of: analysis, title: titles[index], keepSamples: false)
      var verdicts: [LoadLevel: String] = [:]
      for level in analysis.levels {
        if let verdict = analysis.stability.verdict(at: level.level) { verdicts[level.level] = verdict.kind.rawValue }
      }
      let findings = analysis.findings.map {
        RecordedSweep.Finding(code: $0.code.rawValue, severity: $0.severity.rawValue, levels: $0.levels.map(\.description))
      }
      let tool = analysis.sweep.runs.first.map { $0.format.tool.rawValue }
      return RecordedSweep(snapshot: snapshot, verdicts: verdicts, findings: findings, tool: tool, hardware: hardware)
    }
    return RecordedAnalysis(
      label: label ?? defaultLabel(testedAt: testedAt, roots: roots), testedAt: testedAt, inputs: inputs,
      environment: facts(environment), sweeps: sweeps)
  }

  static func resolve(_ path: String, roots: [String]) -> String? {
    if path.hasPrefix("/"), FileManager.default.fileExists(atPath: path) { return path }
    for root in roots {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        let joined = (root as NSString).appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: joined) { return joined }
      } else if root.hasSuffix(path) {
        return root
      }
    }
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// The ISO week of the test (`2026-W48`), else the first input's name.
  public static func defaultLabel(testedAt: Double?, roots: [String]) -> String {
    guard let testedAt else { return roots.first.map { ($0 as NSString).lastPathComponent } ?? "analysis" }
    let days = Int((testedAt / 86_400).rounded(.down))
    let weekday = ((days + 3) % 7 + 7) % 7  // Monday = 0 (1970-01-01 was a Thursday)
    let thursday = days - weekday + 3
    let year = Int(TestTime.iso8601(Double(thursday) * 86_400).prefix(4))!
    let january1 = Int(TestTime.parseDate("\(year)0101-000000")! / 86_400)
    let week = (thursday - january1) / 7 + 1
    return "\(year)-W\(week < 10 ? "0" : "")\(week)"
  }

  static func facts(_ environment: EnvironmentFacts) -> [String: String] {
    var facts: [String: String] = [:]
    facts["title"] = environment.title
    facts["gpu"] = environment.gpu
    facts["framework"] = environment.framework
    facts["frameworkVersion"] = environment.frameworkVersion
    facts["driver"] = environment.driver
    facts["model"] = environment.model
    for entry in environment.extra { facts[entry.key] = entry.value }
    return facts
  }
}
