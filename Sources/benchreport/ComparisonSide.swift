import ArgumentParser
import BenchAnalysis
import BenchIngest
import BenchModel
import BenchReport
import Foundation

/// One side of a comparison: the sweeps of a results folder (or file), analysed with the
/// given settings and kept with their per-request samples, or those of an `analysis.json`
/// written by an earlier `analyze` (a report folder holding one counts as that file).
struct ComparisonSide {
  /// The path as the user gave it.
  var name: String
  var snapshots: [SweepSnapshot]
  var skipped: [SkippedInput]
  /// True when the side came from an analysis.json (no samples: threshold judgements only).
  var fromAnalysisJSON: Bool

  static func load(_ path: String, settings: AnalysisSettings, excludedPaths: [String] = []) throws -> ComparisonSide {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ValidationError("\(path): no such file or folder")
    }
    if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path),
      AnalysisJSONReader.isAnalysisJSON(data)
    {
      return try fromJSON(data, path: path)
    }
    let scan = InputScanner(excludedPaths: excludedPaths).scan([path])
    let grouping = SweepGrouper.group(scan.runs)
    let snapshots = grouping.sweeps.map { sweep in
      let analysis = SweepAnalyzer.analyze(sweep, settings: settings)
      return SweepSnapshotBuilder.snapshot(of: analysis, title: SweepDescription.title(of: sweep.identity))
    }
    // A report folder (reports/week-03) has no result files, only the analysis.json it wrote.
    let reportJSON = (path as NSString).appendingPathComponent("analysis.json")
    if snapshots.isEmpty, isDirectory.boolValue, let data = FileManager.default.contents(atPath: reportJSON),
      AnalysisJSONReader.isAnalysisJSON(data)
    {
      return try fromJSON(data, path: reportJSON, name: path)
    }
    return ComparisonSide(
      name: path, snapshots: snapshots, skipped: (scan.skipped + grouping.unplaced).sorted(), fromAnalysisJSON: false)
  }

  static func fromJSON(_ data: Data, path: String, name: String? = nil) throws -> ComparisonSide {
    do {
      return ComparisonSide(
        name: name ?? path, snapshots: try AnalysisJSONReader.snapshots(from: data, path: path), skipped: [],
        fromAnalysisJSON: true)
    } catch {
      throw ValidationError("\(error)")
    }
  }

  /// The snapshots of sweeps already analysed in this run (`analyze --baseline`'s NEW side).
  static func analysed(_ analyses: [SweepAnalysis], name: String) -> ComparisonSide {
    ComparisonSide(
      name: name,
      snapshots: analyses.map {
        SweepSnapshotBuilder.snapshot(of: $0, title: SweepDescription.title(of: $0.sweep.identity))
      },
      skipped: [], fromAnalysisJSON: false)
  }
}
