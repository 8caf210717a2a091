#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A JSON parser for benchmark result files, tolerant where the tools are sloppy and strict
/// everywhere else.
///
/// Why not `JSONSerialization`: it rejects Python's bare `NaN`, `Infinity` and `-Infinity`
/// (which `json.dump` writes by default), cannot read several top-level values (vLLM
/// `--append-result`, SGLang JSONL), and gives no line numbers. This parser accepts exactly RFC
/// 8259 plus those three literals, reads any number of whitespace-separated top-level values,
/// reports errors with line and column, and can leave the values of chosen keys unbuilt
/// (`generated_texts`, which makes up most of a file's bytes).
public struct TolerantJSONParser: Sendable {
  /// Object keys whose values are scanned for syntax but not materialised.
  public var skippedKeys: Set<String>
  /// Object keys whose value, when it is an array of number arrays (`itls`), is stored flat as
  /// ``JSONValue/numberLists(_:)``: one `[Double]` instead of one array per request.
  public var flattenedKeys: Set<String>
  /// Nesting deeper than this is rejected rather than risking the stack.
  public var maximumDepth: Int

  public init(skippedKeys: Set<String> = [], flattenedKeys: Set<String> = [], maximumDepth: Int = 256) {
    self.skippedKeys = skippedKeys
    self.flattenedKeys = flattenedKeys
    self.maximumDepth = maximumDepth
  }

  /// One top-level value and the 1-based line it starts on.
  public struct Document: Sendable {
    public var value: JSONValue
    public var line: Int
  }

  /// The values read before an error (if any), and the error that stopped the reading.
  public struct Result: Sendable {
    public var documents: [Document]
    public var error: JSONParseError?
  }

  /// Parses every top-level value in `bytes`. A syntax error stops the reading; the values
  /// before it are still returned, so one truncated line does not lose a whole JSONL file.
  public func parseDocuments(_ bytes: [UInt8]) -> Result {
    bytes.withUnsafeBufferPointer { parseDocuments($0) }
  }

  /// Parses every top-level value in `buffer` (no terminator needed, nothing copied).
  ///
  /// - Parameter releaseConsumed: called now and then with an offset below which the parser
  ///   will not read again (except to count lines for an error message); a memory-mapped
  ///   file uses it to drop the pages already parsed, so a large file never sits in memory
  ///   whole.
  public func parseDocuments(
    _ buffer: UnsafeBufferPointer<UInt8>, releaseConsumed: ((Int) -> Void)? = nil
  ) -> Result {
    var documents: [Document] = []
    let error = parseDocuments(buffer, releaseConsumed: releaseConsumed) { documents.append($0) }
    return Result(documents: documents, error: error)
  }

  /// Parses every top-level value in `buffer`, handing each to `each` as soon as it is read and
  /// keeping none: a file of 100 000 `--append-result` objects never holds all their trees at
  /// once. Returns the error that stopped the reading, if any.
  public func parseDocuments(
    _ buffer: UnsafeBufferPointer<UInt8>, releaseConsumed: ((Int) -> Void)? = nil, each: (Document) -> Void
  ) -> JSONParseError? {
    powersOfFive128.withUnsafeBufferPointer { table in
      var cursor = Cursor(
        bytes: buffer, end: buffer.count, skippedKeys: skippedKeys, flattenedKeys: flattenedKeys,
        maximumDepth: maximumDepth, powersOfFive: table.baseAddress!, releaseConsumed: releaseConsumed)
      // Lines are counted incrementally between documents, so a JSONL file with many lines
      // costs one pass, not one rescan per line.
      var line = 1
      var counted = 0
      do {
        while true {
          cursor.skipWhitespace()
          if cursor.position >= cursor.end { break }
          line += cursor.newlines(from: counted, to: cursor.position)
          counted = cursor.position
          let value = try cursor.parseValue(depth: 0)
          each(Document(value: value, line: line))
        }
        return nil
      } catch let error as JSONParseError {
        return error
      } catch {
        return cursor.error("unexpected failure: \(error)")
      }
    }
  }

