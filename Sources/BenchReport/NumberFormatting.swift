import Foundation

/// Deterministic number formatting for reports: `.` decimals, `,` thousands separators,
/// "—" for unknown values, independent of the machine's locale (reports must diff cleanly).
public enum NumberFormatting {
  public static let missing = "—"

  /// `value` with `decimals` fraction digits and thousands separators: 12345.678 → "12,345.7".
  public static func decimal(_ value: Double?, _ decimals: Int) -> String {
    guard let value, value.isFinite else { return infinityOrMissing(value) }
    let text = fixed(value, decimals)
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", maxSplits: 1)
    var integer = String(parts[0])
    var grouped = ""
    while integer.count > 3 {
      grouped = "," + integer.suffix(3) + grouped
      integer = String(integer.dropLast(3))
    }
    grouped = integer + grouped
    let result = parts.count > 1 ? grouped + "." + parts[1] : grouped
    return (negative && result.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : "") + result
  }

  /// `String(format: "%.<decimals>f", value)` through C's `snprintf` on a stack buffer: the
  /// same text (Foundation formats with the C library too), without Foundation's format
  /// parsing and `NSString` per number — a report of a 200-level sweep formats tens of
  /// thousands of them.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    let capacity = 64
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
      let length = withVaList([Int32(decimals), value]) { vsnprintf(buffer.baseAddress!, capacity, "%.*f", $0) }
      guard length >= 0, length < capacity else { return String(format: "%.\(decimals)f", value) }
      return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(length)), as: UTF8.self)
    }
  }

  /// "∞" or "-∞" for an infinite value, "—" for nil and NaN.
  static func infinityOrMissing(_ value: Double?) -> String {
    guard let value, value.isInfinite else { return missing }
    return value < 0 ? "-∞" : "∞"
  }

  /// A whole number with thousands separators.
  public static func integer(_ value: Int?) -> String {
    guard let value else { return missing }
    return decimal(Double(value), 0)
  }

  /// A fraction as a percentage: 0.9512 → "95.1%", 1 → "100%".
  public static func percent(_ fraction: Double?, decimals: Int = 1) -> String {
    guard let fraction, fraction.isFinite else { return missing }
    let text = decimal(fraction * 100, decimals)
    let trimmed = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    return trimmed + "%"
  }

  /// A signed percentage change: 0.123 → "+12.3%", -0.05 → "-5%".
  public static func signedPercent(_ fraction: Double?) -> String {
    guard let fraction, fraction.isFinite else { return missing }
    return (fraction >= 0 ? "+" : "") + percent(fraction)
  }

  /// Milliseconds: one decimal below 1000 ms, whole milliseconds above.
  public static func milliseconds(_ value: Double?) -> String {
    guard let value else { return missing }
    return decimal(value, abs(value) >= 1000 ? 0 : 1)
  }

  /// A number with up to `decimals` digits, trailing zeros dropped: 10.0 → "10", 2.50 → "2.5".
  public static func compact(_ value: Double?, maxDecimals: Int = 2) -> String {
    guard let value, value.isFinite else { return infinityOrMissing(value) }
    var text = decimal(value, maxDecimals)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// A ratio such as 3.2×.
  public static func ratio(_ value: Double?) -> String {
    guard let value, value.isFinite else { return missing }
    return compact(value, maxDecimals: value >= 10 ? 0 : 1) + "×"
  }
}
