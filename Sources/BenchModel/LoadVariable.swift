/// The load variable a sweep varies: closed-loop concurrency, open-loop request rate, or the
/// number of simulated users of a load generator (Locust `-u`).
public enum LoadVariable: String, Sendable, Codable, Hashable, CaseIterable {
  /// `--max-concurrency`: a fixed number of requests in flight.
  case concurrency
  /// `--request-rate`: an arrival rate in req/s (possibly ∞).
  case requestRate
  /// Locust users: each loops request → wait → request, so the requests actually in flight are
  /// fewer than the users (see `Run.totalRequestThroughput` and Little's law).
  case users

  /// Closed-loop variables count whole clients (concurrency, users); the recommendation is then
  /// a whole number and efficiency is throughput per client.
  public var isClosedLoop: Bool { self != .requestRate }
}

/// One point on a sweep's load axis.
public enum LoadLevel: Sendable, Hashable, Comparable, CustomStringConvertible {
  case concurrency(Int)
  case requestRate(RequestRate)
  /// Locust users (the `User Count` a run held).
  case users(Int)

  /// The level as a number for ordering and plotting; ∞ is `.infinity`.
  public var numericValue: Double {
    switch self {
    case .concurrency(let value), .users(let value): Double(value)
    case .requestRate(let rate): rate.sortValue
    }
  }

  public var variable: LoadVariable {
    switch self {
    case .concurrency: .concurrency
    case .requestRate: .requestRate
    case .users: .users
    }
  }

  public static func < (lhs: LoadLevel, rhs: LoadLevel) -> Bool {
    lhs.numericValue < rhs.numericValue
  }

  public var description: String {
    switch self {
    case .concurrency(let value), .users(let value): String(value)
    case .requestRate(let rate): rate.description
    }
  }
}
