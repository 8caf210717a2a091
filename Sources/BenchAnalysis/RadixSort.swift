/// Sorting of `Double`s by their IEEE 754 bit patterns (LSD radix sort, 8 bits per pass), with
/// exactly the result of the standard library's `sort()`.
///
/// Why: recomputing percentiles sorts millions of inter-token gaps per level, and the
/// comparison sort was the largest single cost of `analyze` (about a quarter of it). A radix
/// sort does it in linear time: one pass to build all eight byte histograms, then one
/// scatter pass per byte that is not the same in every value (latencies of similar magnitude
/// share their top bytes, so usually five or six passes).
///
/// The mapping `bits ^ (negative ? all ones : sign bit)` orders the bit patterns as the values
/// order. Values that the standard sort orders by input position — `-0.0` beside `0.0`, which
/// compare equal but differ in bits — and NaN (no order at all) are rare in latencies; with
/// either present the standard `sort()` is used, so the result is always the same as it.
public enum RadixSort {
  /// Below this many values the comparison sort is as fast.
  static let threshold = 512

  /// Sorts `values` ascending in place: the same result as `values.sort()`.
  public static func sort(_ values: inout [Double]) {
    let count = values.count
    guard count >= threshold else {
      values.sort()
      return
    }
    var histograms = [Int](repeating: 0, count: 8 * 256)
    var special = false
    values.withUnsafeMutableBufferPointer { doubles in
      doubles.withMemoryRebound(to: UInt64.self) { keys in
        histograms.withUnsafeMutableBufferPointer { counts in
          for index in 0..<count {
            let bits = keys[index]
            // -0.0, or NaN (all exponent bits set and a non-zero fraction).
            special = special || bits == 0x8000_0000_0000_0000 || bits & 0x7FFF_FFFF_FFFF_FFFF > 0x7FF0_0000_0000_0000
            let key = bits ^ (bits >> 63 == 0 ? 0x8000_0000_0000_0000 : UInt64.max)
            keys[index] = key
            for byte in 0..<8 {
              counts[byte << 8 | Int(truncatingIfNeeded: key >> UInt64(byte * 8)) & 0xFF] += 1
            }
          }
        }
      }
    }
    if special {
      values.withUnsafeMutableBufferPointer { doubles in
        doubles.withMemoryRebound(to: UInt64.self) { keys in
          for index in 0..<count { keys[index] = decode(keys[index]) }
        }
      }
      values.sort()
      return
    }
    let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
    defer { scratch.deallocate() }
    values.withUnsafeMutableBufferPointer { doubles in
      doubles.withMemoryRebound(to: UInt64.self) { keys in
        histograms.withUnsafeMutableBufferPointer { counts in
          var source = keys
          var target = scratch
          for byte in 0..<8 {
            let histogram = UnsafeMutableBufferPointer(rebasing: counts[byte << 8..<(byte + 1) << 8])
            // A byte that is the same in every value does not reorder anything.
            if histogram.contains(count) { continue }
            var offset = 0
            for bucket in 0..<256 {
              let bucketCount = histogram[bucket]
              histogram[bucket] = offset
              offset += bucketCount
            }
            let shift = UInt64(byte * 8)
            for index in 0..<count {
              let key = source[index]
              let bucket = Int(truncatingIfNeeded: key >> shift) & 0xFF
              target[histogram[bucket]] = key
              histogram[bucket] += 1
            }
            swap(&source, &target)
          }
          if source.baseAddress != keys.baseAddress {
            _ = keys.update(fromContentsOf: source)
          }
          for index in 0..<count { keys[index] = decode(keys[index]) }
        }
      }
    }
  }

  /// `values.sorted()`, in linear time.
  public static func sorted(_ values: [Double]) -> [Double] {
    var copy = values
    sort(&copy)
    return copy
  }

  /// The inverse of the key mapping.
  @inline(__always)
  static func decode(_ key: UInt64) -> UInt64 {
    key ^ (key >> 63 == 1 ? 0x8000_0000_0000_0000 : UInt64.max)
  }
}
