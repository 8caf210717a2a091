#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Two-sided Student's t-test of two independent samples with pooled variance:
/// `scipy.stats.ttest_ind(a, b)` (its default `equal_var=True`).
///
/// Why pooled: a segment of a weekly series may hold one entry (the newest week, or the first),
/// which has no variance of its own; pooling borrows the other segment's, as Apache Otava's
/// (Hunter's) change-point significance test does. It needs three values in all.
public enum StudentTTest {
  public struct Result: Sendable, Equatable {
    public var t: Double
    public var degreesOfFreedom: Int
    /// Two-sided p-value: 0 when both samples are constant and differ, 1 when all values are equal.
    public var pValue: Double
  }

  /// nil when there are fewer than three values or a sample is empty.
  public static func test(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Result? {
    let (n1, n2) = (a.count, b.count)
    guard n1 > 0, n2 > 0, n1 + n2 >= 3 else { return nil }
    let mean1 = a.reduce(0, +) / Double(n1)
    let mean2 = b.reduce(0, +) / Double(n2)
    let squares = a.reduce(0) { $0 + ($1 - mean1) * ($1 - mean1) } + b.reduce(0) { $0 + ($1 - mean2) * ($1 - mean2) }
    let degrees = n1 + n2 - 2
    let pooled = squares / Double(degrees)
    let difference = mean1 - mean2
    // Exact equality of constant segments (max stable 64, 64 | 128, 128) is common in a
    // weekly series of levels, where a relative tolerance would hide nothing real.
    guard pooled > 1e-24 * max(mean1 * mean1, mean2 * mean2, 1e-300) else {
      return Result(
        t: difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity), degreesOfFreedom: degrees,
        pValue: difference == 0 ? 1 : 0)
    }
    let t = difference / (pooled * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
    return Result(t: t, degreesOfFreedom: degrees, pValue: twoSidedPValue(t: t, degreesOfFreedom: Double(degrees)))
  }

  /// P(|T| ≥ |t|) for Student's t with `degreesOfFreedom`: I_{ν/(ν+t²)}(ν/2, ½).
  public static func twoSidedPValue(t: Double, degreesOfFreedom nu: Double) -> Double {
    guard t.isFinite else { return 0 }
    return min(1, max(0, regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)))
  }

  /// I_x(a, b) by the continued fraction of Numerical Recipes (3rd ed., §6.4, `betacf`, modified
  /// Lentz), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the fraction converges slowly.
  static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let (qab, qap, qam) = (a + b, a + 1, a - 1)
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }
}
