import Foundation
import Testing

@testable import BenchIngest

struct LocustEntryStatsTests {
  /// `LocustCell.number` reads plain decimals through the JSON number path; the reference is
  /// `Double(String)` (strtod), which it used for every cell before.
  @Test func cellNumbersAreWhatDoubleOfTheStringGives() {
    var generator = EiselLemireTests.Generator(state: 41)
    var cells = [
      "62", "370.0", "3.3e-05", "47.333333", "0", "-0", "0.000000", "N/A", "", " 12 ", "+5", ".5", "5.", "05",
      "1e400", "-1e400", "inf", "nan", "Infinity", "-Infinity", "0x10", "1_000", "12abc", "1.7976931348623157e308",
      "4.9406564584124654e-324", "\t7\n", "1 2",
    ]
    for _ in 0..<20_000 {
      let value = Double(bitPattern: generator.next() & 0x7FFF_FFFF_FFFF_FFFF)
      if value.isFinite { cells.append("\(value)") }
      cells.append(String(format: "%.6f", Double.random(in: 0..<100_000, using: &generator)))
    }
    for cell in cells {
      let trimmed = cell.trimmingWhitespace()
      let expected = trimmed.isEmpty || trimmed == "N/A" ? nil : Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
      #expect(LocustCell.number(cell)?.bitPattern == expected?.bitPattern, "\(cell)")
      // The same from the cell's bytes, and from an ASCII cell's bytes without the check.
      var utf8 = cell
      utf8.withUTF8 { bytes in
        #expect(LocustCell.number(bytes)?.bitPattern == expected?.bitPattern, "\(cell)")
        if cell.utf8.allSatisfy({ $0 < 0x80 }) {
          #expect(LocustCell.number(ascii: bytes)?.bitPattern == expected?.bitPattern, "\(cell)")
        }
      }
    }
  }

  /// The trimming fast path gives what trimming Character by Character gives.
  @Test func trimmingWhitespaceMatchesCharacterTrimming() {
    for text in ["a", " a", "a ", "\ta\r\n", "\u{00A0}x\u{3000}", "x\u{0301}", " ", "", "\r\n", "a b", "对 "] {
      var expected = Substring(text)
      while let first = expected.first, first.isWhitespace { expected.removeFirst() }
      while let last = expected.last, last.isWhitespace { expected.removeLast() }
      #expect(text.trimmingWhitespace() == String(expected), "\(text.debugDescription)")
    }
  }
}
