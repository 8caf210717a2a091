import Testing

@testable import BenchAnalysis

/// Expected coefficients come from numpy 2.4.6, `np.polyfit(x, y, degree)` (highest power
/// first), printed with `repr`.
struct PolynomialFitTests {
  static let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
  static let y = [1.0, 2.5, 2.9, 4.2, 5.1, 5.0, 6.3, 7.7, 7.9, 9.4]

  private func expectClose(_ actual: [Double], _ expected: [Double], relative: Double) {
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) {
      #expect(abs(a - e) <= relative * abs(e), "\(a) vs \(e)")
    }
  }

  @Test func straightLine() throws {
    let fit = try #require(PolynomialFit(x: Self.x, y: Self.y, degree: 1))
    expectClose(fit.coefficients, [0.8703030303030302, 1.2836363636363628], relative: 1e-12)
  }

  @Test func quadratic() throws {
    let fit = try #require(PolynomialFit(x: Self.x, y: Self.y, degree: 2))
    expectClose(
      fit.coefficients, [0.0026515151515153716, 0.8464393939393922, 1.3154545454545454],
      relative: 1e-9)
  }

  /// Six points, degree 7: underdetermined, numpy returns the minimum-norm interpolating
  /// polynomial. `np.polyfit([0, 1, 2, 3, 4, 5], [130, 243.2, 450.81, 802.14, 1188.22,
  /// 1523.43], 7)`.
  @Test func underdeterminedFitIsTheMinimumNormInterpolant() throws {
    let x: [Double] = [0, 1, 2, 3, 4, 5]
    let y = [130, 243.2, 450.81, 802.14, 1188.22, 1523.43]
    let fit = try #require(PolynomialFit(x: x, y: y, degree: 7))
    expectClose(
      fit.coefficients,
      [
        0.033445538687374314, -0.14774578583487122, -0.9526052953759526, 0.8285904924449887,
        30.291936343301327, -32.708812622803954, 115.85519132958218, 130.0000000000001,
      ], relative: 1e-7)
    expectClose(x.map { fit($0) }, y, relative: 1e-12)
  }

  @Test func invalidInputGivesNil() {
    #expect(PolynomialFit(x: [], y: [], degree: 1) == nil)
    #expect(PolynomialFit(x: [1, 2], y: [1], degree: 1) == nil)
    #expect(PolynomialFit(x: [1, 2], y: [1, 2], degree: -1) == nil)
  }
}
