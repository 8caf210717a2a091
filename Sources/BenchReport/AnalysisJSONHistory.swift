import BenchAnalysis
import BenchModel
import Foundation

/// What `benchreport history import` reads from an earlier `analysis.json`: the snapshots
/// `AnalysisJSONReader` reads for comparisons, plus what the history keeps beyond them — each
/// level's verdict kind, the findings, the test time (`testedAt`, written since history
/// support) and the environment.
public struct AnalysisJSONHistory: Sendable {
  public struct Sweep: Sendable {
    public var snapshot: SweepSnapshot
    public var verdicts: [LoadLevel: String]
    public var findings: [(code: String, severity: String, levels: [String])]
    public var tool: String?
    public var testedAt: Double?
  }

  public var sweeps: [Sweep]
  public var environment: [String: String]

  public static func read(_ data: Data, path: String) throws(AnalysisJSONError) -> AnalysisJSONHistory {
    let snapshots = try AnalysisJSONReader.snapshots(from: data, path: path)
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: data)
    } catch {
      throw .unparsable(path: path, message: AnalysisJSONReader.describe(error))
    }
    let sweeps = zip(snapshots, document.sweeps).map { snapshot, sweep in
      var verdicts: [LoadLevel: String] = [:]
      for (level, run) in zip(snapshot.levels, sweep.runs) {
        if let kind = run.verdict?.kind { verdicts[level.level] = kind }
      }
      return Sweep(
        snapshot: snapshot, verdicts: verdicts,
        findings: (sweep.findings ?? []).map { ($0.code, $0.severity ?? "info", []) },
        tool: sweep.runs.first?.tool, testedAt: sweep.testedAt.flatMap(parseISO8601))
    }
    var environment: [String: String] = [:]
    for (key, value) in document.environment ?? [:] {
      if case .string(let text) = value { environment[key] = text }
    }
    return AnalysisJSONHistory(sweeps: sweeps, environment: environment)
  }

  /// `2026-11-23T19:25:04Z` → Unix seconds.
  static func parseISO8601(_ text: String) -> Double? {
    TestTime.parseDate(String(text.prefix(19)))
  }

  struct Document: Decodable {
    var sweeps: [Sweep]
    var environment: [String: Scalar]?

    struct Sweep: Decodable {
      var testedAt: String?
      var runs: [Run]
      var findings: [Finding]?
    }

    struct Run: Decodable {
      var tool: String?
      var verdict: Verdict?
    }

    struct Verdict: Decodable { var kind: String? }

    struct Finding: Decodable {
      var code: String
      var severity: String?
    }

    enum Scalar: Decodable {
      case string(String)
      case other

      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = (try? container.decode(String.self)).map(Scalar.string) ?? .other
      }
    }
  }
}
