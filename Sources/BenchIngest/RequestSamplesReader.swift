import BenchModel

/// Reads the per-request arrays (`input_lens`, `output_lens`, `ttfts`, `itls`, `errors`,
/// `latencies`) that vLLM writes in V2–V7a files (and with `--save-detailed`) and SGLang with
/// `--output-details`. Values stay in seconds.
enum RequestSamplesReader {
  /// - Parameter file: where the object was read, named in notes about values left out.
  static func read(_ object: JSONObject, file: String = "", notes: inout [String]) -> RequestSamples? {
    guard let ttftValue = object["ttfts"] else { return nil }
    guard case .numbers(let ttfts) = ttftValue else {
      notes.append("ttfts is \(ttftValue.typeName) of non-numbers; per-request samples ignored")
      return nil
    }
    let count = ttfts.count
    var samples = RequestSamples(timeToFirstToken: ttfts)
    samples.inputLengths = integers(object["input_lens"], name: "input_lens", count: count, notes: &notes) ?? []
    guard let outputLengths = integers(object["output_lens"], name: "output_lens", count: count, notes: &notes)
    else {
      notes.append("output_lens missing or unusable; per-request samples ignored")
      return nil
    }
    samples.outputLengths = outputLengths

    var gaps: [Double] = []
    var offsets: [Int] = [0]
    // Whether every gap is known to be plausible without another pass over them.
    var gapsInRange = false
    switch object["itls"] {
    case .numberLists(let lists)? where lists.count == count:
      gaps = lists.values  // already flat: no copy
      offsets = lists.offsets
      gapsInRange = lists.values.isEmpty || (isPlausible(lists.minimum) && isPlausible(lists.maximum))
    case .array(let lists)? where lists.count == count:
      offsets.reserveCapacity(count + 1)
      for list in lists {
        guard case .numbers(let values) = list else {
          notes.append("itls holds \(list.typeName), expected lists of numbers; per-request samples ignored")
          return nil
        }
        gaps.append(contentsOf: values)
        offsets.append(gaps.count)
      }
    case .numbers(let values)? where values.isEmpty && count == 0:
      break
    case .some(let value):
      let length = value.arrayValue?.count
      notes.append("itls has \(length.map { "\($0) entries" } ?? value.typeName), expected \(count) lists; per-request samples ignored")
      return nil
    case nil:
      offsets = Array(repeating: 0, count: count + 1)
    }
    samples.interTokenGaps = gaps
    samples.gapOffsets = offsets

    switch object["errors"] {
    case .array(let errors)? where errors.count == count:
      var counts: [String: Int] = [:]
      var succeeded: [Bool] = []
      succeeded.reserveCapacity(count)
      for error in errors {
        let message: String
        switch error {
        case .string(let text): message = text
        case .null: message = ""
        default: message = "(non-string error value)"
        }
        succeeded.append(message.isEmpty)
        if !message.isEmpty { counts[summarize(message), default: 0] += 1 }
      }
      samples.succeeded = succeeded
      samples.errorCounts = counts.map { ErrorCount(message: $0.key, count: $0.value) }
        .sorted { ($0.count, $1.message) > ($1.count, $0.message) }
    case .numbers(let values)? where values.isEmpty && count == 0:
      samples.succeeded = []
    case .some(let value):
      notes.append("errors has \(value.arrayValue?.count ?? 0) entries, expected \(count); success taken from output_lens > 0")
      samples.succeeded = outputLengths.map { $0 > 0 }
    case nil:
      samples.succeeded = outputLengths.map { $0 > 0 }
    }

    if case .numbers(let latencies)? = object["latencies"], latencies.count == count {
      samples.endToEndLatency = latencies
    }
    dropImplausibleRequests(&samples, gapsInRange: gapsInRange, file: file, notes: &notes)
    return samples
  }

  /// Longest plausible latency sample, seconds (11.6 days): `1e308` is a corrupt value, not a
  /// slow request, and would make every axis and histogram over it meaningless.
  static let longestPlausibleSeconds = 1e6

  /// Whether a latency sample (seconds) can be used: finite, not negative, not absurd.
  @inline(__always)
  static func isPlausible(_ seconds: Double) -> Bool {
    seconds >= 0 && seconds <= longestPlausibleSeconds  // false for NaN
  }

