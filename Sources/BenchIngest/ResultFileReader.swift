import BenchModel

/// Reads one input file's bytes into runs, by content: one object, several objects (JSONL,
/// `--append-result`), or a top-level array (`summary.json`); each object is classified on its
/// own keys.
public struct ResultFileReader: Sendable {
  let parser = TolerantJSONParser(skippedKeys: ["generated_texts"], flattenedKeys: ["itls"])

  public init() {}

  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - path: the path shown to the user (relative to the analysed folder).
  public func read(_ bytes: [UInt8], path: String) -> IngestResult {
    bytes.withUnsafeBufferPointer { read($0, path: path) }
  }

  /// Reads a file's bytes in place (e.g. memory-mapped).
  ///
  /// - Parameter releaseConsumed: see ``TolerantJSONParser/parseDocuments(_:releaseConsumed:)``.
  public func read(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, releaseConsumed: ((Int) -> Void)? = nil
  ) -> IngestResult {
    var result = IngestResult(filesExamined: 1)
    let firstByte = LeadingBytes.first(of: bytes)
    guard let firstByte else {
      result.skipped.append(SkippedInput(location: SourceLocation(path: path), kind: .unreadable, reason: "empty file"))
      return result
    }
    guard firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") else {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: path), kind: .notAResult, reason: "not JSON (does not start with '{' or '[')"))
      return result
    }
    // Documents are converted as they are parsed and then dropped. Whether locations carry a
    // line number depends on there being more than one, so the first waits for the second.
    var first: TolerantJSONParser.Document?
    var count = 0
    var notRead: (count: Int, firstLine: Int, lastLine: Int)?
    func convert(_ document: TolerantJSONParser.Document, multiple: Bool) {
      switch document.value {
      case .object(let object):
        let location = SourceLocation(path: path, line: multiple ? document.line : nil)
        read(object, at: location, into: &result)
      case .array(let elements):
        readArray(elements, path: path, line: multiple ? document.line : nil, into: &result)
      case .numbers(let numbers) where numbers.isEmpty:
        result.skipped.append(SkippedInput(location: SourceLocation(path: path), kind: .notAResult, reason: "empty JSON array"))
      default:
        result.skipped.append(
          SkippedInput(
            location: SourceLocation(path: path, line: multiple ? document.line : nil), kind: .notAResult,
            reason: "top-level value is \(document.value.typeName), not a result object"))
      }
    }
    let error = parser.parseDocuments(bytes, releaseConsumed: releaseConsumed) { document in
      count += 1
      if count == 1 {
        first = document
        return
      }
      if count == 2, let pending = first {
        convert(pending, multiple: true)
        first = nil
      }
      guard count <= Self.maximumObjects else {
        notRead = (count: (notRead?.count ?? 0) + 1, firstLine: notRead?.firstLine ?? document.line, lastLine: document.line)
        return
      }
      convert(document, multiple: true)
    }
    if let pending = first { convert(pending, multiple: error != nil) }
    if let notRead {
      result.skipped.append(
        SkippedInput(
          location: SourceLocation(path: path, line: notRead.firstLine), kind: .unsupported,
          reason: "\(notRead.count) more result objects (lines \(notRead.firstLine)–\(notRead.lastLine)) not read: "
            + "benchreport reads at most \(Self.maximumObjects) per file, to keep memory bounded; split the file to read them all"))
    }
    if let error, count == 0, Self.looksLikeConsoleText(bytes, error: error) {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: path), kind: .notAResult, reason: Self.consoleTextReason))
      return result
    }
    if let error {
      let kept = result.runs.count
      let suffix = kept > 0 ? "; the \(kept) result\(kept == 1 ? "" : "s") before it were read" : ""
      result.skipped.append(
        SkippedInput(
          location: SourceLocation(path: path, line: error.line), kind: .unreadable,
          reason: "invalid JSON at line \(error.line), column \(error.column): \(error.message)\(suffix)"))
    }
    return result
  }

  /// Why console output and notes kept beside the results are skipped.
  public static let consoleTextReason = "console log / notes, not a result file"

  /// Whether a file that starts like JSON but breaks on its first line is console output or
  /// notes (`[2026-01-03 10:00:01] INFO …`, `[rank0]: …`, `[1/100] …`) rather than a broken
  /// result: it has more lines after the broken first one, and its head names none of the keys
  /// every result has. A result cut short, or with a typo, stays unreadable (exit 1).
  static func looksLikeConsoleText(_ bytes: UnsafeBufferPointer<UInt8>, error: JSONParseError) -> Bool {
    guard error.line == 1 else { return false }
    let head = UnsafeBufferPointer(rebasing: bytes.prefix(64 * 1024))
    guard let newline = head.firstIndex(of: 0x0A), head[(newline + 1)...].contains(where: { !LeadingBytes.isInsignificant($0) })
    else {
      return false
    }
    return !ResultKind.metricKeys.contains { ByteSearch.firstOccurrence(of: Array("\"\($0)\"".utf8), in: head) != nil }
  }

  /// Result objects read from one file (`--append-result`, JSONL); the rest are counted and
  /// listed as not read. 100 000 objects took 880 MB; a real sweep file has tens.
  static let maximumObjects = 1000

  private func readArray(_ elements: [JSONValue], path: String, line: Int?, into result: inout IngestResult) {
    for (index, element) in elements.enumerated() {
      let location = SourceLocation(path: path, line: line, arrayIndex: index)
      guard case .object(let object) = element else {
        result.skipped.append(
          SkippedInput(location: location, kind: .notAResult, reason: "array element is \(element.typeName), not a result object"))
        continue
      }
      read(object, at: location, into: &result)
    }
  }

  private func read(_ object: JSONObject, at location: SourceLocation, into result: inout IngestResult) {
    let before = result.runs.count
    readClassified(object, at: location, into: &result)
    // A load level of 0 or less (`max_concurrency: 0`, a rate of 0) is no point on any curve:
    // its axis position broke the charts and with them the whole report.
    if result.runs.count > before, let reason = Self.invalidLevel(result.runs[before]) {
      result.runs.removeLast()
      result.skipped.append(SkippedInput(location: location, kind: .unreadable, reason: reason))
    }
  }

  /// Why a run's load level cannot be used, nil when it can.
  static func invalidLevel(_ run: Run) -> String? {
    if let concurrency = run.maxConcurrency, concurrency <= 0 {
      return "max_concurrency is \(concurrency), not a load level; run left out"
    }
    if case .finite(let rate)? = run.requestRate, !(rate > 0) {
      return "request_rate is \(rate), not a load level; run left out"
    }
    return nil
  }

  private func readClassified(_ object: JSONObject, at location: SourceLocation, into result: inout IngestResult) {
    switch ResultKind.classify(object) {
    case .vllm(let schema):
      let run = VLLMServingReader.read(object, source: location, format: SourceFormat(tool: .vllmServe, schema: schema))
      result.runs.append(Self.recoverLevelsFromFileName(run, object: object))
    case .vllmSweepRun(let schema, _):
      let run = VLLMServingReader.read(object, source: location, format: SourceFormat(tool: .vllmSweep, schema: schema))
      result.runs.append(Self.recoverLevelsFromFileName(run, object: object))
    case .sglang(let schema):
      result.runs.append(SGLangReader.read(object, source: location, format: SourceFormat(tool: .sglang, schema: schema)))
    case .notAResult(let reason):
      result.skipped.append(SkippedInput(location: location, kind: .notAResult, reason: reason))
    }
  }

  /// Load levels missing from the JSON, recovered from the file name and noted on the run.
  /// Only absent keys are recovered: `"max_concurrency": null` means "unlimited" and stays.
  static func recoverLevelsFromFileName(_ run: Run, object: JSONObject) -> Run {
    var run = run
    let name = run.source.path.split(separator: "/").last.map(String.init) ?? run.source.path
    if object["request_rate"] == nil, let rate = FileNameHints.requestRate(in: name) {
      run.requestRate = rate
      run.notes.append("request rate \(rate) taken from the file name")
    }
    if object["max_concurrency"] == nil, let concurrency = FileNameHints.concurrency(in: name) {
      run.maxConcurrency = concurrency
      run.notes.append("concurrency \(concurrency) taken from the file name")
    }
    return run
  }
}
