/// Correctly rounded conversion of a decimal `w × 10^q` to the nearest `Double` (ties to even),
/// by the Eisel–Lemire algorithm: one or two 64×128-bit multiplications by a truncated power of
/// five (`powersOfFive128`), then rounding.
///
/// Why: result files hold millions of Python-`repr` floats with 17 significant digits, which
/// take glibc `strtod`'s slow path (about a fifth of the whole run's time before this). The
/// algorithm is Lemire's, "Number Parsing at a Gigabyte per Second" (Software: Practice and
/// Experience 51(8), 2021), section 5, step for step as the fast_float library implements it
/// (`compute_float`, `compute_product_approximation`). In the rare cases where the truncated
/// product cannot decide the rounding, ``double(mantissa:exponent:negative:table:)`` returns nil
/// and the caller falls back to `strtod`. Tested bit for bit against `strtod` on millions of
/// inputs in `EiselLemireTests`.
enum EiselLemire {
  /// Below `1 × 10^-342` every 19-digit decimal rounds to zero.
  static let smallestPowerOfTen = -342
  /// Above `10^308` every non-zero decimal overflows to infinity.
  static let largestPowerOfTen = 308

  /// The double nearest to `mantissa × 10^exponent` with the given sign, or nil when the
  /// 128-bit approximation cannot decide it (then use `strtod`).
  ///
  /// - Parameters:
  ///   - mantissa: the decimal significand, at most 19 digits (any UInt64).
  ///   - exponent: the power of ten.
  ///   - table: `powersOfFive128`'s storage.
  @inline(__always)
  static func double(mantissa: UInt64, exponent q: Int, negative: Bool, table: UnsafePointer<UInt64>) -> Double? {
    let sign: UInt64 = negative ? 1 << 63 : 0
    if mantissa == 0 || q < smallestPowerOfTen { return Double(bitPattern: sign) }
    if q > largestPowerOfTen { return Double(bitPattern: sign | 0x7FF0_0000_0000_0000) }

    let leadingZeros = mantissa.leadingZeroBitCount
    let w = mantissa << UInt64(leadingZeros)
    let index = 2 * (q - smallestPowerOfTen)
    // First product: w × the high word of 5^q. It gives the 55 bits needed (52 + 3) unless
    // the bits below them are all ones, when the low word's contribution could carry in.
    var (high, low) = w.multipliedFullWidth(by: table[index])
    let precisionMask = UInt64.max >> 55
    if high & precisionMask == precisionMask {
      let second = w.multipliedFullWidth(by: table[index + 1]).high
      let (sum, carry) = low.addingReportingOverflow(second)
      low = sum
      if carry { high &+= 1 }
      // Still undecided outside the range where 5^q is exact in 128 bits: let strtod decide.
      if low == UInt64.max && (q < -27 || q > 55) { return nil }
    }

    let upperBit = Int(high >> 63)
    let shift = UInt64(upperBit + 64 - 52 - 3)
    var significand = high >> shift
    // ⌊log2(10^q)⌋ + 63, as fast_float's `power(q)`, then the IEEE bias.
    var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023

    if power2 <= 0 {
      // Subnormal (or zero): shift into place, round half to even by hand.
      if -power2 + 1 >= 64 { return Double(bitPattern: sign) }
      significand >>= UInt64(-power2 + 1)
      significand += significand & 1
      significand >>= 1
      power2 = significand < (1 << 52) ? 0 : 1
      return Double(bitPattern: sign | UInt64(power2) << 52 | significand)
    }

    // Exactly halfway between two doubles (only possible for small |q|): round to even
    // rather than up.
    if low <= 1 && q >= -4 && q <= 23 && significand & 3 == 1 && (significand << shift) == high {
      significand &= ~1
    }
    significand += significand & 1
    significand >>= 1
    if significand >= (2 << 52) {
      significand = 1 << 52
      power2 += 1
    }
    significand &= ~(1 << 52)
    if power2 >= 0x7FF { return Double(bitPattern: sign | 0x7FF0_0000_0000_0000) }
    return Double(bitPattern: sign | UInt64(power2) << 52 | significand)
  }
}
