import BenchCharts
import Testing

@Suite struct TickLabelFormatterTests {
  @Test(arguments: [
    (1200.0, 0, "1,200"), (1_234_567, 0, "1,234,567"), (999, 0, "999"), (12345.6, 1, "12,345.6"),
    (-1500, 0, "−1,500"), (0.25, 2, "0.25"), (0.5, 2, "0.50"), (0, 0, "0"), (1_000_000, 0, "1,000,000"),
  ])
  func fixedDecimals(value: Double, decimals: Int, expected: String) {
    #expect(TickLabelFormatter.format(value, decimals: decimals) == expected)
  }

  @Test func negativeZeroHasNoMinusSign() {
    #expect(TickLabelFormatter.format(-0.0001, decimals: 2) == "0.00")
  }

  @Test(arguments: [(1024.0, "1,024"), (0.25, "0.25"), (256, "256"), (1.5, "1.5"), (65536, "65,536")])
  func shortestForm(value: Double, expected: String) {
    #expect(TickLabelFormatter.format(value) == expected)
  }

  @Test func decimalsFollowTheStep() {
    #expect(TickLabelFormatter.decimals(forStep: 200) == 0)
    #expect(TickLabelFormatter.decimals(forStep: 0.5) == 1)
    #expect(TickLabelFormatter.decimals(forStep: 0.25) == 2)
    #expect(TickLabelFormatter.decimals(forStep: 2.5) == 1)
  }

  @Test func customSeparator() {
    #expect(TickLabelFormatter.format(1_234_567, decimals: 0, separator: " ") == "1 234 567")
  }

  @Test func nonFiniteValuesAreLabelledNotTrapped() {
    #expect(TickLabelFormatter.format(.infinity, decimals: 0) == "∞")
    #expect(TickLabelFormatter.format(1e300, decimals: 0).isEmpty == false)
  }
}
