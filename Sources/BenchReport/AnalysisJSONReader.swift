import BenchAnalysis
import BenchModel
import Foundation

/// Reads an `analysis.json` written by `analyze` back into sweep snapshots, so `compare` and
/// `analyze --baseline` can use last week's report when last week's result files are gone.
/// The inverse of `AnalysisJSONWriter` for the keys a comparison needs; per-request samples are
/// not in `analysis.json`, so changes read this way are judged by the relative threshold.
///
/// Decoded with `JSONDecoder` into the `Document` shape below: it reads numbers exactly (the
/// same double the writer printed), so a comparison against an analysis.json gives the same
/// numbers as one against the folder it came from.
public enum AnalysisJSONReader {
  /// True when `data` looks like an `analysis.json` (a JSON object whose `tool` is benchreport).
  public static func isAnalysisJSON(_ data: Data) -> Bool {
    guard let prefix = String(data: data.prefix(200), encoding: .utf8) else { return false }
    return prefix.contains("\"tool\": \"benchreport\"") || prefix.contains("\"tool\":\"benchreport\"")
  }

  public static func snapshots(from data: Data, path: String) throws(AnalysisJSONError) -> [SweepSnapshot] {
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw .unparsable(path: path, message: describe(error))
    }
    guard header.tool == "benchreport" else {
      throw .invalid(
        path: path, key: "tool", expected: "\"benchreport\" (this is not an analysis.json written by benchreport)")
    }
    guard header.schemaVersion == AnalysisJSONWriter.schemaVersion else {
      throw .unsupportedSchema(path: path, found: header.schemaVersion, supported: AnalysisJSONWriter.schemaVersion)
    }
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: data)
    } catch {
      throw .unparsable(path: path, message: describe(error))
    }
    return try document.sweeps.enumerated().map { index, sweep throws(AnalysisJSONError) in
      try snapshot(sweep, path: path, keyPath: "sweeps[\(index)]")
    }
  }

  /// "sweeps[0].runs[2].requestRate: expected a number" from a DecodingError.
  static func describe(_ error: Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingPrefix(".")
        .description
    }
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(path(context)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context)): missing key \(key.stringValue)"
    @unknown default:
      return "\(error)"
    }
  }

  static func snapshot(_ sweep: Sweep, path: String, keyPath: String) throws(AnalysisJSONError) -> SweepSnapshot {
    guard let variable = LoadVariable(rawValue: sweep.variable) else {
      throw .invalid(path: path, key: "\(keyPath).variable", expected: "concurrency, requestRate or users")
    }
    let metadata = (sweep.metadata ?? [:]).map { MetadataEntry(key: $0.key, value: $0.value) }.sorted {
      $0.key < $1.key
    }
    let identity = SweepIdentity(
      model: sweep.model, backend: sweep.backend, label: sweep.label, dataset: sweep.dataset,
      configuredInputLength: sweep.inputLength, configuredOutputLength: sweep.outputLength,
      meanInputLength: sweep.meanInputLength, metadata: metadata, sourceHint: sweep.source, task: sweep.task)
    var levels: [LevelSnapshot] = []
    for (index, run) in sweep.runs.enumerated() {
      guard let level = run.level(variable) else {
        throw .invalid(
          path: path, key: "\(keyPath).runs[\(index)].\(variable.rawValue)", expected: "the level of the run")
      }
      levels.append(LevelSnapshot(level: level, metrics: run.metrics, requests: run.requests))
    }
    var range: ClosedRange<Double>?
    if let low = sweep.recommended?.low, let high = sweep.recommended?.high, low <= high { range = low...high }
    let headline = sweep.knee?.headline
    return SweepSnapshot(
      identity: identity, variable: variable, title: sweep.title ?? SweepDescription.title(of: identity),
      levels: levels,
      knee: headline?.status == "found" ? headline?.level(variable) : nil, maxStable: sweep.maxStable?.level(variable),
      limitNotReached: sweep.maxStable?.limitReached.map { !$0 } ?? false, recommended: range,
      measure: sweep.throughputMeasure.flatMap(ThroughputMeasure.init(rawValue:)))
  }

  // MARK: The document's shape (the keys a comparison needs; the rest is ignored)

  struct Header: Decodable {
    var tool: String?
    var schemaVersion: Int?
  }

  struct Document: Decodable {
    var sweeps: [Sweep]
  }

  struct Sweep: Decodable {
    var title: String?
    var model: String?
    var backend: String?
    var label: String?
    var dataset: String?
    var inputLength: Int?
    var outputLength: Int?
    var meanInputLength: Int?
    var source: String?
    var metadata: [String: String]?
    var task: String?
    var variable: String
    var throughputMeasure: String?
    var runs: [Run]
    var knee: Knee?
    var maxStable: Levels?
    var recommended: Recommended?
  }

  /// A level value: a number, or `"inf"` for an unbounded request rate.
  struct LevelValue: Decodable {
    var value: Double?
    var isInfinite: Bool

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Double.self) {
        value = number
        isInfinite = false
      } else {
        let text = try container.decode(String.self)
        value = nil
        isInfinite = text.lowercased() == "inf"
      }
    }

    func level(_ variable: LoadVariable) -> LoadLevel? {
      switch variable {
      case .requestRate: isInfinite ? .requestRate(.infinite) : value.map { .requestRate(.finite($0)) }
      case .concurrency: value.flatMap(Int.init(exactly:)).map(LoadLevel.concurrency)
      case .users: value.flatMap(Int.init(exactly:)).map(LoadLevel.users)
      }
    }
  }

  /// An object holding a level under the variable's name (`concurrency`, `requestRate`,
  /// `users`): a run, the max stable, the knee.
  protocol HoldsLevel {
    var concurrency: LevelValue? { get }
    var requestRate: LevelValue? { get }
    var users: LevelValue? { get }
  }

  struct Levels: Decodable, HoldsLevel {
    var concurrency: LevelValue?
    var requestRate: LevelValue?
    var users: LevelValue?
    var status: String?
    var limitReached: Bool?
  }

  struct Knee: Decodable {
    var headline: Levels?
  }

  struct Recommended: Decodable {
    var low: Double?
    var high: Double?
  }

  struct Summary: Decodable {
    var mean: Double?
    var p50: Double?
    var p90: Double?
    var p95: Double?
    var p99: Double?

    func value(_ statistic: LatencyStatistic) -> Double? {
      switch statistic {
      case .mean: mean
      case .percentile(50): p50
      case .percentile(90): p90
      case .percentile(95): p95
      case .percentile(99): p99
      default: nil
      }
    }
  }

  struct Run: Decodable, HoldsLevel {
    var concurrency: LevelValue?
    var requestRate: LevelValue?
    var users: LevelValue?
    var requests: Int?
    var successRate: Double?
    var requestThroughput: Double?
    var outputThroughput: Double?
    var totalTokenThroughput: Double?
    var perStreamTokensPerSecond: Double?
    var ttftMs: Summary?
    var tpotMs: Summary?
    var itlMs: Summary?
    var e2elMs: Summary?

    /// The run object's numbers under the names `AnalysisJSONWriter` gives them.
    var metrics: [ComparedMetric: Double] {
      var values: [ComparedMetric: Double] = [:]
      values[.successRate] = successRate
      values[.requestThroughput] = requestThroughput
      values[.outputThroughput] = outputThroughput
      values[.totalTokenThroughput] = totalTokenThroughput
      values[.perStreamDecodeSpeed] = perStreamTokensPerSecond
      let summaries: [LatencyMetric: Summary?] = [.ttft: ttftMs, .tpot: tpotMs, .itl: itlMs, .e2el: e2elMs]
      for metric in ComparedMetric.catalogue {
        guard case .latency(let latency, let statistic) = metric, let summary = summaries[latency] ?? nil else {
          continue
        }
        values[metric] = summary.value(statistic)
      }
      return values
    }
  }
}

extension AnalysisJSONReader.HoldsLevel {
  /// The level under `variable`'s key.
  func level(_ variable: LoadVariable) -> LoadLevel? {
    switch variable {
    case .concurrency: concurrency?.level(variable)
    case .requestRate: requestRate?.level(variable)
    case .users: users?.level(variable)
    }
  }
}

/// An `analysis.json` that cannot be used as a comparison side, with the key that is wrong.
public enum AnalysisJSONError: Error, Equatable, CustomStringConvertible {
  case unparsable(path: String, message: String)
  case invalid(path: String, key: String, expected: String)
  case unsupportedSchema(path: String, found: Int?, supported: Int)

  public var description: String {
    switch self {
    case .unparsable(let path, let message):
      "\(path): not a readable analysis.json (\(message)); pass the analysis.json that `benchreport analyze` wrote, or a results folder"
    case .invalid(let path, let key, let expected):
      "\(path): \(key): expected \(expected)"
    case .unsupportedSchema(let path, let found, let supported):
      "\(path): schemaVersion \(found.map(String.init) ?? "missing"); this benchreport reads schemaVersion \(supported) — compare the result folders instead, or re-run analyze with this version"
    }
  }
}
