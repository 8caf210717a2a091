import Foundation
import Testing

@testable import BenchIngest

#if canImport(Glibc)
  import Glibc
#endif

/// The reference is glibc's `strtod` (correctly rounded): every number the parser reads must
/// have `strtod`'s bits. Inputs are written into JSON arrays and read through the parser, so
/// the whole path (Clinger, Eisel–Lemire, the `strtod` fallback) is under test.
struct EiselLemireTests {
  /// SplitMix64, so a failure reproduces.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func strtodBits(_ text: String) -> UInt64 {
    text.withCString { strtod($0, nil) }.bitPattern
  }

  static func format(_ format: String, _ value: Double) -> String {
    String(format: format, value)
  }

  /// Parses `texts` as one JSON array (and as `itls`-style lists, flattened) and compares
  /// every value with `strtod`; returns the mismatches (at most 10).
  static func mismatches(_ texts: [String]) throws -> [String] {
    let document = "[" + texts.joined(separator: ",") + "]"
    guard case .numbers(let values) = try TolerantJSONParser().parse(Array(document.utf8)) else {
      return ["not parsed as a number array"]
    }
    let lists = "{\"itls\": [[" + texts.joined(separator: ",") + "]]}"
    let flat = try TolerantJSONParser(flattenedKeys: ["itls"]).parse(Array(lists.utf8)).objectValue?["itls"]
    guard case .numberLists(let flattened)? = flat, flattened.values.count == texts.count else {
      return ["not parsed as number lists"]
    }
    var wrong: [String] = []
    for (index, text) in texts.enumerated() where wrong.count < 10 {
      let expected = strtodBits(text)
      if values[index].bitPattern != expected || flattened.values[index].bitPattern != expected {
        wrong.append("\(text): parsed \(values[index]) (0x\(String(values[index].bitPattern, radix: 16))), strtod 0x\(String(expected, radix: 16))")
      }
    }
    return wrong
  }

  @Test func edgeCases() throws {
    let texts = [
      "0", "-0", "0.0", "-0.0", "0e10", "-0e-10", "1", "-1", "9007199254740992", "9007199254740993",
      "9007199254740994", "9007199254740995", "18446744073709551615", "18446744073709551616",
      "1e22", "1e23", "1e-22", "1e-23", "123456789012345678", "1234567890123456789",
      "12345678901234567890", "0.1", "0.2", "0.30000000000000004", "0.035123456789012345",
      // Smallest subnormal, its halfway points, largest subnormal, smallest normal.
      "4.9406564584124654e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
      "2.2250738585072009e-308", "2.2250738585072011e-308", "2.2250738585072014e-308",
      "1e-320", "1e-330", "1e-342", "1e-343", "1e-400", "-1e-400",
      // Largest double, halfway to the next, overflow.
      "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309",
      "-1e309", "1e400",
      // Halfway cases with long mantissas (round to even) and just above / below them.
      "9007199254740993.0000000000000000001", "9007199254740992.9999999999999999999",
      "0.1000000000000000055511151231257827021181583404541015625",
      "0.1000000000000000055511151231257827021181583404541015624",
      "0.1000000000000000055511151231257827021181583404541015626",
      "1.00000000000000011102230246251565404236316680908203125",
      "1.00000000000000011102230246251565404236316680908203124",
      "1.00000000000000011102230246251565404236316680908203126",
      "2.00000000000000000000000000000000000000000000000000001", "7.3177701707893310e+15",
      "1.9e-30", "3.0e-3", "4.4e-32", "1e-45", "2.01e-45", "5.8774717541114375e-39",
      "1.4e-45", "3.4028234663852886e38", "123.456e-2", "0.000000000000000000000000001234",
      "1" + String(repeating: "0", count: 400) + "e-400", "0." + String(repeating: "0", count: 340) + "1e300",
      String(repeating: "9", count: 30), "0." + String(repeating: "9", count: 30),
      "1E5", "1e+5", "1.5E-5", "2.2250738585072012e-308", "6.631236846766476e-316",
      "3.234216288664796e-321", "8.98846567431158e307", "4.940656458412465441765687928682213723651e-324",
    ]
    #expect(try Self.mismatches(texts) == [])
  }

  /// Python `repr` (shortest round-trip, up to 17 digits) and `%.17g` of random doubles over
  /// the whole range, plus latency-like values.
  @Test func randomDoublesOverTheWholeRange() throws {
    var generator = Generator(state: 8)
    var texts: [String] = []
    texts.reserveCapacity(1_000_000)
    while texts.count < 1_000_000 {
      let value = Double(bitPattern: generator.next())
      guard value.isFinite else { continue }
      texts.append(value.description.replacingOccurrences(of: "inf", with: "1e999"))
      texts.append(Self.format("%.17g", value))
      let latency = Double.random(in: 0..<1, using: &generator) * 0.05
      texts.append("\(latency)")
      texts.append(Self.format("%.16g", latency))
    }
    #expect(try Self.mismatches(texts) == [])
  }

  /// Random decimal strings: 1–40 significant digits, exponents across and beyond the range.
  @Test func randomDecimalStrings() throws {
    var generator = Generator(state: 9)
    var texts: [String] = []
    texts.reserveCapacity(1_000_000)
    for _ in 0..<1_000_000 {
      let digitCount = Int.random(in: 1...40, using: &generator)
      var digits = String(Int.random(in: 1...9, using: &generator))
      for _ in 1..<digitCount { digits.append(Character(String(Int.random(in: 0...9, using: &generator)))) }
      let point = Int.random(in: 1...digitCount, using: &generator)
      var text = String(digits.prefix(point))
      if point < digitCount { text += "." + digits.dropFirst(point) }
      let exponent = Int.random(in: -360...330, using: &generator)
      text += "e\(exponent)"
      if generator.next() & 1 == 1 { text = "-" + text }
      texts.append(text)
    }
    #expect(try Self.mismatches(texts) == [])
  }

  /// Fractions below 1 with leading zeros (`0.0000123…`, as gaps in seconds are written):
  /// the eight-digit path counts the significant digits of a chunk from its leading zeros.
  @Test func fractionsWithLeadingZeros() throws {
    var generator = Generator(state: 11)
    var texts: [String] = []
    for _ in 0..<200_000 {
      var text = "0." + String(repeating: "0", count: Int.random(in: 0...20, using: &generator))
      text += String(Int.random(in: 1...9, using: &generator))
      for _ in 0..<Int.random(in: 0...24, using: &generator) { text += String(Int.random(in: 0...9, using: &generator)) }
      texts.append(generator.next() & 1 == 1 ? "-" + text : text)
    }
    texts += ["0.00000000", "0.000000001", "0.0000000000000000", "0.00000000000000001", "0.12345678", "0.01234567890123456789"]
    #expect(try Self.mismatches(texts) == [])
  }

  /// Exactly halfway between two adjacent doubles (printed exactly from Float80, which holds
  /// the 54-bit midpoint), and one unit in the last printed digit either side: the cases
  /// where rounding to even decides.
  @Test func halfwayCasesBetweenAdjacentDoubles() throws {
    var generator = Generator(state: 10)
    var texts: [String] = []
    for _ in 0..<100_000 {
      let bits = generator.next() & 0x7FFF_FFFF_FFFF_FFFF
      let value = Double(bitPattern: bits)
      guard value.isNormal, value.nextUp.isFinite else { continue }
      #if arch(x86_64)
        let midpoint = (Float80(value) + Float80(value.nextUp)) / 2
        let exact = String(format: "%.40Le", midpoint as CVarArg)
        texts.append(exact)
      #endif
      texts.append(Self.format("%.17e", value))
    }
    // Midpoints with short decimal expansions: integers between 2^53 and 2^54 (odd ones are
    // halfway), and 2^-k steps.
    for offset in stride(from: 1, to: 20_001, by: 1) {
      texts.append(String((1 << 53) + offset))
      texts.append(String(UInt64(1) << 62 + UInt64(offset) * 512))
    }
    #expect(try Self.mismatches(texts) == [])
  }
}
