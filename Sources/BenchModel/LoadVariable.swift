/// The load variable a sweep varies: closed-loop concurrency or open-loop request rate.
public enum LoadVariable: String, Sendable, Codable, Hashable, CaseIterable {
  /// `--max-concurrency`: a fixed number of requests in flight.
  case concurrency
  /// `--request-rate`: an arrival rate in req/s (possibly ∞).
  case requestRate
}

/// One point on a sweep's load axis.
public enum LoadLevel: Sendable, Hashable, Comparable, CustomStringConvertible {
  case concurrency(Int)
  case requestRate(RequestRate)

  /// The level as a number for ordering and plotting; ∞ is `.infinity`.
  public var numericValue: Double {
    switch self {
    case .concurrency(let value): Double(value)
    case .requestRate(let rate): rate.sortValue
    }
  }

  public var variable: LoadVariable {
    switch self {
    case .concurrency: .concurrency
    case .requestRate: .requestRate
    }
  }

  public static func < (lhs: LoadLevel, rhs: LoadLevel) -> Bool {
    lhs.numericValue < rhs.numericValue
  }

  public var description: String {
    switch self {
    case .concurrency(let value): String(value)
    case .requestRate(let rate): rate.description
    }
  }
}
