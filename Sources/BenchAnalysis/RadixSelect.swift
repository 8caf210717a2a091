/// Percentiles of a sample that is never put into one array: the values are enumerated a few
/// times and the wanted ranks found digit by digit (MSD radix selection on the IEEE bit
/// patterns, 16 bits per pass).
///
/// Why: the ITL histogram needs the p99 of up to four levels' gaps together — tens of millions
/// of values at the benchmark's scale 4, which as one sorted array (plus the sort's scratch)
/// were the largest allocation of a run. Selection needs a 64 K-entry count table instead.
/// The result is the same as sorting the values and calling ``Percentile/linear(_:_:)``.
public enum RadixSelect {
  /// `Percentile.linear(sorted(values), p)` for the values `forEachValue` enumerates (it is
  /// called up to nine times and must give the same values each time, in any order).
  public static func percentile(_ p: Double, forEachValue: ((Double) -> Void) -> Void) -> Double? {
    var count = 0
    var special = false
    forEachValue { value in
      count += 1
      special = special || value.isNaN || value.bitPattern == (-0.0 as Double).bitPattern
    }
    if special {
      // NaN has no order and -0.0 sorts by position: do exactly what a sort does.
      var values: [Double] = []
      values.reserveCapacity(count)
      forEachValue { values.append($0) }
      values.sort()
      return Percentile.linear(values, p)
    }
    return Percentile.linear(count: count, p) { value(atRank: $0, forEachValue: forEachValue) }
  }

  /// The value at `rank` (0-based) in ascending order; no NaN or -0.0 among the values.
  static func value(atRank rank: Int, forEachValue: ((Double) -> Void) -> Void) -> Double {
    var prefix: UInt64 = 0
    var prefixMask: UInt64 = 0
    var remaining = rank
    var histogram = [Int](repeating: 0, count: 1 << 16)
    for shift in stride(from: UInt64(48), through: 0, by: -16) {
      histogram.withUnsafeMutableBufferPointer { counts in
        counts.update(repeating: 0)
        forEachValue { value in
          let key = orderedKey(value)
          if key & prefixMask == prefix { counts[Int(truncatingIfNeeded: key >> shift) & 0xFFFF] += 1 }
        }
      }
      var digit = 0
      while remaining >= histogram[digit] {
        remaining -= histogram[digit]
        digit += 1
      }
      prefix |= UInt64(digit) << shift
      prefixMask |= 0xFFFF << shift
    }
    return Double(bitPattern: RadixSort.decode(prefix))
  }

  /// The bit pattern mapped so that unsigned order is numeric order (as in ``RadixSort``).
  @inline(__always)
  static func orderedKey(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits ^ (bits >> 63 == 0 ? 0x8000_0000_0000_0000 : UInt64.max)
  }
}
