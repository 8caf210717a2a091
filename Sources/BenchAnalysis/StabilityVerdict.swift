import BenchModel

/// Why a level is not an `ok` level: every criterion it broke, or why it cannot be judged.
public enum StopReason: Sendable, Equatable {
  /// Success rate below the minimum (fractions 0…1).
  case lowSuccessRate(rate: Double, minimum: Double)
  /// The TTFT statistic above its limit (ms).
  case ttftOverLimit(statistic: LatencyStatistic, valueMilliseconds: Double, limitMilliseconds: Double)
  /// Throughput grew too little for the load step from the previous level. `growth` is
  /// T₂/T₁ − 1 (may be negative); `scaling` is the marginal scaling growth ÷ (L₂/L₁ − 1), the
  /// number compared with `minimum` (nil for an ∞ level, where the bare growth is compared).
  case insufficientGrowth(growth: Double, minimum: Double, previous: LoadLevel, measure: ThroughputMeasure, scaling: Double?)
  /// A user SLO breached; `value` in ms for latency objectives, a fraction for the error rate.
  case objectiveBreached(ServiceLevelObjective, value: Double)
  /// An open-loop level whose offered rate the server did not serve (see `OverloadEvidence`).
  case overloaded(OverloadEvidence)
  /// The load generator, not the server, limited the load at this level.
  case clientLimited(ClientLimit)
  /// The level cannot be judged.
  case insufficientData(Insufficiency)

  /// The verdict kind this reason gives a level.
  public var kind: VerdictKind {
    switch self {
    case .lowSuccessRate: .unstable
    case .ttftOverLimit, .objectiveBreached: .sloBreach
    case .insufficientGrowth: .saturated
    case .overloaded: .overloaded
    case .clientLimited: .clientLimited
    case .insufficientData: .insufficient
    }
  }
}

/// What showed that an offered request rate was not served.
public struct OverloadEvidence: Sendable, Equatable {
  /// Offered rate, req/s.
  public var offered: Double
  /// Completed requests per second over the time the server needed, the run's duration less
  /// one unloaded request time (`unloadedLatencySeconds`): what a server that keeps up matches.
  public var served: Double
  /// served ÷ offered.
  public var servedFraction: Double
  /// The lowest level's median request time, seconds (0 when unknown).
  public var unloadedLatencySeconds: Double
  /// Median latency at this level ÷ at the lowest level (E2E, else TTFT); nil when unknown.
  public var latencyRatio: Double?
  /// Median TTFT of the last quarter of requests ÷ of the first quarter, when the file keeps
  /// per-request samples in dispatch order: a queue that grows through the run shows here.
  public var positionLatencyRatio: Double?
  /// The minimum served fraction (settings).
  public var minimum: Double
}

/// How the load generator limited a level.
public enum ClientLimit: Sendable, Equatable {
  /// A finite `--request-rate` (req/s) of a closed-loop run was reached: the client sent no
  /// faster, whatever the concurrency. `inFlight` is Little's-law concurrency, if known.
  case rateCap(cap: Double, served: Double, inFlight: Double?, concurrency: Int)
  /// Fewer requests than the concurrency: at most `requests` were ever in flight.
  case promptsBelowConcurrency(requests: Int, concurrency: Int)
  /// An open-loop run whose `--max-concurrency` was full: in-flight at the cap, offered not served.
  case concurrencyCap(limit: Int, inFlight: Double, offered: Double, served: Double)
}

/// Why a level cannot be judged.
public enum Insufficiency: Sendable, Equatable {
  /// Too few completed requests for percentiles or a throughput.
  case fewRequests(completed: Int, minimum: Int)
  /// The level lasted too short for a steady state (seconds).
  case shortRun(seconds: Double, minimum: Double)
  /// Every request failed to reach the server (connection refused, reset, DNS).
  case unreachable(attempted: Int, error: String?)
}

/// The kind of verdict a level gets; the max-stable walk, the badges and every sentence use it.
public enum VerdictKind: String, Sendable, Codable, CaseIterable {
  /// Every criterion met.
  case ok
  /// Throughput stopped growing with the load step (the step-aware growth rule).
  case saturated
  /// The offered request rate was not served.
  case overloaded
  /// Success rate below the minimum.
  case unstable
  /// The TTFT limit or a user SLO was breached.
  case sloBreach = "slo-breach"
  /// The client limited the load (rate cap, too few prompts, concurrency cap): says nothing
  /// about the server.
  case clientLimited = "client-limited"
  /// Too little evidence to judge.
  case insufficient

