import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Step-load segmentation on the real step-load run in `samples/locust-step-load-gateway/`
/// (Locust 2.47.0, 4 → 128 users at 4 users/s). Expected plateaus and counts were read with
/// pandas from `step_stats_history.csv`: Aggregated rows, one per second (last kept), maximal
/// runs of equal User Count, Total Request Count at each run's first and last row.
@Suite struct LocustPlateauFinderTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples/locust-step-load-gateway")

  static func steps() -> [Run] {
    InputScanner().scan([folder.path]).runs.filter { $0.task == nil }.sorted { ($0.users ?? 0) < ($1.users ?? 0) }
  }

  @Test func plateausSkipRampsAndTheTooShortLastStep() throws {
    let runs = Self.steps()
    // pandas: 4 users 20 rows (19 s), 8 → 20 (19 s), 16 → 19 (18 s), 32 → 17 (16 s), 64 → 12 (11 s);
    // every other count lasts one row (a ramp at 4 users/s), and 128 only 4 rows (3 s).
    #expect(runs.map(\.users) == [4, 8, 16, 32, 64])
    // Total Request Count at the first and last row of each plateau: 13→231, 258→691,
    // 774→1601, 1881→3119, 3850→5148; no failure before the 128-user ramp.
    #expect(runs.map(\.numPrompts) == [218, 433, 827, 1238, 1298])
    #expect(runs.map(\.duration) == [19, 19, 18, 16, 11])
    #expect(runs.map(\.failed) == [0, 0, 0, 0, 0])
    #expect(isClose(runs[0].totalRequestThroughput, 218.0 / 19, relative: 1e-12))
  }

  @Test func windowPercentilesOnlyForStepsLongerThanTheWindow() throws {
    let runs = Self.steps()
    // pandas: 95% / 99% of each plateau's last row: 66/71, 69/71, 90/130, 210/240; the 64-user
    // step lasted 11 s, less than Locust's 10 s window plus its 2 s lag, so none.
    #expect(runs.map { $0.latency[.e2el]?.percentile(95) } == [66, 69, 90, 210, nil])
    #expect(runs.map { $0.latency[.e2el]?.percentile(99) } == [71, 71, 130, 240, nil])
    #expect(runs[4].notes.first?.contains("shorter than Locust's 10 s percentile window") == true)
    #expect(runs[0].notes.first?.contains("sliding-window percentiles") == true)
    #expect(runs[0].timeline?.percentilesAreWindowed == true)
    #expect(runs[0].timeline?.stepStarts.count == 5)
  }

  @Test func everyStepHasATaskRunPerModel() throws {
    let runs = InputScanner().scan([Self.folder.path]).runs.filter { $0.task != nil }
    #expect(Set(runs.compactMap(\.task)) == ["qwen2", "llama3"])
    // Per model, the steps' counts add up to the aggregate step's count.
    for step in Self.steps() {
      let parts = runs.filter { $0.users == step.users }
      #expect(parts.count == 2)
      #expect(parts.compactMap(\.numPrompts).reduce(0, +) == step.numPrompts)
    }
  }

  @Test func rampsAndIdleTailsOnSyntheticRows() {
    func row(_ t: Double, _ users: Int, _ total: Int) -> LocustHistory.Row {
      LocustHistory.Row(timestamp: t, users: users, percentiles: [], totalRequests: total)
    }
    var rows = [row(0, 0, 0)]
    rows += (1...12).map { row(Double($0), 2, $0 * 10) }  // a 11 s plateau at 2
    rows += [row(13, 3, 130)]  // a one-second ramp
    rows += (14...50).map { row(Double($0), 4, 130 + ($0 - 13) * 20) }  // 36 s at 4
    rows += [row(51, 0, 870), row(52, 0, 870), row(52, 0, 870)]  // stop, then a repeated second
    let cleaned = LocustPlateauFinder.clean(rows)
    #expect(cleaned.duplicates == 1)
    #expect(cleaned.idleTail == 2)  // t = 51 and t = 52: the counter last moved at t = 50
    let plateaus = LocustPlateauFinder.plateaus(in: cleaned.rows)
    #expect(plateaus.map(\.users) == [2, 4])
    // The 36 s step skips its first 10 s: the baseline is the row at t = 24.
    #expect(cleaned.rows[plateaus[1].baseline].timestamp == 24)
    #expect(cleaned.rows[plateaus[0].baseline].timestamp == 1)
  }

  /// Rows already in time order take the fast path (no copies); shuffled with a repeated
  /// second, the same rows must clean to the same result, the last-written row winning.
  @Test func orderedAndShuffledRowsCleanAlike() {
    func row(_ t: Double, _ total: Int) -> LocustHistory.Row {
      LocustHistory.Row(timestamp: t, users: 2, percentiles: [], totalRequests: total)
    }
    let ordered = (0..<40).map { row(Double($0), min($0, 30) * 10) }  // idle from t = 30
    let fast = LocustPlateauFinder.clean(ordered)
    #expect(fast.rows == Array(ordered[...30]))
    #expect(fast.duplicates == 0 && fast.idleTail == 9)
    let busy = (0..<40).map { row(Double($0), $0 * 10) }
    #expect(LocustPlateauFinder.clean(busy).rows == busy)

    var shuffled = ordered.reversed() + [row(5, 999)]  // t = 5 written again, later: it wins
    shuffled.swapAt(3, 17)
    let slow = LocustPlateauFinder.clean(shuffled)
    var expected = Array(ordered[...30])
    expected[5] = row(5, 999)
    #expect(slow.rows == expected)
    #expect(slow.duplicates == 1 && slow.idleTail == 9)
  }
}
