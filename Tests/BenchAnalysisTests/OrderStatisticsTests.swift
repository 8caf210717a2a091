import Testing

@testable import BenchAnalysis

/// The reference is the standard library's sort: `values.sorted()[rank]`, bit for bit.
struct OrderStatisticsTests {
  static func expectSameAsSorting(_ values: [Double], ranks: Set<Int>, _ comment: Comment) {
    let sorted = values.sorted()
    let selected = values.withUnsafeBufferPointer { OrderStatistics.values(atRanks: ranks, of: $0) }
    #expect(Set(selected.keys) == ranks, comment)
    for rank in ranks {
      #expect(selected[rank]?.bitPattern == sorted[rank].bitPattern, "rank \(rank) \(comment)")
    }
  }

  static func spread(_ count: Int) -> Set<Int> {
    [0, 1, count / 4, count / 2 - 1, count / 2, count * 9 / 10, count * 99 / 100, count - 2, count - 1]
  }

  @Test func latencyLikeValues() {
    var generator = RadixSortTests.Generator(state: 21)
    // Inter-token gaps around 33 ms with a long tail: the shape of the benchmark's ITLs.
    let values = (0..<200_000).map { index in
      0.033 * (0.9 + 0.2 * Double.random(in: 0..<1, using: &generator)) + (index % 97 == 0 ? 0.5 : 0)
    }
    Self.expectSameAsSorting(values, ranks: Self.spread(values.count), "gaps")
  }

  @Test func valuesOfBothSignsAndManyMagnitudes() {
    var generator = RadixSortTests.Generator(state: 22)
    let values = (0..<50_000).map { _ in
      Double.random(in: -1...1, using: &generator) * Double.random(in: 1e-9...1e9, using: &generator)
    }
    Self.expectSameAsSorting(values, ranks: Self.spread(values.count), "±, 1e-9…1e9")
  }

  /// Few distinct values: one bucket holds most of the sample and is gathered whole.
  @Test func heavyTies() {
    var generator = RadixSortTests.Generator(state: 23)
    let values = (0..<30_000).map { _ in Double(Int.random(in: 0...3, using: &generator)) }
    Self.expectSameAsSorting(values, ranks: Self.spread(values.count), "four distinct")
    Self.expectSameAsSorting(Array(repeating: 7.5, count: 10_000), ranks: [0, 5_000, 9_999], "all equal")
  }

  /// 1.5 M values in [32, 34) share their top 16 bits: the counting window starts below that
  /// common prefix (the case the former radix selection had to narrow twice for).
  @Test func narrowValuesThatShareTheirTopBits() {
    var generator = RadixSortTests.Generator(state: 12)
    let values = (0..<1_500_000).map { _ in 32 + 2 * Double.random(in: 0..<1, using: &generator) }
    Self.expectSameAsSorting(values, ranks: Self.spread(values.count), "[32, 34)")
    Self.expectSameAsSorting(Array(repeating: 7.5, count: 1_100_000), ranks: [0, 1_089_000], "all equal, many")
  }

  /// Values whose keys differ only in their lowest bits (no 16 bits to spare below the
  /// highest differing bit).
  @Test func neighbouringDoubles() {
    let values = (0..<5_000).reversed().map { Double(bitPattern: (1.0 as Double).bitPattern + UInt64($0 % 300)) }
    Self.expectSameAsSorting(values, ranks: Self.spread(values.count), "adjacent doubles")
  }

  @Test func smallSamplesAndNoRanks() {
    Self.expectSameAsSorting([3, 1, 2], ranks: [0, 1, 2], "three values")
    #expect([1.0, 2].withUnsafeBufferPointer { OrderStatistics.values(atRanks: [], of: $0) }.isEmpty)
  }