  /// True for kinds that end the max-stable walk: the server's limit shows at this level.
  public var endsWalk: Bool {
    switch self {
    case .saturated, .overloaded, .unstable, .sloBreach: true
    case .ok, .clientLimited, .insufficient: false
    }
  }

  /// Which kind a level with several reasons gets: failures first, then too little evidence,
  /// then breached targets, overload, client limits, saturation.
  var precedence: Int {
    switch self {
    case .unstable: 0
    case .insufficient: 1
    case .sloBreach: 2
    case .overloaded: 3
    case .clientLimited: 4
    case .saturated: 5
    case .ok: 6
    }
  }
}

/// One level's verdict: its kind and every reason behind it (empty for `ok`).
public struct LevelVerdict: Sendable, Equatable {
  public var level: LoadLevel
  public var kind: VerdictKind
  public var reasons: [StopReason]

  public init(level: LoadLevel, reasons: [StopReason]) {
    self.level = level
    self.reasons = reasons
    // Too few requests, or none that reached the server, outweigh everything: a success rate of
    // 8 requests that all failed at once says nothing about the server. A short run with many
    // failed requests is still unstable.
    let cannotJudge = reasons.contains { reason in
      switch reason {
      case .insufficientData(.fewRequests), .insufficientData(.unreachable): true
      default: false
      }
    }
    self.kind = cannotJudge ? .insufficient : reasons.map(\.kind).min { $0.precedence < $1.precedence } ?? .ok
  }

  /// The reasons of the level's own kind, first the one that decided it.
  public var decidingReasons: [StopReason] { reasons.filter { $0.kind == kind } }
}

/// The highest level that broke no stop criterion, walking up from the lowest.
public struct StabilityVerdict: Sendable, Equatable {
  /// The max stable level: the highest `ok` level below the first level whose kind ends the
  /// walk; nil when no level was `ok` before it.
  public var maxStable: LoadLevel?
  /// The first level whose kind ends the walk (saturated, overloaded, unstable, slo-breach).
  public var firstUnstable: LoadLevel?
  /// Every reason of that level (its kind's reasons first).
  public var reasons: [StopReason]
  /// Criteria that could not be checked for lack of data, e.g. "TTFT p99 (not in the files)".
  public var uncheckedCriteria: [String]
  /// Every level's verdict, ascending.
  public var verdicts: [LevelVerdict]

  public init(
    maxStable: LoadLevel?, firstUnstable: LoadLevel?, reasons: [StopReason], uncheckedCriteria: [String],
    verdicts: [LevelVerdict] = []
  ) {
    self.maxStable = maxStable
    self.firstUnstable = firstUnstable
    self.reasons = reasons
    self.uncheckedCriteria = uncheckedCriteria
    self.verdicts = verdicts
  }

  /// True when a level showed the server's limit (the walk ended at `firstUnstable`).
  public var limitReached: Bool { firstUnstable != nil }
  /// True when no level ended the walk: the real limit lies beyond the tested (or, with a
  /// client limit, the loaded) range.
  public var limitNotReached: Bool { firstUnstable == nil && maxStable != nil }

  /// The verdict of `level`, if it was judged.
  public func verdict(at level: LoadLevel) -> LevelVerdict? {
    verdicts.first { $0.level == level }
  }

  /// The kind that ended the walk, if any.
  public var deciding: VerdictKind? {
    firstUnstable.flatMap { verdict(at: $0)?.kind }
  }
}

/// The production setting recommended from the max stable level: the headroom fractions of it.
public struct Recommendation: Sendable, Equatable {
  public enum Range: Sendable, Equatable {
    /// Whole concurrent requests.
    case concurrency(low: Int, high: Int)
    /// Requests per second.
    case requestRate(low: Double, high: Double)
    /// Whole Locust users.
    case users(low: Int, high: Int)
  }

  public var range: Range
  /// The level the range is a fraction of (for ∞ rate: the throughput measured there).
  public var basis: Double
  public var headroomLow: Double
  public var headroomHigh: Double
  /// True when the basis is the measured throughput at an unbounded (∞) rate.
  public var basedOnMeasuredThroughput: Bool
  /// True when the server's limit was not reached: the range is a safe lower bound, not a
  /// fraction of a measured limit.
  public var isLowerBound: Bool = false
}
