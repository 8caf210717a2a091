import Foundation
import Testing

@testable import BenchIngest

/// Expected values come from Python 3.11's `json` module (what vLLM and SGLang write with, and
/// read with in `vllm bench sweep plot`), from `Double(String)` (correctly rounded, the
/// reference for numbers), or from the fixture files as `json.load` reads them.
struct TolerantJSONParserTests {
  let parser = TolerantJSONParser()

  func parse(_ text: String, skipping keys: Set<String> = []) throws -> JSONValue {
    try TolerantJSONParser(skippedKeys: keys).parse(Array(text.utf8))
  }

  func documents(_ text: String) -> TolerantJSONParser.Result {
    parser.parseDocuments(Array(text.utf8))
  }

  func number(_ text: String) throws -> Double? {
    guard case .number(let value) = try parse(text) else { return nil }
    return value
  }

  // MARK: - Python's non-standard literals

  /// `json.dumps({"a": float("nan"), "b": float("inf"), "c": float("-inf")})` →
  /// `{"a": NaN, "b": Infinity, "c": -Infinity}`.
  @Test func nanInfinityAndNegativeInfinityLiterals() throws {
    let object = try #require(try parse(#"{"a": NaN, "b": Infinity, "c": -Infinity}"#).objectValue)
    guard case .number(let a)? = object["a"], case .number(let b)? = object["b"],
      case .number(let c)? = object["c"]
    else {
      Issue.record("expected three numbers, got \(object)")
      return
    }
    #expect(a.isNaN)
    #expect(b == .infinity)
    #expect(c == -.infinity)
  }

  @Test func literalsInsideNumberArraysStayNumbers() throws {
    let value = try parse("[1.5, NaN, Infinity, -Infinity, 2]")
    guard case .numbers(let numbers) = value else {
      Issue.record("expected a number array, got \(value)")
      return
    }
    #expect(numbers.count == 5)
    #expect(numbers[0] == 1.5 && numbers[1].isNaN && numbers[2] == .infinity)
    #expect(numbers[3] == -.infinity && numbers[4] == 2)
  }

  /// Python's `json.loads` rejects lowercase `nan`, `-NaN` and `+1` too.
  @Test(arguments: ["nan", "inf", "-NaN", "+1", "Inf", "infinity", "NaNa"])
  func misspelledLiteralsAreErrors(_ text: String) {
    #expect(throws: JSONParseError.self) { try parse("[\(text)]") }
  }

  /// vLLM writes `"request_rate": "inf"`: a string, which the parser keeps as a string (the
  /// readers decide what it means).
  @Test func infStringStaysAString() throws {
    let object = try #require(try parse(#"{"request_rate": "inf"}"#).objectValue)
    #expect(object["request_rate"] == .string("inf"))
  }

  // MARK: - Several top-level values

  /// `--append-result` without a trailing newline (vLLM) and JSONL with one (SGLang): Python
  /// `raw_decode` in a loop finds the same objects at lines 1, 2, 3.
  @Test(arguments: ["", "\n", "\r\n", "\n\n  \n"])
  func severalTopLevelObjects(trailing: String) {
    let text = "{\"a\": 1}\n{\"a\": 2}\n{\"a\": [3]}" + trailing
    let result = documents(text)
    #expect(result.error == nil)
    #expect(result.documents.map(\.line) == [1, 2, 3])
    #expect(result.documents.map(\.value.objectValue?.count) == [1, 1, 1])
    #expect(result.documents[2].value.objectValue?["a"] == .numbers([3]))
  }

  @Test func documentLineNumbersOfPrettyPrintedObjects() {
    let text = "{\n  \"a\": 1\n}\n\n[\n  {\"b\": 2}\n]\n\"tail\""
    let result = documents(text)
    #expect(result.error == nil)
    #expect(result.documents.map(\.line) == [1, 5, 8])
  }

  @Test func parseRejectsSeveralValuesAndEmptyInput() {
    #expect(throws: JSONParseError.self) { try parse("{} {}") }
    #expect(throws: JSONParseError.self) { try parse("  \n ") }
    let empty = documents("")
    #expect(empty.documents.isEmpty && empty.error == nil)
  }

  /// nerdalert results.json: 12 `--append-result` objects, one per line, trailing newline
  /// (`python3 -c` raw_decode loop: 12 objects starting on lines 1…12).
  @Test func appendResultFileHasTwelveDocuments() throws {
    let bytes = try TestFixtures.bytes(
      TestFixtures.samples.appendingPathComponent("nerdalert__vllm-benchmark-graphs/results.json"))
    let result = parser.parseDocuments(bytes)
    #expect(result.error == nil)
    #expect(result.documents.map(\.line) == Array(1...12))
  }