  /// -0.0 and NaN make the standard sort's result depend on position: selection defers to it.
  @Test func negativeZeroAndNaNGiveTheSortedResult() {
    var generator = RadixSortTests.Generator(state: 24)
    var values = (0..<10_000).map { _ in Double.random(in: -1...1, using: &generator) }
    values[17] = -0.0
    values[18] = 0
    Self.expectSameAsSorting(values, ranks: Self.spread(values.count), "-0.0")
    values[19] = .nan
    let sorted = values.sorted()
    let selected = values.withUnsafeBufferPointer { OrderStatistics.values(atRanks: [5_000], of: $0) }
    #expect(selected[5_000]?.bitPattern == sorted[5_000].bitPattern)
  }

  /// Several arrays taken together (the ITL histogram's levels) give the ranks of their
  /// concatenation, and `percentile` numpy's linear percentile of it.
  @Test func segmentsTakenTogether() {
    var generator = RadixSortTests.Generator(state: 25)
    let arrays = [3_000, 0, 40_000, 7].map { count in
      (0..<count).map { _ in 0.03 + 0.01 * Double.random(in: 0..<1, using: &generator) }
    }
    let all = arrays.flatMap { $0 }
    let sorted = all.sorted()
    let ranks = Self.spread(all.count)
    let selected = arrays[0].withUnsafeBufferPointer { a in
      arrays[1].withUnsafeBufferPointer { b in
        arrays[2].withUnsafeBufferPointer { c in
          arrays[3].withUnsafeBufferPointer { d in OrderStatistics.values(atRanks: ranks, ofSegments: [a, b, c, d]) }
        }
      }
    }
    for rank in ranks { #expect(selected[rank]?.bitPattern == sorted[rank].bitPattern, "rank \(rank)") }
    for p in [0.0, 50, 99, 100] {
      #expect(OrderStatistics.percentile(p, ofArrays: arrays)?.bitPattern == Percentile.linear(sorted, p)?.bitPattern, "p\(p)")
    }
    #expect(OrderStatistics.percentile(50, ofArrays: [[], []]) == nil)
  }

  /// Above `parallelThreshold`, the passes run on pieces cut across the segments' borders;
  /// the ranks must still be those of sorting everything.
  @Test func parallelPiecesAcrossSeveralSegments() {
    var generator = RadixSortTests.Generator(state: 31)
    let arrays = [1_300_001, 7, 0, 1_000_003].map { count in
      (0..<count).map { _ in 0.05 * (0.8 + 0.4 * Double.random(in: 0..<1, using: &generator)) }
    }
    let all = arrays.flatMap { $0 }
    #expect(all.count >= OrderStatistics.parallelThreshold)
    let sorted = all.sorted()
    let ranks = Self.spread(all.count)
    let selected = arrays[0].withUnsafeBufferPointer { a in
      arrays[1].withUnsafeBufferPointer { b in
        arrays[2].withUnsafeBufferPointer { c in
          arrays[3].withUnsafeBufferPointer { d in
            OrderStatistics.values(atRanks: ranks, ofSegments: [a, b, c, d], parallel: true)
          }
        }
      }
    }
    for rank in ranks { #expect(selected[rank]?.bitPattern == sorted[rank].bitPattern, "rank \(rank)") }
    #expect(OrderStatistics.percentile(99, ofArrays: arrays) == Percentile.linear(sorted, 99))
  }

  @Test func piecesCoverEveryValueOnceInOrder() {
    let arrays: [[Double]] = [(0..<10).map(Double.init), [], (10..<13).map(Double.init), (13..<30).map(Double.init)]
    for count in [1, 2, 3, 4, 7, 30, 31] {
      let flattened = arrays[0].withUnsafeBufferPointer { a in
        arrays[1].withUnsafeBufferPointer { b in
          arrays[2].withUnsafeBufferPointer { c in
            arrays[3].withUnsafeBufferPointer { d in
              OrderStatistics.pieces(of: [a, b, c, d], count: count).map { $0.flatMap { Array($0) } }
            }
          }
        }
      }
      #expect(flattened.flatMap { $0 } == (0..<30).map(Double.init), "\(count) pieces")
      #expect(flattened.count <= count, "\(count) pieces")
    }
  }
}
