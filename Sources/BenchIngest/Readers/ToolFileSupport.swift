import BenchModel
import Foundation
import Yams

/// What the readers of the other load-test tools (GuideLLM, AIPerf, inference-perf, LLMPerf,
/// genai-bench, llm-d reports) share: reading one file whole (memory-mapped, timed for
/// `--timings`), and looking values up in the parsed tree.
enum ToolFile {
  /// The plan of a reader that sorts each file it won by a kind sniffed from its head: files of a
  /// kind with a skip reason are listed as skipped (recognised, not a result), the others read
  /// one job each, and files of no kind handed on to the next reader.
  static func plan<Kind>(
    _ files: [SniffedFile], kind: (SniffedFile) -> Kind?, skipReason: (Kind) -> String?,
    read: @escaping @Sendable (SniffedFile, Kind) -> IngestResult
  ) -> ReadPlan where Kind: Sendable {
    var plan = ReadPlan()
    for file in files {
      guard let sniffed = kind(file) else {
        plan.declined.append(file)
        continue
      }
      if let reason = skipReason(sniffed) {
        plan.skipped.append(SkippedInput(location: SourceLocation(path: file.display), kind: .notAResult, reason: reason))
      } else {
        plan.jobs.append(ReadJob(startOrderSize: 0) { read(file, sniffed) })
      }
    }
    return plan
  }

  /// Reads `file` memory-mapped and hands its bytes to `convert`; counts the file as examined,
  /// says so when it changed while it was read, and times it under `tool`'s name.
  static func read(
    _ file: (path: String, display: String), tool: SourceFormat.Tool,
    convert: (UnsafeBufferPointer<UInt8>) -> IngestResult
  ) -> IngestResult {
    let started = MonotonicClock.seconds()
    let startedCPU = MonotonicClock.threadCPUSeconds()
    var result = IngestResult()
    var size = 0
    if let mapped = MappedFile(path: file.path) {
      size = mapped.bytes.count
      result = convert(mapped.bytes)
      if mapped.changedSinceMapped {
        result = IngestResult()
        result.skipped.append(InputScanner.changedWhileRead(file.display))
      }
    } else {
      result.skipped.append(
        SkippedInput(
          location: SourceLocation(path: file.display), kind: .unreadable,
          reason: "cannot be read (permission denied or not a regular file)"))
    }
    result.filesExamined = 1
    result.timings.append(
      FileIngestTiming(
        format: result.runs.isEmpty ? "skipped" : tool.rawValue, bytes: size,
        seconds: MonotonicClock.seconds() - started, cpuSeconds: MonotonicClock.threadCPUSeconds() - startedCPU))
    return result
  }

  /// Parses one JSON value, or says in the tool's name why the file could not be read.
  static func parseJSON(
    _ bytes: UnsafeBufferPointer<UInt8>, display: String, toolName: String, skippedKeys: Set<String> = []
  ) -> Result<JSONValue, SkippedInput> {
    let parsed = TolerantJSONParser(skippedKeys: skippedKeys).parseDocuments(bytes)
    if let error = parsed.error {
      return .failure(
        SkippedInput(
          location: SourceLocation(path: display, line: error.line), kind: .unreadable,
          reason: "\(toolName) file that is not valid JSON: \(error)"))
    }
    guard parsed.documents.count == 1 else {
      return .failure(
        SkippedInput(
          location: SourceLocation(path: display), kind: .unreadable,
          reason: "\(toolName) file with \(parsed.documents.count) top-level JSON values, expected one"))
    }
    return .success(parsed.documents[0].value)
  }

