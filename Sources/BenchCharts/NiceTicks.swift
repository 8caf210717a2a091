import Foundation

/// "Nice" tick values for linear axes: steps of 1, 2 or 5 × 10ⁿ, so that a reader can
/// interpolate between gridlines in their head (Heckbert, "Nice numbers for graph
/// labels", Graphics Gems, 1990).
public enum NiceTicks {
  /// The 1-2-5 step nearest to `rawStep` (Heckbert's rounding: below 1.5 → 1,
  /// below 3 → 2, below 7 → 5, else 10, times the power of ten).
  public static func niceStep(near rawStep: Double) -> Double {
    guard rawStep.isFinite, rawStep > 0 else { return 1 }
    let exponent = log10(rawStep).rounded(.down)
    let magnitude = pow10(Int(exponent))
    let fraction = rawStep / magnitude
    let nice: Double
    if fraction < 1.5 {
      nice = 1
    } else if fraction < 3 {
      nice = 2
    } else if fraction < 7 {
      nice = 5
    } else {
      nice = 10
    }
    return nice * magnitude
  }

  /// The nice step for showing `lower…upper` with about `targetCount` ticks.
  public static func step(lower: Double, upper: Double, targetCount: Int) -> Double {
    let intervals = Double(max(targetCount - 1, 1))
    let span = upper - lower
    return niceStep(near: span > 0 ? span / intervals : max(abs(lower), 1) / intervals)
  }

  /// Ticks from the last multiple of the step at or below `lower` to the first at or
  /// above `upper`, e.g. 0…1234 with 6 wanted → 0, 200, …, 1400.
  public static func ticks(covering lower: Double, _ upper: Double, targetCount: Int = 6) -> [Double] {
    let step = step(lower: lower, upper: upper, targetCount: targetCount)
    // The slack keeps float noise (1400.0000001 / 200) from adding a tick.
    let first = (lower / step + 1e-9).rounded(.down)
    let last = (upper / step - 1e-9).rounded(.up)
    return multiples(of: step, from: first, through: last)
  }

  /// The multiples of `step` that lie inside `lower…upper` (with a little float slack).
  public static func ticks(within lower: Double, _ upper: Double, step: Double) -> [Double] {
    guard step > 0, upper >= lower else { return [] }
    let first = (lower / step - 1e-9).rounded(.up)
    let last = (upper / step + 1e-9).rounded(.down)
    return multiples(of: step, from: first, through: last)
  }

  private static func multiples(of step: Double, from first: Double, through last: Double) -> [Double] {
    guard last >= first, last - first < 10_000 else { return [] }
    let decimals = TickLabelFormatter.decimals(forStep: step)
    let power = pow10(decimals)
    return stride(from: first, through: last, by: 1).map { k in
      // Snap to the step's precision so 3 × 0.1 is 0.3, not 0.30000000000000004.
      let value = ((k * step) * power).rounded() / power
      return value == 0 ? 0 : value
    }
  }

  static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<exponent { result *= 10 }
    } else {
      for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
  }
}
