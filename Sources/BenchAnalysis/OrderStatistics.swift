import BenchModel
import Foundation

/// Values at given ranks of an unsorted sample (`sorted(values)[rank]`), found without sorting
/// it and without changing or copying it.
///
/// Why: a run's percentiles need a handful of ranks, but its inter-token gaps are millions of
/// values; sorting them all was the largest cost of recomputing a level's latency, and needed
/// a copy (plus a sort's scratch) of the largest array of the run.
///
/// How: one pass finds the highest bit in which the values' order keys (IEEE bit patterns
/// mapped so that unsigned order is numeric order, as in ``RadixSort``) differ, and whether
/// the sample holds NaN or -0.0; a second pass counts the keys by their 16 bits from there
/// down. The wanted ranks fall into a few of those 65 536 buckets; a third pass gathers the
/// values of only those buckets, which are sorted, and each rank is read off. Values of
/// latencies spread over the buckets, so the gathered values are a small fraction of the
/// sample; when they are not (a sample of few distinct values), the gathered sort is simply
/// larger, and the result is the same.
///
/// The result is exactly that of sorting: the same bits as `values.sorted()[rank]`. With NaN
/// or -0.0 present (no order, or an order by position), the sample is sorted with the standard
/// library, as ``RadixSort`` does.
public enum OrderStatistics {
  /// Below this many values a sort of a copy is as fast.
  static let sortThreshold = 4096
  /// From this many values on, the passes run on all cores.
  static let parallelThreshold = 1 << 21

  /// `sorted(values)[rank]` for each of `ranks` (each in `0..<values.count`), by rank.
  public static func values(atRanks ranks: Set<Int>, of values: UnsafeBufferPointer<Double>) -> [Int: Double] {
    self.values(atRanks: ranks, ofSegments: [values])
  }

  /// The same for the values of several buffers taken together (e.g. the gaps of several
  /// runs), never copied into one. With `parallel`, a large sample's passes run on all cores
  /// (for a caller that is not already one of several threads at work).
  public static func values(
    atRanks ranks: Set<Int>, ofSegments segments: [UnsafeBufferPointer<Double>], parallel: Bool = false
  ) -> [Int: Double] {
    let count = segments.reduce(0) { $0 + $1.count }
    precondition(ranks.allSatisfy { $0 >= 0 && $0 < count }, "rank out of range")
    guard !ranks.isEmpty else { return [:] }
    func all() -> [Double] { segments.flatMap { Array($0) } }
    if count < sortThreshold { return byRank(ranks, sorted: RadixSort.sorted(all())) }

    // Large samples (the pooled gaps of a sweep's ITL histogram: tens of millions) are cut
    // into pieces whose passes run on all cores; the counts are summed, so the result is the
    // same.
    let pieces = parallel && count >= parallelThreshold ? Self.pieces(of: segments, count: 2 * ProcessInfo.processInfo.activeProcessorCount) : [segments]
    nonisolated(unsafe) let shared = pieces

    // Pass 1: where the keys differ, and whether anything sorts by position.
    let firstValue = segments.first { !$0.isEmpty }![0]
    let first = RadixSort.orderedKey(firstValue)
    let scans = ParallelMap.map(Array(pieces.indices)) { piece -> (differing: UInt64, special: Bool) in
      var differing: UInt64 = 0
      var special = false
      for values in shared[piece] {
        for value in values {
          let bits = value.bitPattern
          special = special || RadixSort.sortsByPosition(bits)
          differing |= RadixSort.orderedKey(bits) ^ first
        }
      }
      return (differing, special)
    }
    if scans.contains(where: \.special) { return byRank(ranks, sorted: all().sorted()) }
    let differing = scans.reduce(0) { $0 | $1.differing }
    if differing == 0 { return Dictionary(uniqueKeysWithValues: ranks.map { ($0, firstValue) }) }
    let highestBit = 63 - differing.leadingZeroBitCount
    let shift = UInt64(max(highestBit - 15, 0))

    // Pass 2: keys counted by their 16 bits below the common prefix.
    let counted = ParallelMap.map(Array(pieces.indices)) { piece -> [Int] in
      var histogram = [Int](repeating: 0, count: 1 << 16)
      histogram.withUnsafeMutableBufferPointer { counts in
        for values in shared[piece] {
          for value in values {
            counts[Int(truncatingIfNeeded: RadixSort.orderedKey(value) >> shift) & 0xFFFF] += 1
          }
        }
      }
      return histogram
    }
    var histogram = counted[0]
    for more in counted.dropFirst() {
      for digit in 0..<(1 << 16) { histogram[digit] += more[digit] }
    }
    // The bucket of each rank, and how many values lie in lower buckets.
    var below = [Int](repeating: 0, count: (1 << 16) + 1)
    for digit in 0..<(1 << 16) { below[digit + 1] = below[digit] + histogram[digit] }
    func bucket(ofRank rank: Int) -> Int {
      // The last bucket whose first rank is ≤ rank (binary search over `below`).
      var low = 0
      var high = 1 << 16
      while high - low > 1 {
        let middle = (low + high) / 2
        if below[middle] <= rank { low = middle } else { high = middle }
      }
      return low
    }
    let wanted = Set(ranks.map(bucket(ofRank:)))

    // Pass 3: the wanted buckets' values, sorted; buckets are in key order, so the rank r of
    // bucket d sits at (values of wanted buckets below d) + (r − below[d]).
    var isWanted = [Bool](repeating: false, count: 1 << 16)
    var gatheredBefore: [Int: Int] = [:]
    var total = 0
    for digit in wanted.sorted() {
      isWanted[digit] = true
      gatheredBefore[digit] = total
      total += histogram[digit]
    }
    let wantedDigits = isWanted
    let parts = ParallelMap.map(Array(pieces.indices)) { piece -> [Double] in
      var gathered: [Double] = []
      wantedDigits.withUnsafeBufferPointer { isWanted in
        for values in shared[piece] {
          for value in values where isWanted[Int(truncatingIfNeeded: RadixSort.orderedKey(value) >> shift) & 0xFFFF] {
            gathered.append(value)
          }
        }
      }
      return gathered
    }
    var gathered: [Double] = []
    gathered.reserveCapacity(total)
    for part in parts { gathered += part }
    RadixSort.sort(&gathered)
    var result: [Int: Double] = [:]
    for rank in ranks {
      let digit = bucket(ofRank: rank)
      result[rank] = gathered[gatheredBefore[digit]! + rank - below[digit]]
    }
    return result
  }