  /// Parses a YAML document into the same tree as JSON (for GuideLLM's and llm-d's YAML
  /// outputs; they are small, so Yams is fast enough).
  static func parseYAML(_ bytes: UnsafeBufferPointer<UInt8>, display: String, toolName: String) -> Result<JSONValue, SkippedInput> {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      guard let node = try Yams.compose(yaml: text) else {
        return .failure(
          SkippedInput(location: SourceLocation(path: display), kind: .unreadable, reason: "\(toolName) YAML file with no document"))
      }
      return .success(jsonValue(node))
    } catch {
      return .failure(
        SkippedInput(
          location: SourceLocation(path: display), kind: .unreadable, reason: "\(toolName) file that is not valid YAML: \(error)"))
    }
  }

  /// A YAML node as a JSON value: scalars resolved as YAML 1.1 does (`.inf`, `null`, empty
  /// value = null), mappings keep their order.
  static func jsonValue(_ node: Node) -> JSONValue {
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain {
        if let value = Bool.construct(from: scalar), ["true", "false", "True", "False"].contains(scalar.string) { return .bool(value) }
        if scalar.string.isEmpty || scalar.string == "~" || scalar.string.lowercased() == "null" { return .null }
        if let value = Int.construct(from: scalar) { return .number(Double(value)) }
        if let value = Double.construct(from: scalar) { return .number(value) }
      }
      return .string(scalar.string)
    case .mapping(let mapping):
      var object = JSONObject()
      for (key, value) in mapping { object.set(key.scalar?.string ?? "", jsonValue(value)) }
      return .object(object)
    case .sequence(let sequence):
      return .array(sequence.map(jsonValue))
    case .alias:
      return .null
    }
  }

  /// Whether `bytes` (a file's head) contains `text`.
  static func head(_ bytes: [UInt8], contains text: String) -> Bool { ByteSearch.contains(text, in: bytes) }

  /// The file's first non-blank byte.
  static func firstByte(_ bytes: [UInt8]) -> UInt8? { LeadingBytes.first(of: bytes) }
}

extension JSONValue {
  /// The value at `key` of an object; nil for anything else.
  subscript(_ key: String) -> JSONValue? { objectValue?[key] }

  /// The value at a path of object keys.
  func at(_ path: String...) -> JSONValue? {
    var value: JSONValue? = self
    for key in path { value = value?[key] }
    return value
  }

  /// A number, also when written as a string (`"550"`, numpy integers in LLMPerf) or `"inf"`.
  var doubleValue: Double? {
    switch self {
    case .number(let value): value
    case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
    default: nil
    }
  }

  /// A whole number (a finite number with no fraction).
  var intValue: Int? {
    guard let value = doubleValue, value.isFinite, value.rounded() == value, abs(value) < 1e15 else { return nil }
    return Int(value)
  }

  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}

/// Statistics objects of the other tools (`{mean, median, p99, …}` under each tool's key names)
/// turned into a `LatencySummary` in milliseconds, origin `.reported`.
enum ReportedStatistics {
  /// Reads `stats` with the tool's key names; `percentile` turns a key into a percentile
  /// (0–100) or nil; `scale` converts the file's unit to ms. Nil when no number is there.
  static func summary(
    _ stats: JSONValue?, mean: String = "mean", median: String? = "median", standardDeviation: String? = nil,
    scale: Double = 1, percentile: (String) -> Double?
  ) -> LatencySummary? {
    guard let object = stats?.objectValue else { return nil }
    var summary = LatencySummary(origin: .reported)
    summary.mean = object[mean]?.doubleValue.map { $0 * scale }
    if let median { summary.median = object[median]?.doubleValue.map { $0 * scale } }
    if let standardDeviation { summary.standardDeviation = object[standardDeviation]?.doubleValue.map { $0 * scale } }
    // Percentiles sit beside the mean, or in a `percentiles` object (GuideLLM).
    for table in [object, object["percentiles"]?.objectValue].compactMap({ $0 }) {
      for key in table.keys {
        if let p = percentile(key), let value = table[key]?.doubleValue, value.isFinite {
          summary.percentiles[p] = value * scale
        }
      }
    }
    if summary.median == nil, let p50 = summary.percentiles[50] { summary.median = p50 }
    if let median = summary.median, summary.percentiles[50] == nil { summary.percentiles[50] = median }
    return summary.isEmpty ? nil : summary
  }

  /// `p99`, `p99.9`, `p0.1`, `p99p9` (llm-d spells the point `p`): the number after `p`.
  static func plainPercentile(_ key: String) -> Double? {
    guard key.hasPrefix("p"), key.count > 1 else { return nil }
    let number = key.dropFirst().replacingOccurrences(of: "p", with: ".")
    guard let value = Double(number), value > 0, value < 100 else { return nil }
    return value
  }

  /// The unit a tool names (`ms`, `s`, `sec`, `ns`, `s/token`) as a factor to milliseconds.
  static func millisecondsFactor(unit: String?) -> Double? {
    switch unit?.lowercased() {
    case "ms", "ms/token": 1
    case "s", "sec", "seconds", "s/token": 1000
    case "us", "µs": 0.001
    case "ns": 1e-6
    default: nil
    }
  }
}