  // MARK: - Errors with line and column

  /// Each input is cut (or broken) at a different structural position; line and column are
  /// Python's (`json.JSONDecodeError.lineno`, `.colno`) for the same text.
  @Test(arguments: [
    ("{", 1, 2),  // Expecting property name enclosed in double quotes
    (#"{"model_id""#, 1, 12),  // Expecting ':' delimiter
    (#"{"model_id":"#, 1, 13),  // Expecting value
    (#"{"model_id": "facebook/o"#, 1, 14),  // Unterminated string starting at
    (#"{"model_id": "x", "completed": 8"#, 1, 33),  // Expecting ',' delimiter
    (#"{"model_id": "x", "completed": 8,"#, 1, 34),  // Expecting property name
    (#"{"ok": tru"#, 1, 8),  // Expecting value
    (#"{"ttfts": [0.1, 0.2"#, 1, 20),  // Expecting ',' delimiter
    (#"{"ttfts": [0.1, 0.2,"#, 1, 21),  // Expecting value
    (#"{"itls": [[0.1], [0.2, "#, 1, 24),  // Expecting value
    (#"{"a": "x\"#, 1, 7),  // Unterminated string starting at
    ("{\n    \"date\": \"20260818-021333\",\n    \"itls\": [\n        [\n            0.1,\n", 6, 1),
    ("{\"a\": 1}\n{\"b\": 2}\n{\"c\": [1, 2", 3, 12),  // Expecting ',' delimiter
    (#"{"a": 1 "b": 2}"#, 1, 9),  // Expecting ',' delimiter
    (#"{"a": 1,}"#, 1, 9),  // Expecting property name
    ("[1, 2,]", 1, 7),  // Expecting value
    (#"{"a": nan}"#, 1, 7),  // Expecting value
    (#"{"a": "bad \x escape"}"#, 1, 12),  // Invalid \escape
    ("{\"a\": \"tab\there\"}", 1, 11),  // Invalid control character at
  ])
  func errorPositionMatchesPython(text: String, line: Int, column: Int) {
    let result = documents(text)
    #expect(result.error?.line == line, "\(result.error?.description ?? "no error")")
    #expect(result.error?.column == column, "\(result.error?.description ?? "no error")")
  }

  /// The same inside a skipped key's value, which is scanned by a different code path.
  @Test(arguments: [
    (#"{"generated_texts": ["abc", "de"#, 1, 29),  // Unterminated string starting at
    (#"{"generated_texts": ["abc", "#, 1, 29),  // Expecting value
    (#"{"generated_texts": ["abc" "d"]}"#, 1, 28),  // Expecting ',' delimiter
    ("{\"generated_texts\": [\"a\u{01}\"]}", 1, 24),  // Invalid control character at
    (#"{"generated_texts": [{"k" 1}]}"#, 1, 27),  // Expecting ':' delimiter
  ])
  func errorPositionInsideSkippedValueMatchesPython(text: String, line: Int, column: Int) {
    let result = TolerantJSONParser(skippedKeys: ["generated_texts"]).parseDocuments(
      Array(text.utf8))
    #expect(result.error?.line == line, "\(result.error?.description ?? "no error")")
    #expect(result.error?.column == column, "\(result.error?.description ?? "no error")")
  }

  @Test func errorMessageSaysWhatWasExpected() {
    let error = documents(#"{"a": 1 "b": 2}"#).error
    #expect(
      error?.description
        == #"line 1, column 9: unexpected '"' after value of "a", expected ',' or '}'"#)
  }

  /// truncated-last-line.jsonl: three SGLang lines, the third cut inside its object. Python:
  /// lines 1 and 2 load; line 3 fails with "Expecting ',' delimiter: line 1 column 282"
  /// (`json.loads(lines[2])`), i.e. line 3, column 352 of the file.
  @Test func truncatedLastLineKeepsEarlierDocuments() throws {
    let bytes = try TestFixtures.bytes(
      TestFixtures.synthetic.appendingPathComponent("truncated-last-line.jsonl"))
    let result = parser.parseDocuments(bytes)
    #expect(result.documents.map(\.line) == [1, 2])
    #expect(
      result.documents.map { $0.value.objectValue?["request_rate"] } == [
        .number(1.0), .number(2.0),
      ])
    #expect(result.error?.line == 3)
    #expect(result.error?.column == 282)
  }

  // MARK: - Skipped keys

  @Test func skippedKeysAreNotMaterialised() throws {
    let text =
      #"{"ttfts": [0.1], "generated_texts": ["a \"quoted\" \\ text", "\u4f60", {"x": [1, {"y": null}]}], "errors": [""]}"#
    let object = try #require(try parse(text, skipping: ["generated_texts"]).objectValue)
    #expect(object.keys == ["ttfts", "generated_texts", "errors"])
    #expect(object["generated_texts"] == .skipped)
    #expect(object["ttfts"] == .numbers([0.1]))
    #expect(object["errors"] == .array([.string("")]))
  }

  /// Skipping reads strings eight bytes at a time: a quote, backslash or control character at
  /// every offset of a word must still end, escape or break the string where it is.
  @Test func skippedStringsEndWhereTheyEndAtEveryOffset() throws {
    for length in 0..<20 {
      let padding = String(repeating: "a", count: length)
      // An escaped quote, an escaped backslash, an escaped newline, a two-byte character.
      for special in [#"\""#, #"\\"#, #"\n"#, "é"] {
        let text = #"{"generated_texts": [""# + padding + special + padding + #""], "ttfts": [1]}"#
        let object = try #require(try parse(text, skipping: ["generated_texts"]).objectValue, "\(length) \(special)")
        #expect(object["generated_texts"] == .skipped)
        #expect(object["ttfts"] == .numbers([1]))
      }
      // A raw control character is an error at its line, as when it is not skipped.
      let broken = "{\"generated_texts\": [\"" + padding + "\u{01}" + padding + "\"]}"
      #expect(throws: JSONParseError.self) { try parse(broken, skipping: ["generated_texts"]) }
      // An unterminated string is an error, not a read past the end.
      #expect(throws: JSONParseError.self) { try parse("{\"generated_texts\": [\"" + padding, skipping: ["generated_texts"]) }
    }
  }

  /// In the aurotripathy concurrency-32 file (`json.load`): 100 generated texts, 100 ttfts,
  /// 100 itls lists; with the key skipped everything else is still read.
  @Test func skippingGeneratedTextsInARealFile() throws {
    let bytes = try TestFixtures.bytes(
      TestFixtures.samples.appendingPathComponent(TestFixtures.aurotripathy(concurrency: 32)))
    let skipping = try TolerantJSONParser(skippedKeys: ["generated_texts"]).parse(bytes).objectValue
    let full = try TolerantJSONParser().parse(bytes).objectValue
    #expect(skipping?["generated_texts"] == .skipped)
    #expect(full?["generated_texts"]?.arrayValue?.count == 100)
    #expect(skipping?.keys == full?.keys)
    #expect(skipping?["ttfts"] == full?["ttfts"])
    #expect(skipping?["itls"] == full?["itls"])
    #expect(skipping?["itls"]?.arrayValue?.count == 100)
  }

  // MARK: - Strings

  /// `json.loads` of the same escapes: 'é你', '😀' (a surrogate pair), and the two-character
  /// escapes.
  @Test func unicodeEscapesAndSurrogatePairs() throws {
    #expect(try parse(#""\u00e9\u4f60""#) == .string("é你"))
    #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    #expect(try parse(#""\uD83D\uDE00""#) == .string("😀"))
    #expect(try parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{08}\u{0C}\n\r\t"))
    #expect(try parse(#""plain \u0041 text""#) == .string("plain A text"))
  }

  /// Raw UTF-8 passes through unchanged.
  @Test func rawUTF8() throws {
    #expect(try parse("\"模型 ✓ 😀\"") == .string("模型 ✓ 😀"))
  }

  /// Python keeps lone surrogates as code points (`'\ud83dA'`); a Swift string cannot hold
  /// them, so each becomes U+FFFD — and the character after it must not be lost.
  @Test func loneSurrogatesBecomeReplacementCharacters() throws {
    #expect(try parse(#""\ud83d""#) == .string("\u{FFFD}"))
    #expect(try parse(#""\ude00x""#) == .string("\u{FFFD}x"))
    #expect(try parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
    #expect(try parse(#""\ud83d\ud83d\ude00""#) == .string("\u{FFFD}😀"))
  }

  @Test func invalidUnicodeEscapeIsAnError() {
    #expect(throws: JSONParseError.self) { try parse(#""\u12""#) }
    #expect(throws: JSONParseError.self) { try parse(#""\u12G4""#) }
  }

  /// v2-arrays-with-failure.json's `generated_texts`, written by `json.dump` with
  /// `ensure_ascii=True`; Python's `json.load` gives these strings.
  @Test func generatedTextsOfSyntheticV2File() throws {
    let bytes = try TestFixtures.bytes(
      TestFixtures.synthetic.appendingPathComponent("v2-arrays-with-failure.json"))
    let texts = try TolerantJSONParser().parse(bytes).objectValue?["generated_texts"]
    #expect(
      texts
        == .array([.string("Hello there été"), .string(""), .string("你好"), .string("smile 😀 done")])
    )
  }

  // MARK: - Byte-order mark, nesting

  @Test func byteOrderMarkIsSkipped() {
    let result = parser.parseDocuments([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}\n{\"a\": 2}".utf8))
    #expect(result.error == nil)
    #expect(result.documents.map(\.line) == [1, 2])
  }

  @Test func nestingUpToTheLimitIsAccepted() throws {
    let depth = 256
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(throws: Never.self) { try parse(text) }
  }

  @Test func deepNestingIsRejectedWithAnError() {
    for text in [
      String(repeating: "[", count: 100_000),
      String(repeating: "[", count: 257) + String(repeating: "]", count: 257),
      String(repeating: #"{"a":"#, count: 10_000),
    ] {
      let result = documents(text)
      #expect(result.error?.message.contains("nesting deeper than 256 levels") == true)
    }
    let skipped = TolerantJSONParser(skippedKeys: ["generated_texts"]).parseDocuments(
      Array(("{\"generated_texts\": " + String(repeating: "[", count: 100_000)).utf8))
    #expect(skipped.error?.message.contains("nesting deeper than 256 levels") == true)
  }

  // MARK: - Numbers

  /// Every value must be the correctly rounded double, bit for bit, as `Double(String)` (and
  /// Python's `float()`) gives it.
  @Test(arguments: [
    "0", "-0", "-0.0", "1", "-1", "0.1", "0.30000000000000004", "2.3843966838903725",
    "130.77195883500008", "1.7976931348623157e308", "5e-324", "4.9406564584124654e-324",
    "2.2250738585072014e-308", "2.2250738585072011e-308", "8.988465674311579e+307",
    "9007199254740992", "9007199254740993", "18446744073709551616",
    "123456789012345678901234567890", "100000000000000000000000", "1e22", "1e23", "1E5",
    "1.5e+3", "2.5E-3", "0.000001", "1e-7", "1e400", "-1e400", "1e-400", "0e500",
    "0.000000000000000000000000000001234", "12345678901234567890.123456789e-10",
    "44.21049740001763", "7.466804696331559", "0.0075849999997443",
  ])
  func numberEqualsDoubleFromString(_ text: String) throws {
    let parsed = try #require(try number(text))
    let expected = try #require(Double(text))
    #expect(parsed.bitPattern == expected.bitPattern, "\(text): \(parsed) vs \(expected)")
  }

  @Test func negativeZeroKeepsItsSign() throws {
    #expect(try number("-0")?.sign == .minus)
    #expect(try number("0")?.sign == .plus)
  }

  /// 20 000 pseudo-random doubles written with 17 significant digits (`%.17g`, the precision
  /// that round-trips every double) and as Swift's shortest representation.
  @Test func randomSeventeenDigitFloatsRoundTrip() throws {
    var generator = SplitMix64(seed: 0x5EED_0F_BE7C)
    var mismatches: [String] = []
    for _ in 0..<10_000 {
      let bits = generator.next()
      let value = Double(bitPattern: bits)
      guard value.isFinite else { continue }
      for text in [String(format: "%.17g", value), "\(value)"] {
        guard let expected = Double(text) else { continue }
        let parsed = try number(text)
        if parsed?.bitPattern != expected.bitPattern { mismatches.append(text) }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  /// Latency-like values: 0.001…100 s with 13–17 significant digits, as time.perf_counter()
  /// differences print.
  @Test func latencyLikeFloatsRoundTrip() throws {
    var generator = SplitMix64(seed: 42)
    var mismatches: [String] = []
    for _ in 0..<20_000 {
      let value = Double(generator.next() % 100_000_000_000) / 1e9
      let digits = 13 + Int(generator.next() % 5)
      let text = String(format: "%.\(digits)g", value)
      let expected = try #require(Double(text))
      if try number(text)?.bitPattern != expected.bitPattern { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  /// RFC 8259 forms Python also rejects.
  @Test(arguments: ["01", "1.", ".5", "1e", "1e+", "-", "--1", "0x10", "1.e5"])
  func malformedNumbersAreErrors(_ text: String) {
    #expect(throws: JSONParseError.self) { try parse("[\(text)]") }
  }

  /// Every number in a real file equals what Python read: the sums of `ttfts` and of every
  /// `itls` entry in the aurotripathy concurrency-1 file, and its `duration`
  /// (`json.load`: 130.77195883500008).
  @Test func numbersOfARealFile() throws {
    let bytes = try TestFixtures.bytes(
      TestFixtures.samples.appendingPathComponent(TestFixtures.aurotripathy(concurrency: 1)))
    let object = try #require(
      try TolerantJSONParser(skippedKeys: ["generated_texts"]).parse(bytes).objectValue)
    #expect(object["duration"] == .number(130.77195883500008))
    #expect(object["mean_ttft_ms"] == .number(44.21049740001763))
    #expect(object["p99_itl_ms"] == .number(8.547087269657819))
    guard case .numbers(let ttfts)? = object["ttfts"] else {
      Issue.record("ttfts is not a number array")
      return
    }
    // python: len(d["ttfts"]) == 100, d["ttfts"][0] == 0.05044245299995964,
    // d["ttfts"][99] == 0.046748831000059
    #expect(ttfts.count == 100)
    #expect(ttfts.first == 0.05044245299995964)
    #expect(ttfts.last == 0.046748831000059)
  }
}

/// A small deterministic generator (SplitMix64) so the random tests always see the same values.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

// MARK: - Flattened number lists (`itls`) and parsing in place

extension TolerantJSONParserTests {
  static let flattening = TolerantJSONParser(flattenedKeys: ["itls"])

  /// The flat form holds exactly the nested form's numbers and list boundaries.
  @Test func flattenedListsEqualTheNestedArrays() throws {
    let text = #"{"itls": [[0.1, 0.2], [], [3e-2, -0.0, 1.7976931348623157e308], [5]], "x": 1}"#
    let nested = try #require(try parser.parse(Array(text.utf8)).objectValue?["itls"]?.arrayValue)
    guard case .numberLists(let flat)? = try Self.flattening.parse(Array(text.utf8)).objectValue?["itls"] else {
      Issue.record("itls not flattened")
      return
    }
    #expect(flat.count == nested.count)
    #expect(flat.offsets == [0, 2, 2, 5, 6])
    for index in nested.indices {
      guard case .numbers(let numbers) = nested[index] else {
        Issue.record("list \(index) is not numbers")
        continue
      }
      #expect(Array(flat[index]).map(\.bitPattern) == numbers.map(\.bitPattern))
    }
  }

  /// Anything but lists of plain numbers is read the ordinary way.
  @Test func otherValuesUnderAFlattenedKeyAreReadAsUsual() throws {
    for text in [
      #"{"itls": [[0.1], [Infinity]]}"#, #"{"itls": [[0.1], "x"]}"#, #"{"itls": [[[1]]]}"#, #"{"itls": 5}"#,
      #"{"itls": []}"#, #"{"itls": [1, 2]}"#, #"{"itls": null}"#,
    ] {
      let flat = try Self.flattening.parse(Array(text.utf8))
      let plain = try parser.parse(Array(text.utf8))
      #expect(flat == plain, "\(text)")
    }
  }

  /// A syntax error inside a flattened value is reported where it is, as without flattening.
  @Test(arguments: [
    #"{"itls": [[0.1], [0.2, "#, "{\"itls\": [[0.1],\n [0.2 0.3]]}", #"{"itls": [[0.1], [0.2]"#,
    #"{"itls": [[0.1], [01]]}"#, #"{"itls": [[0.1], [1.]]}"#, #"{"itls": [[0.1]] "#,
  ])
  func errorsInsideFlattenedValuesAreWhereTheyAre(text: String) {
    let flat = Self.flattening.parseDocuments(Array(text.utf8)).error
    let plain = parser.parseDocuments(Array(text.utf8)).error
    #expect(flat != nil)
    #expect(flat?.line == plain?.line && flat?.column == plain?.column && flat?.message == plain?.message)
  }

  /// No terminator after the last number: the buffer ends right after its last digit.
  @Test func numberAtTheVeryEndOfTheBuffer() throws {
    for text in ["12.5e-3", "0.035123456789012345", "-7", "123456789012345678901234567890"] {
      let bytes = Array(text.utf8)
      let value = bytes.withUnsafeBufferPointer { TolerantJSONParser().parseDocuments($0).documents.first?.value }
      #expect(value == .number(Double(text)!), "\(text)")
    }
  }
}
