import Testing

@testable import BenchIngest

struct LocustHistoryTests {
  static func rows(_ timestamps: [Double]) -> [LocustHistory.Row] {
    timestamps.enumerated().map { LocustHistory.Row(timestamp: $1, users: $0, percentiles: []) }
  }

  /// The reference is a scan from the end (`last(where:)`): same row for every query time,
  /// for rows in time order, with repeated timestamps, and out of order.
  @Test func timeIndexFindsWhatAScanFromTheEndFinds() {
    var generator = EiselLemireTests.Generator(state: 21)
    let ordered = (0..<500).map { Double($0 / 2) }  // repeats: 0, 0, 1, 1, …
    let shuffled = (0..<500).map { _ in Double(Int.random(in: 0..<300, using: &generator)) }
    let almost = ordered.enumerated().map { $0.offset == 250 ? 10.0 : $0.element }  // one row out of order
    for timestamps in [ordered, shuffled, almost, [], [5]] {
      let rows = Self.rows(timestamps)
      let index = LocustHistory.TimeIndex(rows)
      for time in stride(from: -1.0, through: 301, by: 0.5) {
        #expect(index.lastRow(atOrBefore: time) == rows.last { $0.timestamp <= time }, "t=\(time)")
      }
    }
  }
}
