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
  /// called a few times and must give the same values each time, in any order).
  public static func percentile(_ p: Double, forEachValue: ((Double) -> Void) -> Void) -> Double? {
    // Pass 1: count, look for NaN / -0.0, and histogram the top 16 bits of every key.
    var count = 0
    var special = false
    var histogram = [Int](repeating: 0, count: 1 << 16)
    histogram.withUnsafeMutableBufferPointer { counts in
      forEachValue { value in
        count += 1
        special = special || value.isNaN || value.bitPattern == (-0.0 as Double).bitPattern
        counts[Int(truncatingIfNeeded: orderedKey(value) >> 48)] += 1
      }
    }
    if special {
      // NaN has no order and -0.0 sorts by position: do exactly what a sort does.
      var values: [Double] = []
      values.reserveCapacity(count)
      forEachValue { values.append($0) }
      values.sort()
      return Percentile.linear(values, p)
    }
    var selection = Selection(histogram: histogram, shift: 48)
    return Percentile.linear(count: count, p) { rank in selection.value(atRank: rank, forEachValue: forEachValue) }
  }

  /// Finds values by rank, narrowing to the keys that share a prefix with the wanted one until
  /// few enough remain to gather and sort (then neighbouring ranks cost no further pass).
  struct Selection {
    /// Values gathered at most (8 MB): below this, one pass gathers and a sort finishes.
    static let gatherLimit = 1 << 20
    let firstHistogram: [Int]
    let firstShift: UInt64
    /// The gathered values with their prefix, and the rank of the first of them.
    var gathered: [Double] = []
    var gatheredFirstRank = 0

    init(histogram: [Int], shift: UInt64) {
      firstHistogram = histogram
      firstShift = shift
    }

    mutating func value(atRank rank: Int, forEachValue: ((Double) -> Void) -> Void) -> Double {
      if rank >= gatheredFirstRank && rank - gatheredFirstRank < gathered.count {
        return gathered[rank - gatheredFirstRank]
      }
      var histogram = firstHistogram
      var shift = firstShift
      var prefix: UInt64 = 0
      var prefixMask: UInt64 = 0
      var below = 0  // values with a smaller key than the prefix
      while true {
        var digit = 0
        var remaining = rank - below
        while remaining >= histogram[digit] {
          remaining -= histogram[digit]
          below += histogram[digit]
          digit += 1
        }
        prefix |= UInt64(digit) << shift
        prefixMask |= 0xFFFF << shift
        let inBucket = histogram[digit]
        if inBucket <= Self.gatherLimit || shift == 0 {
          // Gather the bucket's values; sorted, they are ranks below ..< below + inBucket.
          var values: [Double] = []
          values.reserveCapacity(inBucket)
          let mask = prefixMask
          let wanted = prefix
          forEachValue { value in
            if orderedKey(value) & mask == wanted { values.append(value) }
          }
          RadixSort.sort(&values)
          gathered = values
          gatheredFirstRank = below
          return gathered[rank - below]
        }
        shift -= 16
        histogram.withUnsafeMutableBufferPointer { counts in
          counts.update(repeating: 0)
          let mask = prefixMask
          let wanted = prefix
          let digitShift = shift
          forEachValue { value in
            let key = orderedKey(value)
            if key & mask == wanted { counts[Int(truncatingIfNeeded: key >> digitShift) & 0xFFFF] += 1 }
          }
        }
      }
    }
  }

  /// The bit pattern mapped so that unsigned order is numeric order (as in ``RadixSort``).
  @inline(__always)
  static func orderedKey(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits ^ (bits >> 63 == 0 ? 0x8000_0000_0000_0000 : UInt64.max)
  }
}
