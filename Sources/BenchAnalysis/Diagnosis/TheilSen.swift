/// The Theil–Sen estimator: the median of all pairwise slopes, robust to outliers (a few slow
/// seconds do not tilt the line), with Sen's (1968) rank-based confidence interval — the same
/// computation as `scipy.stats.theilslopes` (method "separate", ties corrected), against which
/// the tests check it.
public struct TheilSen: Sendable, Equatable {
  public var slope: Double
  public var intercept: Double
  /// The confidence interval of the slope.
  public var low: Double
  public var high: Double

  /// Fits `y` against `x`; nil with fewer than 3 points or no two distinct x values.
  /// `confidence` is two-sided (0.95 → the 2.5 % and 97.5 % ranks).
  public static func fit(x: [Double], y: [Double], confidence: Double = 0.95) -> TheilSen? {
    guard x.count == y.count, x.count >= 3 else { return nil }
    var slopes: [Double] = []
    slopes.reserveCapacity(x.count * (x.count - 1) / 2)
    for i in x.indices {
      for j in x.indices where j > i && x[j] != x[i] {
        // scipy takes pairs with x[j] > x[i]; a pair in the other order has the same slope.
        slopes.append((y[j] - y[i]) / (x[j] - x[i]))
      }
    }
    guard !slopes.isEmpty else { return nil }
    slopes.sort()
    let slope = median(sorted: slopes)
    let intercept = median(sorted: y.sorted()) - slope * median(sorted: x.sorted())
    // Sen's interval: ranks (N ± z·σ) / 2 of the sorted slopes, σ² the variance of Kendall's S
    // with ties in x and y removed.
    let z = normalQuantile((1 - confidence) / 2)
    let n = Double(y.count)
    func tieTerm(_ values: [Double]) -> Double {
      var counts: [Double: Int] = [:]
      for value in values { counts[value, default: 0] += 1 }
      return counts.values.filter { $0 > 1 }.reduce(0) { total, k in
        let k = Double(k)
        return total + k * (k - 1) * (2 * k + 5)
      }
    }
    let variance = (n * (n - 1) * (2 * n + 5) - tieTerm(x) - tieTerm(y)) / 18
    let sigma = variance > 0 ? variance.squareRoot() : 0
    let count = Double(slopes.count)
    let upper = min(Int(((count - z * sigma) / 2).rounded(.toNearestOrEven)), slopes.count - 1)
    let lower = max(Int(((count + z * sigma) / 2).rounded(.toNearestOrEven)) - 1, 0)
    return TheilSen(slope: slope, intercept: intercept, low: slopes[lower], high: slopes[upper])
  }

  static func median(sorted values: [Double]) -> Double {
    let middle = values.count / 2
    return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }

  /// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9,
  /// refined by one Newton step on erfc).
  static func normalQuantile(_ p: Double) -> Double {
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if p < low {
      let q = (-2 * Foundation_log(p)).squareRoot()
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - low {
      let q = p - 0.5
      let r = q * q
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
      let q = (-2 * Foundation_log(1 - p)).squareRoot()
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = 0.5 * Foundation_erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * Foundation_exp(x * x / 2)
    return x - u / (1 + x * u / 2)
  }
}

import Foundation

private func Foundation_log(_ x: Double) -> Double { Foundation.log(x) }
private func Foundation_exp(_ x: Double) -> Double { Foundation.exp(x) }
private func Foundation_erfc(_ x: Double) -> Double { Foundation.erfc(x) }
