import Foundation
import Testing

@testable import BenchReport

/// Rounding follows C's printf (`%.Nf`: the exact binary value, ties to even); the expected
/// strings were checked with Python's `'%.*f' % (decimals, value)`.
struct NumberFormattingTests {
  typealias N = NumberFormatting

  @Test(arguments: [
    (12345.678, 1, "12,345.7"), (1_234_567.891, 2, "1,234,567.89"), (999.95, 1, "1,000.0"),
    (999.94, 1, "999.9"), (0, 0, "0"), (0.5, 2, "0.50"), (123, 0, "123"), (1000, 0, "1,000"),
    (100_000, 1, "100,000.0"), (2.5, 0, "2"), (3.5, 0, "4"), (0.125, 2, "0.12"),
  ])
  func decimal(_ value: Double, _ decimals: Int, _ expected: String) {
    #expect(N.decimal(value, decimals) == expected)
  }

  @Test func negativeNumbers() {
    #expect(N.decimal(-1234.5, 1) == "-1,234.5")
    #expect(N.decimal(-1_000_000, 0) == "-1,000,000")
    #expect(N.decimal(-0.05, 1) == "-0.1")
    #expect(N.integer(-1000) == "-1,000")
  }

  @Test func negativeZeroHasNoSign() {
    #expect(N.decimal(-0.0, 1) == "0.0")
    #expect(N.decimal(-0.04, 1) == "0.0")  // printf writes "-0.0"
    #expect(N.decimal(-0.4, 0) == "0")
    #expect(N.compact(-0.001) == "0")
    #expect(N.percent(-0.0) == "0%")
  }

  @Test func infinity() {
    #expect(N.decimal(.infinity, 1) == "∞")
    #expect(N.decimal(-.infinity, 1) == "-∞")
    #expect(N.compact(.infinity) == "∞")
    #expect(N.compact(-.infinity) == "-∞")
    #expect(N.milliseconds(.infinity) == "∞")
  }

  @Test func unknownIsADash() {
    #expect(N.missing == "—")
    #expect(N.decimal(nil, 1) == "—")
    #expect(N.decimal(.nan, 1) == "—")
    #expect(N.integer(nil) == "—")
    #expect(N.percent(nil) == "—")
    #expect(N.percent(.nan) == "—")
    #expect(N.signedPercent(nil) == "—")
    #expect(N.milliseconds(nil) == "—")
    #expect(N.compact(nil) == "—")
    #expect(N.ratio(nil) == "—")
    #expect(N.ratio(.infinity) == "—")
  }

  @Test func integer() {
    #expect(N.integer(0) == "0")
    #expect(N.integer(999) == "999")
    #expect(N.integer(1000) == "1,000")
    #expect(N.integer(1_234_567) == "1,234,567")
  }

  @Test func percent() {
    #expect(N.percent(0.9512) == "95.1%")
    #expect(N.percent(1) == "100%")
    #expect(N.percent(0.95) == "95%")
    #expect(N.percent(0) == "0%")
    #expect(N.percent(0.12345, decimals: 2) == "12.35%")
    #expect(N.percent(0.5, decimals: 0) == "50%")
    #expect(N.percent(12.5) == "1,250%")
    #expect(N.percent(0.0001) == "0%")
  }

  @Test func signedPercent() {
    #expect(N.signedPercent(0.123) == "+12.3%")
    #expect(N.signedPercent(-0.05) == "-5%")
    #expect(N.signedPercent(0) == "+0%")
    #expect(N.signedPercent(0.12) == "+12%")
    #expect(N.signedPercent(-0.8906) == "-89.1%")
  }

  @Test func milliseconds() {
    #expect(N.milliseconds(44.098) == "44.1")
    #expect(N.milliseconds(999.94) == "999.9")
    #expect(N.milliseconds(1000) == "1,000")
    #expect(N.milliseconds(1234.6) == "1,235")
    #expect(N.milliseconds(12_000) == "12,000")
    #expect(N.milliseconds(0) == "0.0")
  }

  @Test func compact() {
    #expect(N.compact(10.0) == "10")
    #expect(N.compact(2.50) == "2.5")
    #expect(N.compact(11.2) == "11.2")
    #expect(N.compact(1234.5678) == "1,234.57")
    #expect(N.compact(1000) == "1,000")
    #expect(N.compact(0.001) == "0")
    #expect(N.compact(0.129, maxDecimals: 1) == "0.1")
    #expect(N.compact(5.6) == "5.6")
  }

  @Test func ratio() {
    #expect(N.ratio(3.24) == "3.2×")
    #expect(N.ratio(12.6) == "13×")
    #expect(N.ratio(1) == "1×")
  }

  /// `fixed` is a faster `String(format: "%.Nf")`: the same text for halves, tiny and huge
  /// values, negative zero and values that overflow its buffer.
  @Test func fixedEqualsStringFormat() {
    var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.045, 1e-12, 123_456.789, 1e20, 1e300, -1e300, 9.995, 0.05]
    var state: UInt64 = 7
    for _ in 0..<2000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let mantissa = Double(state >> 11) / Double(1 << 53)
      values.append((mantissa - 0.5) * pow(10, Double(Int(state % 13)) - 4))
    }
    for value in values {
      for decimals in 0...4 {
        #expect(NumberFormatting.fixed(value, decimals) == String(format: "%.\(decimals)f", value), "\(value) \(decimals)")
      }
    }
  }
}
