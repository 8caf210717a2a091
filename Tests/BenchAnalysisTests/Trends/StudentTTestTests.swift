import Testing

@testable import BenchAnalysis

/// Expected values from scipy 1.17.1: `scipy.stats.ttest_ind(a, b)` (pooled variance) and
/// `2 * scipy.stats.t.sf(t, df)`.
struct StudentTTestTests {
  @Test func matchesScipyTTestInd() throws {
    let a = try #require(StudentTTest.test([1, 2, 3, 4], [3.5, 5, 6.5]))
    #expect(abs(a.t - -2.3746784507298884) < 1e-12)
    #expect(a.degreesOfFreedom == 5)
    #expect(abs(a.pValue - 0.06358283400703794) < 1e-12)

    // One value on the left: the variance comes from the right only.
    let b = try #require(StudentTTest.test([143], [175.2, 176.1, 174.4, 177]))
    #expect(abs(b.t - -26.01027215208913) < 1e-9)
    #expect(abs(b.pValue - 0.00012466079429966002) < 1e-12)

    let c = try #require(StudentTTest.test([10, 10.5, 9.8, 10.2, 10.1], [10.4, 10, 9.9]))
    #expect(abs(c.pValue - 0.9197820163413725) < 1e-12)
  }

  @Test func twoSidedPValueMatchesScipy() {
    #expect(abs(StudentTTest.twoSidedPValue(t: 2.5, degreesOfFreedom: 3) - 0.08770664700806556) < 1e-12)
    #expect(abs(StudentTTest.twoSidedPValue(t: 0.7, degreesOfFreedom: 10) - 0.4998875701728844) < 1e-12)
    #expect(abs(StudentTTest.twoSidedPValue(t: 12, degreesOfFreedom: 1) - 0.052929352119179755) < 1e-12)
  }

  @Test func constantSegments() throws {
    #expect(try #require(StudentTTest.test([64, 64], [128, 128, 128])).pValue == 0)
    #expect(try #require(StudentTTest.test([64, 64], [64])).pValue == 1)
    #expect(StudentTTest.test([1], [2]) == nil)
  }
}
