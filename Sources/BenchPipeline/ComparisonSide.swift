import BenchAnalysis
import BenchModel
import BenchReport
import Foundation

/// One side of a comparison: the sweeps of a results folder (or file), analysed with the
/// given settings and kept with their per-request samples, or those of an `analysis.json`
/// written by an earlier `analyze` (a report folder holding one counts as that file).
public struct ComparisonSide: Sendable {
  /// The path as the user gave it.
  public var name: String
  public var snapshots: [SweepSnapshot]
  public var skipped: [SkippedInput]
  /// True when the side came from an analysis.json (no samples: threshold judgements only).
  public var fromAnalysisJSON: Bool

  /// Reads and analyses `path` through the pipeline's stages 1–3, or reads the analysis.json
  /// it is (or that the report folder it is holds).
  ///
  /// - Throws: `ComparisonSideError` when the path does not exist or its analysis.json is broken.
  public static func load(_ path: String, pipeline: AnalysisPipeline) throws(ComparisonSideError) -> ComparisonSide {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ComparisonSideError(message: "\(path): no such file or folder")
    }
    if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path),
      AnalysisJSONReader.isAnalysisJSON(data)
    {
      return try fromJSON(data, path: path)
    }
    let analysed = pipeline.analyse([path], countingFailedAttempts: false)
    let snapshots = analysed.analyses.map { analysis in
      SweepSnapshotBuilder.snapshot(of: analysis, title: SweepDescription.title(of: analysis.sweep.identity))
    }
    // A report folder (reports/week-03) has no result files, only the analysis.json it wrote.
    let reportJSON = (path as NSString).appendingPathComponent("analysis.json")
    if snapshots.isEmpty, isDirectory.boolValue, let data = FileManager.default.contents(atPath: reportJSON),
      AnalysisJSONReader.isAnalysisJSON(data)
    {
      return try fromJSON(data, path: reportJSON, name: path)
    }
    return ComparisonSide(
      name: path, snapshots: snapshots, skipped: analysed.skipped, fromAnalysisJSON: false)
  }

  static func fromJSON(_ data: Data, path: String, name: String? = nil) throws(ComparisonSideError) -> ComparisonSide {
    do {
      return ComparisonSide(
        name: name ?? path, snapshots: try AnalysisJSONReader.snapshots(from: data, path: path), skipped: [],
        fromAnalysisJSON: true)
    } catch {
      throw ComparisonSideError(message: "\(error)")
    }
  }

  /// The snapshots of sweeps already analysed in this run (`analyze --baseline`'s NEW side).
  public static func analysed(_ analyses: [SweepAnalysis], name: String) -> ComparisonSide {
    ComparisonSide(
      name: name,
      snapshots: analyses.map {
        SweepSnapshotBuilder.snapshot(of: $0, title: SweepDescription.title(of: $0.sweep.identity))
      },
      skipped: [], fromAnalysisJSON: false)
  }
}

/// A comparison side that cannot be read: a missing path or a broken analysis.json. The
/// message names the path and what is wrong with it.
public struct ComparisonSideError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