  /// The value of `bytes` when they are exactly one RFC 8259 number (`12`, `-0.5`,
  /// `3.3e-05`), else nil: a fast, correctly rounded path for callers that would otherwise
  /// use `Double(String)` (strtod), e.g. the cells of a Locust history.
  static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let first = bytes.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) else { return nil }
    if let value = shortDecimal(bytes) { return value }
    return powersOfFive128.withUnsafeBufferPointer { table in
      var cursor = Cursor(
        bytes: bytes, end: bytes.count, skippedKeys: [], flattenedKeys: [], maximumDepth: 1,
        powersOfFive: table.baseAddress!, releaseConsumed: nil)
      guard let value = try? cursor.parseNumber(), cursor.position == bytes.count else { return nil }
      return value
    }
  }

  /// `plainNumber` of the commonest cells (`812`, `0.369896`, `-3.5`: at most 18 digits, no
  /// exponent) by Clinger's fast path — the same arithmetic, hence the same value, as the
  /// cursor's `parseNumber`, without setting up a cursor per cell (that was half the cost of
  /// reading a Locust history). Nil for anything else, which takes the full path.
  static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let count = bytes.count
    guard count > 0 else { return nil }
    var position = 0
    let negative = bytes[0] == UInt8(ascii: "-")
    if negative { position = 1 }
    guard position < count, count - position <= 19 else { return nil }
    // No leading zero before a digit ("01" is not a JSON number): the full path decides.
    if bytes[position] == 0x30, position + 1 < count, bytes[position + 1] != UInt8(ascii: ".") { return nil }
    var mantissa: UInt64 = 0
    var exponent = 0
    var digits = 0
    var sawPoint = false
    while position < count {
      let byte = bytes[position]
      if byte >= 0x30 && byte <= 0x39 {
        mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
        digits += 1
        if sawPoint { exponent -= 1 }
      } else if byte == UInt8(ascii: ".") && !sawPoint && digits > 0 {
        sawPoint = true
        guard position + 1 < count else { return nil }  // "5." is not a number
      } else {
        return nil
      }
      position += 1
    }
    guard digits <= 18, mantissa <= 1 << 53, exponent >= -22 else { return nil }
    // Whole numbers (most cells) need no division by 10⁰.
    let value = exponent == 0 ? Double(mantissa) : Double(mantissa) / Cursor.powersOfTen[-exponent]
    return negative ? -value : value
  }

  /// Parses exactly one value (trailing whitespace allowed).
  public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    let result = parseDocuments(bytes)
    if let error = result.error { throw error }
    guard result.documents.count == 1 else {
      throw JSONParseError(
        line: result.documents.dropFirst().first?.line ?? 1, column: 1,
        message: result.documents.isEmpty
          ? "the file holds no JSON value" : "more than one top-level value")
    }
    return result.documents[0].value
  }
}

/// The parsing state over one buffer.
private struct Cursor {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let skippedKeys: Set<String>
  let flattenedKeys: Set<String>
  let maximumDepth: Int
  let powersOfFive: UnsafePointer<UInt64>
  let releaseConsumed: ((Int) -> Void)?
  /// Next offset at which `releaseConsumed` is called.
  var nextRelease: Int
  var position = 0

  /// Bytes parsed between two calls of `releaseConsumed`.
  static let releaseStride = 8 << 20

  init(
    bytes: UnsafeBufferPointer<UInt8>, end: Int, skippedKeys: Set<String>, flattenedKeys: Set<String>,
    maximumDepth: Int, powersOfFive: UnsafePointer<UInt64>, releaseConsumed: ((Int) -> Void)?
  ) {
    self.bytes = bytes
    self.end = end
    self.skippedKeys = skippedKeys
    self.flattenedKeys = flattenedKeys
    self.maximumDepth = maximumDepth
    self.powersOfFive = powersOfFive
    self.releaseConsumed = releaseConsumed
    self.nextRelease = releaseConsumed == nil ? Int.max : Self.releaseStride
    // A UTF-8 byte-order mark is not JSON, but editors write one; skip it.
    if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
  }

