/// Splits a Locust history into plateaus of constant user count (`formats/locust.md` §5), so a
/// step-load run becomes one level per step and a fixed run finds its user count after the ramp.
///
/// A run of equal `User Count` rows lasting less than `minimumPlateauSeconds` is a ramp (the
/// spawn rate is below the step size): it belongs to no plateau and its requests are excluded.
/// Steps of 5 s or more are cut (a short window, said in the step's notes); a staircase of
/// shorter steps is reported as not segmentable (`isUnsegmentedStaircase`), never read as one
/// fixed-user run.
enum LocustPlateauFinder {
  /// One step: the rows at `users`, and the row its counts start from.
  struct Plateau: Sendable, Equatable {
    var users: Int
    /// Indices into the cleaned rows: the first and last row at `users`.
    var first: Int
    var last: Int
    /// The row whose cumulative counters the step's counts are measured from: `first`, or the
    /// first row `settleSeconds` later on long steps.
    var baseline: Int
  }

  /// Shorter runs of one user count are ramps.
  static let minimumPlateauSeconds = 5.0
  /// A step held shorter than this is cut but noted as a short window.
  static let shortStepSeconds = 10.0
  /// Runs of one user count at least this long make a staircase when there are several.
  static let staircaseStepSeconds = 2.0
  /// On steps of at least `settleAppliesFrom` seconds, the first `settleSeconds` are skipped too:
  /// Locust's rates lag ~2 s and its window percentiles cover ~10 s.
  static let settleSeconds = 10.0
  static let settleAppliesFrom = 30.0
  /// Window percentiles describe a step only when it lasted at least this long.
  static let windowSeconds = 12.0

  /// Rows in time order with one row per second (the last one written wins: Locust 1.0/1.1
  /// repeat the final second), cut after the last row where the request counter moved, so an
  /// idle tail with frozen counters and a stale `Requests/s` is not read as load.
  static func clean(_ rows: [LocustHistory.Row]) -> (rows: [LocustHistory.Row], duplicates: Int, idleTail: Int) {
    var unique: [LocustHistory.Row] = []
    var duplicates = 0
    if rows.indices.dropFirst().allSatisfy({ rows[$0 - 1].timestamp < rows[$0].timestamp }) {
      // Already in time order, one row per second (the usual file): the rows as they are,
      // without the sorted and de-duplicated copies of a day-long history.
      unique = rows
    } else {
      let sorted = rows.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
      for row in sorted {
        if let last = unique.last, last.timestamp == row.timestamp {
          unique[unique.count - 1] = row
          duplicates += 1
        } else {
          unique.append(row)
        }
      }
    }
    guard unique.contains(where: { $0.totalRequests != nil }) else { return (unique, duplicates, 0) }
    var lastChange = 0
    for index in unique.indices.dropFirst() where unique[index].totalRequests != unique[index - 1].totalRequests {
      lastChange = index
    }
    let idle = unique.count - 1 - lastChange
    return (idle == 0 ? unique : Array(unique[...lastChange]), duplicates, idle)
  }

  /// Maximal runs of one non-zero user count lasting at least `minimumPlateauSeconds`.
  static func plateaus(in rows: [LocustHistory.Row]) -> [Plateau] {
    var plateaus: [Plateau] = []
    var start = 0
    while start < rows.count {
      var end = start
      while end + 1 < rows.count && rows[end + 1].users == rows[start].users { end += 1 }
      if let users = rows[start].users, users > 0, rows[end].timestamp - rows[start].timestamp >= minimumPlateauSeconds {
        var baseline = start
        if rows[end].timestamp - rows[start].timestamp >= settleAppliesFrom {
          baseline = rows[start...end].firstIndex { $0.timestamp >= rows[start].timestamp + settleSeconds } ?? start
        }
        plateaus.append(Plateau(users: users, first: start, last: end, baseline: baseline))
      }
      start = end + 1
    }
    return plateaus
  }

  /// True when the history climbs (or falls) through at least three user counts each held for
  /// `staircaseStepSeconds` or more, yet fewer than two of them last a plateau: a step-load shape
  /// whose steps are too short to cut. A fixed run's ramp changes the count every second.
  static func isUnsegmentedStaircase(_ rows: [LocustHistory.Row], plateaus: [Plateau]) -> Bool {
    guard plateaus.count < 2 else { return false }
    var held: Set<Int> = []
    var start = 0
    while start < rows.count {
      var end = start
      while end + 1 < rows.count && rows[end + 1].users == rows[start].users { end += 1 }
      if let users = rows[start].users, users > 0, rows[end].timestamp - rows[start].timestamp >= staircaseStepSeconds {
        held.insert(users)
      }
      start = end + 1
    }
    return held.count >= 3
  }

  /// True when the percentile columns are a sliding window rather than cumulative: a cumulative
  /// 50 % column always equals the cumulative median bucket (unless Locust clamped the median
  /// to an exact min/max, which shows as a fraction).
  static func percentilesAreWindowed(_ rows: [LocustHistory.Row], percentiles: [Double]) -> Bool? {
    guard let index = percentiles.firstIndex(of: 50) else { return nil }
    var compared = 0
    for row in rows {
      guard let p50 = row.percentiles[index] ?? nil, p50 > 0, let median = row.totalMedian, median.rounded() == median else { continue }
      compared += 1
      if abs(p50 - median) > 0.5 { return true }
    }
    return compared > 0 ? false : nil
  }
}