  /// `Percentile.linear` of the values of `arrays` taken together, none copied, on all cores;
  /// nil when they are all empty.
  public static func percentile(_ p: Double, ofArrays arrays: [[Double]]) -> Double? {
    withBuffers(arrays[...], []) { segments in
      let count = segments.reduce(0) { $0 + $1.count }
      let ranks = Set(Percentile.ranks(count: count, [p]))
      let atRank = values(atRanks: ranks, ofSegments: segments, parallel: true)
      return Percentile.linear(count: count, p) { atRank[$0]! }
    }
  }

  /// `body` with a buffer pointer to each array's storage.
  private static func withBuffers<Result>(
    _ arrays: ArraySlice<[Double]>, _ buffers: [UnsafeBufferPointer<Double>],
    _ body: ([UnsafeBufferPointer<Double>]) -> Result
  ) -> Result {
    guard let first = arrays.first else { return body(buffers) }
    return first.withUnsafeBufferPointer { withBuffers(arrays.dropFirst(), buffers + [$0], body) }
  }

  /// `segments` cut into about `count` pieces of similar size, in order.
  static func pieces(of segments: [UnsafeBufferPointer<Double>], count: Int) -> [[UnsafeBufferPointer<Double>]] {
    let total = segments.reduce(0) { $0 + $1.count }
    let size = max(1, (total + count - 1) / count)
    var pieces: [[UnsafeBufferPointer<Double>]] = [[]]
    var room = size
    for segment in segments {
      var start = 0
      while start < segment.count {
        if room == 0 {
          pieces.append([])
          room = size
        }
        let end = min(segment.count, start + room)
        pieces[pieces.count - 1].append(UnsafeBufferPointer(rebasing: segment[start..<end]))
        room -= end - start
        start = end
      }
    }
    return pieces
  }

  private static func byRank(_ ranks: Set<Int>, sorted: [Double]) -> [Int: Double] {
    Dictionary(uniqueKeysWithValues: ranks.map { ($0, sorted[$0]) })
  }
}
