import BenchCharts
import Testing

// Expected values follow Heckbert's nice-number rule (Graphics Gems, 1990), worked by
// hand: raw step = span / (count − 1), rounded to 1, 2 or 5 × 10ⁿ with the thresholds
// 1.5, 3 and 7.
@Suite struct NiceTicksTests {
  @Test func zeroTo1234GivesSteps0f200() {
    // 1234 / 5 = 246.8 → fraction 2.468 < 3 → 200.
    #expect(NiceTicks.ticks(covering: 0, 1234, targetCount: 6) == [0, 200, 400, 600, 800, 1000, 1200, 1400])
  }

  @Test(arguments: [
    (0.13, 0.1), (0.17, 0.2), (0.35, 0.5), (0.8, 1), (7, 10), (250, 200), (3, 5), (1.49, 1), (69, 50),
  ])
  func niceStepRoundsTo125(raw: Double, expected: Double) {
    #expect(NiceTicks.niceStep(near: raw) == expected)
  }

  @Test func decimalStepsAreExact() {
    // Without snapping, 3 × 0.1 would be 0.30000000000000004.
    #expect(NiceTicks.ticks(covering: 0, 0.3, targetCount: 4) == [0, 0.1, 0.2, 0.3])
  }

  @Test func ticksWithinStayInside() {
    #expect(NiceTicks.ticks(within: -3.2, 7.9, step: 2) == [-2, 0, 2, 4, 6])
  }

  @Test func negativeRangeCoversBothEnds() {
    let ticks = NiceTicks.ticks(covering: -45, -3, targetCount: 5)
    #expect(ticks.first == -50)
    #expect(ticks.last == 0)
    #expect(ticks == [-50, -40, -30, -20, -10, 0])
  }

  @Test func degenerateInputDoesNotTrap() {
    #expect(NiceTicks.niceStep(near: 0) == 1)
    #expect(NiceTicks.niceStep(near: .nan) == 1)
    #expect(!NiceTicks.ticks(covering: 5, 5, targetCount: 6).isEmpty)
  }
}
