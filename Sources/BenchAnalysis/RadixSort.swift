/// Sorting of `Double`s by their IEEE 754 bit patterns, with exactly the result of the
/// standard library's `sort()`.
///
/// Why: recomputing percentiles sorts millions of inter-token gaps per level, and the
/// comparison sort was the largest single cost of `analyze` (about a quarter of it). A radix
/// sort does it in linear time. The mapping `bits ^ (negative ? all ones : sign bit)` orders
/// the bit patterns as the values order.
///
/// How: one pass builds all eight byte histograms. Bytes that are the same in every value
/// (latencies of similar magnitude share their top bytes) are skipped. The most significant
/// byte that varies partitions the keys in place (American flag sort); each partition is then
/// sorted by the lower bytes with an LSD radix sort (12 bits per pass) whose scratch buffer
/// needs only the partition's size — so the largest level's ITLs do not need a second copy.
/// Equal keys are identical values, so the partition step being unstable changes nothing.
///
/// Values that the standard sort orders by input position — `-0.0` beside `0.0`, which compare
/// equal but differ in bits — and NaN (no order at all) are rare in latencies; with either
/// present the standard `sort()` is used, so the result is always the same as it.
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
            special = special || sortsByPosition(bits)
            let key = orderedKey(bits)
            keys[index] = key
            for byte in 0..<8 {
              counts[byte << 8 | Int(truncatingIfNeeded: key >> UInt64(byte * 8)) & 0xFF] += 1
            }
          }
        }
      }
    }
    values.withUnsafeMutableBufferPointer { doubles in
      doubles.withMemoryRebound(to: UInt64.self) { keys in
        if special {
          for index in 0..<count { keys[index] = decode(keys[index]) }
          return
        }
        histograms.withUnsafeBufferPointer { counts in
          sortKeys(keys, histograms: counts)
        }
        for index in 0..<count { keys[index] = decode(keys[index]) }
      }
    }
    if special { values.sort() }
  }

  /// `values.sorted()`, in linear time.
  public static func sorted(_ values: [Double]) -> [Double] {
    var copy = values
    sort(&copy)
    return copy
  }

  /// Sorts mapped keys given their eight byte histograms.
  static func sortKeys(_ keys: UnsafeMutableBufferPointer<UInt64>, histograms: UnsafeBufferPointer<Int>) {
    let count = keys.count
    func varies(_ byte: Int) -> Bool { !histograms[byte << 8..<(byte + 1) << 8].contains(count) }
    guard let top = (0..<8).reversed().first(where: varies) else { return }  // all keys equal
    let buckets = histograms[top << 8..<(top + 1) << 8]
    // One bucket holding most keys would need most of a copy anyway: plain LSD then.
    guard top > 0, buckets.max()! <= count / 2 else {
      lsd(keys, bits: (top + 1) * 8)
      return
    }
    var starts = [Int](repeating: 0, count: 257)
    for bucket in 0..<256 { starts[bucket + 1] = starts[bucket] + buckets[buckets.startIndex + bucket] }
    americanFlagPartition(keys, byte: top, starts: starts)
    for bucket in 0..<256 where starts[bucket + 1] - starts[bucket] > 1 {
      var part = UnsafeMutableBufferPointer(rebasing: keys[starts[bucket]..<starts[bucket + 1]])
      if part.count < threshold {
        part.sort()
      } else {
        lsd(part, bits: top * 8)
      }
    }
  }

  /// Moves every key into the bucket of its `byte`-th byte, in place.
  static func americanFlagPartition(_ keys: UnsafeMutableBufferPointer<UInt64>, byte: Int, starts: [Int]) {
    let shift = UInt64(byte * 8)
    var next = Array(starts[0..<256])
    for bucket in 0..<256 {
      let end = starts[bucket + 1]
      while next[bucket] < end {
        var key = keys[next[bucket]]
        var digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
        while digit != bucket {
          swap(&key, &keys[next[digit]])
          next[digit] += 1
          digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
        }
        keys[next[bucket]] = key
        next[bucket] += 1
      }
    }
  }

  /// LSD radix sort of `keys` on their lowest `bits` bits, 12 bits per pass (4096 counters
  /// per digit stay in cache; 48 bits take four passes rather than six), skipping digits that
  /// turn out constant; scratch space of `keys.count`.
  static func lsd(_ keys: UnsafeMutableBufferPointer<UInt64>, bits: Int) {
    let count = keys.count
    let digitBits = 12
    let radix = 1 << digitBits
    let digits = (bits + digitBits - 1) / digitBits
    let mask = UInt64(radix - 1)
    var histograms = [Int](repeating: 0, count: digits * radix)
    histograms.withUnsafeMutableBufferPointer { counts in
      for index in 0..<count {
        let key = keys[index]
        for digit in 0..<digits {
          counts[digit * radix + Int(truncatingIfNeeded: (key >> UInt64(digit * digitBits)) & mask)] += 1
        }
      }
    }
    let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
    defer { scratch.deallocate() }
    histograms.withUnsafeMutableBufferPointer { counts in
      var source = keys
      var target = scratch
      for digit in 0..<digits {
        let histogram = UnsafeMutableBufferPointer(rebasing: counts[digit * radix..<(digit + 1) * radix])
        if histogram.contains(count) { continue }  // the same in every key: no reordering
        var offset = 0
        for bucket in 0..<radix {
          let bucketCount = histogram[bucket]
          histogram[bucket] = offset
          offset += bucketCount
        }
        let shift = UInt64(digit * digitBits)
        for index in 0..<count {
          let key = source[index]
          let bucket = Int(truncatingIfNeeded: (key >> shift) & mask)
          target[histogram[bucket]] = key
          histogram[bucket] += 1
        }
        swap(&source, &target)
      }
      if source.baseAddress != keys.baseAddress {
        _ = keys.update(fromContentsOf: source)
      }
    }
  }

  /// The bit pattern mapped so that unsigned order is numeric order.
  @inline(__always)
  static func orderedKey(_ bits: UInt64) -> UInt64 {
    bits ^ (bits >> 63 == 0 ? 0x8000_0000_0000_0000 : UInt64.max)
  }

  /// ``orderedKey(_:)`` of a value.
  @inline(__always)
  static func orderedKey(_ value: Double) -> UInt64 { orderedKey(value.bitPattern) }

  /// True for -0.0 and NaN (all exponent bits set and a non-zero fraction): values the
  /// standard sort orders by position or not at all, so the key order cannot stand in for it.
  @inline(__always)
  static func sortsByPosition(_ bits: UInt64) -> Bool {
    bits == 0x8000_0000_0000_0000 || bits & 0x7FFF_FFFF_FFFF_FFFF > 0x7FF0_0000_0000_0000
  }

  /// The inverse of the key mapping.
  @inline(__always)
  static func decode(_ key: UInt64) -> UInt64 {
    key ^ (key >> 63 == 1 ? 0x8000_0000_0000_0000 : UInt64.max)
  }
}
