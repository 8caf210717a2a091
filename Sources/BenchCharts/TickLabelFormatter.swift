/// Formats axis numbers the way a reader expects them in a report: thousands separators
/// ("1,200"), a real minus sign, and only as many decimals as the tick step needs.
///
/// Written by hand instead of with `NumberFormatter` so labels do not change with the
/// machine's locale and SVG output stays byte-identical everywhere.
public enum TickLabelFormatter {
  /// The most decimals any label gets; finer values are rounded.
  public static let maximumDecimals = 6

  /// `value` with exactly `decimals` digits after the point and `separator` between
  /// thousands, e.g. `format(12345.6, decimals: 1)` → "12,345.6".
  public static func format(_ value: Double, decimals: Int, separator: String = ",") -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "−∞" : "∞") }
    let digits = min(max(decimals, 0), maximumDecimals)
    var power = 1.0
    for _ in 0..<digits { power *= 10 }
    let scaled = (abs(value) * power).rounded()
    guard scaled < 9.0e15 else {
      // Beyond exact integer range; never a sensible tick label, but must not trap.
      return String(value)
    }
    let units = UInt64(scaled)
    let whole = units / UInt64(power)
    let fraction = units % UInt64(power)
    var text = grouped(whole, separator: separator)
    if digits > 0 {
      let fractionText = String(fraction)
      text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return (value < 0 && units != 0) ? "−" + text : text
  }

  /// `value` with the fewest decimals (up to `maximumDecimals`) that represent it,
  /// e.g. 1024 → "1,024", 0.25 → "0.25". For ticks at arbitrary levels.
  public static func format(_ value: Double, separator: String = ",") -> String {
    format(value, decimals: decimalsNeeded(for: value), separator: separator)
  }

  /// The decimals needed so that every multiple of `step` prints distinctly:
  /// 200 → 0, 0.5 → 1, 0.25 → 2.
  public static func decimals(forStep step: Double) -> Int {
    guard step.isFinite, step > 0 else { return 0 }
    return decimalsNeeded(for: step)
  }

  static func decimalsNeeded(for value: Double) -> Int {
    guard value.isFinite else { return 0 }
    var power = 1.0
    for digits in 0...maximumDecimals {
      let scaled = value * power
      if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { return digits }
      power *= 10
    }
    return maximumDecimals
  }

  private static func grouped(_ number: UInt64, separator: String) -> String {
    let digits = Array(String(number))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
      out.append(digit)
    }
    return out
  }
}