  /// Lets the owner of the buffer drop what lies before the current element; called between
  /// array elements, so checking is one comparison per element.
  @inline(__always)
  mutating func releaseIfDue() {
    if position >= nextRelease {
      releaseConsumed?(position)
      nextRelease = position + Self.releaseStride
    }
  }

  /// Number of line feeds in `start..<stop`.
  func newlines(from start: Int, to stop: Int) -> Int {
    var count = 0
    var index = start
    while index < stop && index < end {
      if bytes[index] == UInt8(ascii: "\n") { count += 1 }
      index += 1
    }
    return count
  }

  func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
    let offset = min(offset ?? position, end)
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    return JSONParseError(line: line, column: offset - lineStart + 1, message: message)
  }

  func describeByte(at offset: Int) -> String {
    guard offset < end else { return "end of file" }
    let byte = bytes[offset]
    if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16, uppercase: true))"
  }

  mutating func skipWhitespace() {
    while position < end {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    guard position < end else { throw error("unexpected end of file, expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "N"):
      try expectLiteral("NaN")
      return .number(.nan)
    case UInt8(ascii: "I"):
      try expectLiteral("Infinity")
      return .number(.infinity)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw error("unexpected \(describeByte(at: position)), expected a value")
    }
  }

  mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let start = position
    let count = literal.utf8CodeUnitCount
    guard position + count <= end else {
      throw error("unexpected end of file in '\(literal)'", at: start)
    }
    let pointer = literal.utf8Start
    for index in 0..<count where bytes[position + index] != pointer[index] {
      throw error("invalid literal, expected '\(literal)'", at: start)
    }
    position += count
  }

  mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
    position += 1  // {
    var object = JSONObject()
    skipWhitespace()
    if position < end && bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard position < end else { throw error("unexpected end of file inside an object") }
      guard bytes[position] == UInt8(ascii: "\"") else {
        throw error("unexpected \(describeByte(at: position)), expected a key in double quotes")
      }
      let key = try parseString()
      skipWhitespace()
      guard position < end, bytes[position] == UInt8(ascii: ":") else {
        throw error("unexpected \(describeByte(at: position)) after key \"\(key)\", expected ':'")
      }
      position += 1
      if skippedKeys.contains(key) {
        try skipValue(depth: depth)
        object.set(key, .skipped)
      } else if flattenedKeys.contains(key) {
        object.set(key, try parseNumberListsOrValue(depth: depth))
      } else {
        object.set(key, try parseValue(depth: depth))
      }
      skipWhitespace()
      guard position < end else { throw error("unexpected end of file inside an object") }
      switch bytes[position] {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(object)
      default:
        throw error("unexpected \(describeByte(at: position)) after value of \"\(key)\", expected ',' or '}'")
      }
    }
  }

  mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
    position += 1  // [
    skipWhitespace()
    if position < end && bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .numbers([])
    }
    var numbers: [Double] = []
    var values: [JSONValue]? = nil
    while true {
      releaseIfDue()
      skipWhitespace()
      if values == nil, position < end, Self.startsNumber(bytes[position]) {
        numbers.append(try parseNumber())  // no JSONValue per element
      } else {
        let value = try parseValue(depth: depth)
        if values == nil, case .number(let number) = value {
          numbers.append(number)
        } else {
          if values == nil { values = numbers.map(JSONValue.number) }
          values!.append(value)
        }
      }
      skipWhitespace()
      guard position < end else { throw error("unexpected end of file inside an array") }
      switch bytes[position] {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        if let values { return .array(values) }
        return .numbers(numbers)
      default:
        throw error("unexpected \(describeByte(at: position)) in an array, expected ',' or ']'")
      }
    }
  }

  /// `-` or a digit: the first byte of a number other than NaN / Infinity.
  @inline(__always)
  static func startsNumber(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  /// An array of number arrays, read straight into one flat buffer (`.numberLists`); any
  /// other value is read as usual (the cursor goes back to where the value started).
  mutating func parseNumberListsOrValue(depth: Int) throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    let start = position
    guard position < end, bytes[position] == UInt8(ascii: "["), depth + 2 <= maximumDepth else {
      return try parseValue(depth: depth)
    }
    var lists = NumberLists()
    var low = Double.infinity
    var high = -Double.infinity
    position += 1
    skipWhitespace()
    if position < end && bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .numbers([])  // as parseArray reads `[]`
    }
    outer: while true {
      releaseIfDue()
      skipWhitespace()
      guard position < end, bytes[position] == UInt8(ascii: "[") else { break outer }
      position += 1
      skipWhitespace()
      if position < end && bytes[position] == UInt8(ascii: "]") {
        position += 1
      } else {
        while true {
          skipWhitespace()
          guard position < end, Self.startsNumber(bytes[position]) else { break outer }
          let value = try parseNumber()
          lists.values.append(value)
          // In locals (registers), stored once at the end.
          if value < low { low = value }
          if value > high { high = value }
          skipWhitespace()
          guard position < end else { break outer }
          if bytes[position] == UInt8(ascii: ",") {
            position += 1
          } else if bytes[position] == UInt8(ascii: "]") {
            position += 1
            break
          } else {
            break outer
          }
        }
      }
      lists.offsets.append(lists.values.count)
      if lists.offsets.count == 2 { Self.reserveForTheRest(&lists, firstListBytes: position - start, remainingBytes: end - position) }
      skipWhitespace()
      guard position < end else { break outer }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "]") {
        position += 1
        lists.minimum = low
        lists.maximum = high
        return .numberLists(lists)
      } else {
        break outer
      }
    }
    // Not (only) lists of plain numbers, or a syntax error: read it the ordinary way, which
    // builds the right value or reports the error where it is.
    position = start
    return try parseValue(depth: depth)
  }

  /// Reserves room for the lists still to come, judged by the first list's bytes per number
  /// as if the rest of the file were more of the same (an overestimate: other keys follow).
  ///
  /// Why: `itls` is millions of numbers in one array; grown by doubling, it was copied about
  /// twice over and every new block faulted in anew — about a tenth of reading a vLLM file.
  /// Reserved capacity that is never written is never touched, so it costs no memory.
  static func reserveForTheRest(_ lists: inout NumberLists, firstListBytes: Int, remainingBytes: Int) {
    guard lists.values.count >= 8 else { return }
    let bytesPerNumber = max(4, firstListBytes / lists.values.count)
    lists.values.reserveCapacity(lists.values.count + remainingBytes / bytesPerNumber)
    lists.offsets.reserveCapacity(2 + remainingBytes / max(firstListBytes, 16))
  }

  /// Checks the syntax of a value without building it.
  mutating func skipValue(depth: Int) throws(JSONParseError) {
    skipWhitespace()
    guard position < end else { throw error("unexpected end of file, expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "\""): try skipString()
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      let close = bytes[position] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
      let isObject = close == UInt8(ascii: "}")
      guard depth + 1 <= maximumDepth else {
        throw error("nesting deeper than \(maximumDepth) levels")
      }
      position += 1
      skipWhitespace()
      if position < end && bytes[position] == close {
        position += 1
        return
      }
      while true {
        releaseIfDue()
        if isObject {
          skipWhitespace()
          guard position < end, bytes[position] == UInt8(ascii: "\"") else {
            throw error("unexpected \(describeByte(at: position)), expected a key in double quotes")
          }
          try skipString()
          skipWhitespace()
          guard position < end, bytes[position] == UInt8(ascii: ":") else {
            throw error("unexpected \(describeByte(at: position)), expected ':'")
          }
          position += 1
        }
        try skipValue(depth: depth + 1)
        skipWhitespace()
        guard position < end else { throw error("unexpected end of file inside a value") }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
        } else if bytes[position] == close {
          position += 1
          return
        } else {
          throw error("unexpected \(describeByte(at: position)), expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
      }
    default:
      _ = try parseValue(depth: depth)
    }
  }

  mutating func skipString() throws(JSONParseError) {
    let start = position
    position += 1
    // Eight bytes at a time up to the first that needs a look (`"`, `\` or a control
    // character): `generated_texts` is a fifth of a vLLM file and is skipped this way.
    if let base = bytes.baseAddress {
      while position + 8 <= end {
        guard let offset = Self.firstSpecialStringByte(WordBytes.load(base + position)) else {
          position += 8
          continue
        }
        position += offset
        break
      }
    }
    while position < end {
      switch bytes[position] {
      case UInt8(ascii: "\""):
        position += 1
        return
      case UInt8(ascii: "\\"): position += 2
      case 0x00..<0x20: throw error("control character inside a string")
      default: position += 1
      }
    }
    throw error("unterminated string", at: start)
  }

  mutating func parseString() throws(JSONParseError) -> String {
    let start = position
    position += 1
    let contentStart = position
    // Fast path: no escapes.
    while position < end {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character inside a string") }
      position += 1
    }
    guard position < end else { throw error("unterminated string", at: start) }
    var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
    while position < end {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        position += 1
        guard position < end else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "/"): utf8.append(0x2F)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800..<0xDC00).contains(scalar), position + 1 < end,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
          {
            let nextEscape = position
            position += 2
            let low = try parseHex4()
            if (0xDC00..<0xE000).contains(low) {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
              position = nextEscape  // not a pair: the next escape is read on its own
            }
          }
          let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
          utf8.append(contentsOf: String(character).utf8)
        default:
          throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
        }
      case 0x00..<0x20:
        throw error("control character inside a string")
      default:
        utf8.append(byte)
        position += 1
      }
    }
    throw error("unterminated string", at: start)
  }

  mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard position + 4 <= end else { throw error("unexpected end of file in a \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid hex digit in a \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  /// Parses an RFC 8259 number (or `-Infinity`). Digits are validated here; the value comes
  /// from Clinger's exact fast path for short numbers, else the Eisel–Lemire algorithm, else
  /// (rarely: ambiguous roundings, more than 19 digits) `strtod`; all three are correctly
  /// rounded, so the result is the same as `strtod`'s, bit for bit.
  mutating func parseNumber() throws(JSONParseError) -> Double {
    let start = position
    var negative = false
    if bytes[position] == UInt8(ascii: "-") {
      negative = true
      position += 1
      if position < end && bytes[position] == UInt8(ascii: "I") {
        try expectLiteral("Infinity")
        return -.infinity
      }
    }
    guard position < end, bytes[position] >= 0x30 && bytes[position] <= 0x39 else {
      throw error("invalid number: expected a digit", at: position)
    }
    // The first 19 significant digits, exactly; the value is mantissa × 10^exponent, and
    // `truncated` says that non-zero digits beyond them were dropped.
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var truncated = false
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while position < end, case let byte = bytes[position], byte >= 0x30 && byte <= 0x39 {
        if digits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
          digits += 1
        } else {
          exponent += 1
          if byte != 0x30 { truncated = true }
        }
        position += 1
      }
    }
    if position < end && bytes[position] == UInt8(ascii: ".") {
      position += 1
      let fractionStart = position
      // Eight digits at a time while all eight are kept (vLLM writes 17-digit fractions
      // such as 0.030181821737335194): the mantissa, exponent and digit count the loop below
      // would reach one digit at a time. When nothing but zeros came before, leading zeros
      // are not counted as digits, as below.
      while position + 8 <= end, let eight = Self.eightDigits(bytes.baseAddress! + position) {
        if mantissa == 0 {
          mantissa = eight
          digits = 8 - Self.leadingZeroCharacters(bytes.baseAddress! + position)
        } else {
          guard digits + 8 <= 19 else { break }
          mantissa = mantissa &* 100_000_000 &+ eight
          digits += 8
        }
        exponent -= 8
        position += 8
      }
      while position < end, case let byte = bytes[position], byte >= 0x30 && byte <= 0x39 {
        if digits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
          if mantissa != 0 { digits += 1 }
          exponent -= 1
        } else if byte != 0x30 {
          truncated = true
        }
        position += 1
      }
      guard position > fractionStart else { throw error("invalid number: digit expected after '.'") }
    }
    if position < end && (bytes[position] | 0x20) == UInt8(ascii: "e") {
      position += 1
      var exponentNegative = false
      if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
        exponentNegative = bytes[position] == UInt8(ascii: "-")
        position += 1
      }
      let exponentStart = position
      var written = 0
      while position < end, case let byte = bytes[position], byte >= 0x30 && byte <= 0x39 {
        if written < 100_000 { written = written * 10 + Int(byte - 0x30) }
        position += 1
      }
      guard position > exponentStart else { throw error("invalid number: digit expected in exponent") }
      exponent += exponentNegative ? -written : written
    }
    if !truncated {
      // Clinger's fast path: exact when the mantissa and the power of ten are both exact doubles.
      if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
        var value = Double(mantissa)
        if exponent < 0 {
          value /= Self.powersOfTen[-exponent]
        } else {
          value *= Self.powersOfTen[exponent]
        }
        return negative ? -value : value
      }
      if let value = EiselLemire.double(mantissa: mantissa, exponent: exponent, negative: negative, table: powersOfFive) {
        return value
      }
    } else if let low = EiselLemire.double(mantissa: mantissa, exponent: exponent, negative: negative, table: powersOfFive),
      let high = EiselLemire.double(mantissa: mantissa + 1, exponent: exponent, negative: negative, table: powersOfFive),
      low.bitPattern == high.bitPattern
    {
      // The true value lies between mantissa and mantissa + 1 (× 10^exponent); both round alike.
      return low
    }
    return strtodFallback(from: start)
  }

  /// The value of the eight ASCII digits at `pointer`, or nil when any of the eight bytes is
  /// not a digit (the SWAR method of Lemire's fast_float, `parse_eight_digits_unrolled`).
  @inline(__always)
  static func eightDigits(_ pointer: UnsafePointer<UInt8>) -> UInt64? {
    let value = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    // Each byte is 0x30...0x39: its high nibble is 3, and adding 6 does not carry into it.
    let highNibbles = value & 0xF0F0_F0F0_F0F0_F0F0
    let carried = ((value &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4
    guard highNibbles | carried == 0x3333_3333_3333_3333 else { return nil }
    var digits = value &- 0x3030_3030_3030_3030
    digits = digits &* 10 &+ (digits >> 8)  // pairs: d0*10+d1 in every other byte
    let mask: UInt64 = 0x0000_00FF_0000_00FF
    let first: UInt64 = 100 &+ (1_000_000 << 32)
    let second: UInt64 = 1 &+ (10_000 << 32)
    return (((digits & mask) &* first) &+ (((digits >> 16) & mask) &* second)) >> 32
  }

  /// The index (0–7, in memory order) of the first byte of `word` that is `"`, `\` or below
  /// 0x20, or nil when there is none.
  @inline(__always)
  static func firstSpecialStringByte(_ word: UInt64) -> Int? {
    WordBytes.firstHit(WordBytes.equal(word, 0x22) | WordBytes.equal(word, 0x5C) | WordBytes.below(word, 0x20))
  }

  /// How many of the eight ASCII digits at `pointer` are leading `0`s (8 for "00000000"): the
  /// digits of their value are the other ones, counted without dividing.
  @inline(__always)
  static func leadingZeroCharacters(_ pointer: UnsafePointer<UInt8>) -> Int {
    let value = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    // The first character is the lowest byte; a '0' byte becomes 0 here.
    return (value ^ 0x3030_3030_3030_3030).trailingZeroBitCount / 8
  }

  /// `strtod` on a NUL-terminated copy of the number (the buffer has no terminator).
  func strtodFallback(from start: Int) -> Double {
    var text = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    text.append(0)
    return text.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { strtod($0, nil) }
    }
  }

  static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
