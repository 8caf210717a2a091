/// The offered request rate of an open-loop run: a finite rate in req/s, or ∞
/// (every request sent at t = 0, which vLLM writes as `"inf"` and SGLang as `Infinity`).
public enum RequestRate: Sendable, Hashable, Comparable, CustomStringConvertible {
  case finite(Double)
  case infinite

  /// A rate as a sortable number: ∞ sorts last.
  public var sortValue: Double {
    switch self {
    case .finite(let value): value
    case .infinite: .infinity
    }
  }

  public var isInfinite: Bool { self == .infinite }

  public static func < (lhs: RequestRate, rhs: RequestRate) -> Bool {
    lhs.sortValue < rhs.sortValue
  }

  public var description: String {
    switch self {
    case .infinite: "inf"
    case .finite(let value):
      value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
  }
}