  /// Whether every value is plausible: one pass without early exit or branches, which the
  /// compiler vectorises (`allSatisfy` with a closure cost ~3 % of the vLLM read).
  static func allPlausible(_ values: [Double]) -> Bool {
    values.withUnsafeBufferPointer { buffer in
      var outside: UInt8 = 0
      for value in buffer {
        outside |= (value >= 0 ? 0 : 1) | (value <= longestPlausibleSeconds ? 0 : 1)
      }
      return outside == 0
    }
  }

  /// Leaves out every request whose TTFT, end-to-end latency or any inter-token gap is NaN,
  /// ±∞, negative or absurdly large, with a note saying how many and the first bad value. One
  /// such value made the percentiles, the charts and then the whole report fail. The arrays
  /// are scanned once (the gaps not at all when the parser's range says they are fine:
  /// `gapsInRange`); they are rebuilt only when something is left out.
  static func dropImplausibleRequests(
    _ samples: inout RequestSamples, gapsInRange: Bool = false, file: String, notes: inout [String]
  ) {
    let count = samples.count
    let gapsFine = gapsInRange || allPlausible(samples.interTokenGaps)
    let ttftsFine = allPlausible(samples.timeToFirstToken)
    let latenciesFine = samples.endToEndLatency.map(allPlausible) ?? true
    guard !(gapsFine && ttftsFine && latenciesFine) else { return }
    var keep = [Bool](repeating: true, count: count)
    var firstBad: (array: String, index: Int, value: Double)?
    func mark(_ index: Int, _ array: String, _ value: Double) {
      keep[index] = false
      if firstBad == nil { firstBad = (array, index, value) }
    }
    for index in 0..<count {
      let ttft = samples.timeToFirstToken[index]
      if !isPlausible(ttft) { mark(index, "ttfts", ttft) }
      if let latency = samples.endToEndLatency?[index], !isPlausible(latency) { mark(index, "latencies", latency) }
      if samples.gapOffsets.count == count + 1,
        let bad = samples.interTokenGaps[samples.gapOffsets[index]..<samples.gapOffsets[index + 1]].first(where: { !isPlausible($0) })
      {
        mark(index, "itls", bad)
      }
    }
    let dropped = keep.filter { !$0 }.count
    guard dropped > 0, let firstBad else { return }
    func kept<T>(_ values: [T]) -> [T] { values.count == count ? values.indices.filter { keep[$0] }.map { values[$0] } : values }
    var result = RequestSamples(
      inputLengths: kept(samples.inputLengths), outputLengths: kept(samples.outputLengths),
      timeToFirstToken: kept(samples.timeToFirstToken), endToEndLatency: samples.endToEndLatency.map(kept),
      succeeded: kept(samples.succeeded), errorCounts: samples.errorCounts)
    var gaps: [Double] = []
    var offsets: [Int] = [0]
    if samples.gapOffsets.count == count + 1 {
      for index in 0..<count where keep[index] {
        gaps.append(contentsOf: samples.interTokenGaps[samples.gapOffsets[index]..<samples.gapOffsets[index + 1]])
        offsets.append(gaps.count)
      }
    }
    result.interTokenGaps = gaps
    result.gapOffsets = offsets
    samples = result
    let value = firstBad.value.isNaN ? "NaN" : "\(firstBad.value)"
    notes.append(
      (file.isEmpty ? "" : "\(file): ") + "\(dropped) of \(count) requests left out of the per-request samples: a latency that is NaN, infinite, negative or "
        + "over \(Int(longestPlausibleSeconds)) s (first: \(firstBad.array)[\(firstBad.index)] = \(value))")
  }

  private static func integers(_ value: JSONValue?, name: String, count: Int, notes: inout [String]) -> [Int]? {
    guard let value else { return nil }
    guard case .numbers(let numbers) = value else {
      notes.append("\(name) is \(value.typeName) of non-numbers; ignored")
      return nil
    }
    guard numbers.count == count else {
      notes.append("\(name) has \(numbers.count) entries but ttfts has \(count); ignored")
      return nil
    }
    var result: [Int] = []
    result.reserveCapacity(count)
    for number in numbers {
      guard number.isFinite, number >= 0, number < 1e15 else {
        notes.append("\(name) holds \(number); ignored")
        return nil
      }
      result.append(Int(number))
    }
    return result
  }

  /// The line of an error message that says what happened: a traceback's last line.
  static func summarize(_ message: String) -> String {
    let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }
    let line = lines.last(where: { !$0.isEmpty }) ?? ""
    return line.count > 200 ? String(line.prefix(200)) + "…" : line
  }
}

extension Substring {
  func trimmingCharacters() -> String { String(String(self).trimmingSpaces) }
}
