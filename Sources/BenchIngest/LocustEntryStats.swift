/// Final statistics of one Locust entry (a request name and method) or of the whole run
/// (`Aggregated`), from whichever output had them. Times in **milliseconds**, rates per second.
struct LocustEntryStats: Sendable, Equatable {
  /// Request method or custom request type; nil for the total row and for `None`.
  var method: String?
  var name: String
  /// True for Locust's total row (`Aggregated`, `Total` before 0.12.2).
  var isAggregate: Bool
  /// Completed requests, failures included.
  var requests: Int
  var failures: Int
  var medianMilliseconds: Double?
  /// Mean response time over all requests, failed ones included (as Locust computes it).
  var averageMilliseconds: Double?
  var minMilliseconds: Double?
  var maxMilliseconds: Double?
  /// Response-time percentiles (0–100 → ms), bucketed to ~2 significant digits by Locust.
  var percentiles: [Double: Double]
  /// Locust's `Requests/s` (failures included) and `Failures/s` over the whole run.
  var requestsPerSecond: Double?
  var failuresPerSecond: Double?
  /// Run time the rates refer to, when the source says (JSON: last request − start), seconds.
  var durationSeconds: Double?
  /// Unix seconds of the stats start and of the last request, when the source says (JSON).
  var startTime: Double?
  var lastRequestTime: Double?
  /// Locust's response-time histogram (bucket ms → requests), from `--json` only: every
  /// request, so a comparison can test changes statistically.
  var responseTimeHistogram: [Double: Int] = [:]

  init(method: String?, name: String, isAggregate: Bool, requests: Int, failures: Int) {
    self.method = method
    self.name = name
    self.isAggregate = isAggregate
    self.requests = requests
    self.failures = failures
    self.percentiles = [:]
  }

  /// `POST qwen2`, or just the name when there is no method.
  var displayName: String { method.map { "\($0) \(name)" } ?? name }
}

/// Locust's cell values: numbers in any Python form (`62`, `370.0`, `3.3e-05`, `47.333333`),
/// `N/A` and empty meaning "no value".
enum LocustCell {
  static func number(_ text: String?) -> Double? {
    guard let text else { return nil }
    let trimmed = text.trimmingWhitespace()
    if trimmed.isEmpty || trimmed == "N/A" { return nil }
    // Plain decimals (every cell of a history) take the JSON parser's number path, which
    // rounds exactly as strtod does; anything else (`+1`, `.5`, `inf`) is left to Double().
    var utf8 = trimmed
    let parsed = utf8.withUTF8 { TolerantJSONParser.plainNumber($0) } ?? Double(trimmed)
    guard let value = parsed, value.isFinite else { return nil }
    return value
  }

  static func integer(_ text: String?) -> Int? {
    integer(fromNumber: number(text))
  }

  /// `number(_:)` of a cell given as its UTF-8 bytes, without making a `String` of it when it
  /// is plain ASCII (every cell of a history): the same value for the same text.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return number(String(decoding: bytes, as: UTF8.self)) }
    return number(ascii: bytes)
  }

  /// `number(_:)` of a cell known to be ASCII (a record the CSV reader found plain ASCII):
  /// the commonest cells (`812`, `0.369896`) go straight to the short-decimal parse.
  @inline(__always)
  static func number(ascii bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    if let value = TolerantJSONParser.shortDecimal(bytes) { return value }
    // For ASCII text, `trimmingWhitespace` drops exactly these bytes from both ends.
    func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    var start = 0
    var end = bytes.count
    while start < end, isWhitespace(bytes[start]) { start += 1 }
    while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if trimmed.isEmpty || (trimmed.count == 3 && trimmed[0] == 0x4E && trimmed[1] == 0x2F && trimmed[2] == 0x41) { return nil }  // N/A
    guard let value = TolerantJSONParser.plainNumber(trimmed) ?? Double(String(decoding: trimmed, as: UTF8.self)), value.isFinite
    else { return nil }
    return value
  }

  /// `integer(_:)` of a cell given as its UTF-8 bytes.
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    integer(fromNumber: number(bytes))
  }

  /// `integer(_:)` of a cell known to be ASCII.
  static func integer(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    integer(fromNumber: number(ascii: bytes))
  }

  private static func integer(fromNumber value: Double?) -> Int? {
    guard let value, value >= 0, value < 1e15 else { return nil }
    return Int(value.rounded())
  }

  /// The method column: empty and Python's `None` mean "no method".
  static func method(_ text: String?) -> String? {
    guard let text else { return nil }
    let trimmed = text.trimmingWhitespace()
    return trimmed.isEmpty || trimmed == "None" ? nil : trimmed
  }

  /// True for the total row's name: `Aggregated`, `Total`, or `None Total` (v0.8 distribution).
  static func isTotalName(_ name: String) -> Bool {
    name == "Aggregated" || name == "Total" || name == "None Total" || name == "None Aggregated"
  }
}
