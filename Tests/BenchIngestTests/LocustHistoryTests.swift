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

  /// Rows are assigned to their series by comparing the (method, name) bytes with those seen
  /// before: the same name under two methods stays two series, the total row stays the total,
  /// and a non-ASCII name (decoded, not compared as bytes) still finds its series.
  @Test func rowsGoToTheSeriesOfTheirMethodAndName() throws {
    let header = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,99%,Total Request Count,Total Failure Count"
    var lines = [header]
    for second in 0..<4 {
      for (method, name) in [("POST", "qwen2"), ("GET", "qwen2"), ("POST", "模型"), ("", "Aggregated")] {
        lines.append("\(1_700_000_000 + second),2,\(method),\(name),1.5,0,100,200,\(second * 3),0")
      }
    }
    var reader = CSVRecordReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
    let history = try LocustHistory.read(&reader, path: "x_stats_history.csv")
    #expect(history.entryOrder == ["POST qwen2", "GET qwen2", "POST 模型"])
    #expect(history.aggregate.count == 4)
    for key in history.entryOrder { #expect(history.entries[key]?.count == 4, "\(key)") }
    #expect(history.entries["POST 模型"]?.map(\.timestamp) == [1_700_000_000, 1_700_000_001, 1_700_000_002, 1_700_000_003])
  }
}
