/// A conclusion about a sweep (or about the whole input) with the numbers that support it.
///
/// Findings are data: the analysis decides them and records their evidence; writers only render
/// them, in the report's language, from `code` and `evidence`. Codes are stable identifiers
/// (documented in the README, "Verdicts and findings") that scripts may match on.
public struct Finding: Sendable, Equatable {
  public var code: FindingCode
  public var severity: FindingSeverity
  /// The load levels the finding is about, ascending; empty for whole-sweep facts.
  public var levels: [LoadLevel]
  /// Named values behind the finding, in the order the text uses them.
  public var evidence: [FindingEvidence]

  public init(code: FindingCode, severity: FindingSeverity, levels: [LoadLevel] = [], evidence: [FindingEvidence] = []) {
    self.code = code
    self.severity = severity
    self.levels = levels
    self.evidence = evidence
  }

  /// The evidence value named `name`, if recorded.
  public subscript(name: String) -> FindingEvidence.Value? {
    evidence.first { $0.name == name }?.value
  }

  /// The number named `name`, if recorded as a number.
  public func number(_ name: String) -> Double? {
    if case .number(let value, _)? = self[name] { return value }
    return nil
  }
}

/// Stable finding identifiers (the `code` of analysis.json `findings`).
public enum FindingCode: String, Sendable, Codable, CaseIterable {
  /// A finite `--request-rate` of the client capped the load: raising concurrency no longer
  /// raised the load the server saw.
  case clientRateCap = "client-rate-cap"
  /// Fewer requests than the concurrency: the level never had that many requests in flight.
  case promptsBelowConcurrency = "prompts-below-concurrency"
  /// The client's `--max-concurrency` capped an open-loop run below its offered rate.
  case clientConcurrencyCap = "client-concurrency-cap"
  /// The offered request rate was not served: the queue grew through the run.
  case overloaded
  /// Too little evidence for a verdict (few requests, a short or interrupted run, one level).
  case insufficientData = "insufficient-data"
  /// No request reached the server (connection refused, reset, DNS).
  case serverUnreachable = "server-unreachable"
  /// No stop criterion fired up to the highest level: the server's limit lies higher.
  case notSaturated = "not-saturated"
  /// A step-load run whose steps are too short to cut into levels.
  case stepLoadUnsegmented = "step-load-unsegmented"
  /// The limit found: the bracket [max stable, first failing level] and what decided it.
  case limitFound = "limit-found"
  /// TTFT rises steeply while TPOT stays flat: requests wait for a batch slot.
  case queueing
  /// TPOT grows with load while TTFT stays flat: bigger batches decode slower.
  case decodeSlowdown = "decode-slowdown"
  /// Requests meeting the SLOs per second fell while throughput held or rose.
  case goodputDrop = "goodput-drop"
  /// The inter-token latency tail is far above its median: scheduling stalls or preemption.
  case tpotJitter = "tpot-jitter"
  /// The first requests of a run set its tail.
  case warmupOutlier = "warmup-outlier"
  /// Requests refused by the server (503, 429, "overloaded").
  case loadShedding = "load-shedding"
  /// Requests that timed out.
  case timeouts
  /// Failures of the load script or of the requests themselves (4xx, script exceptions,
  /// functional checks): never a server limit.
  case clientErrors = "client-errors"
  /// Requests the server failed (500, 502, dropped responses).
  case serverErrors = "server-errors"
  /// Identical request lengths in a closed loop: requests start and finish in waves.
  case lockStepArrivals = "lock-step-arrivals"
  /// Latency or failures rising over a long constant-load run.
  case soakDrift = "soak-drift"
  /// The GPUs were busy well under the 70–90 % target at the max stable level: the limit is
  /// before the GPU (CPU pre/post-processing, the network or the client).
  case gpuUnderutilized = "gpu-underutilized"
  /// KV-cache usage reached ≥ 95 % while the server preempted requests.
  case kvCacheSaturated = "kv-cache-saturated"
  /// Waiting requests rose through a level's window: the server's queue grew.
  case queueGrowing = "queue-growing"
  /// GPU memory well below its total at the highest measured level.
  case memoryHeadroom = "memory-headroom"
}

public enum FindingSeverity: String, Sendable, Codable, Comparable {
  case info
  case warning
  case critical

  var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .critical: 2
    }
  }

  public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// One named value behind a finding.
public struct FindingEvidence: Sendable, Equatable {
  public enum Unit: String, Sendable, Equatable {
    case requestsPerSecond
    case tokensPerSecond
    case milliseconds
    case seconds
    /// 0…1, shown as a percentage.
    case fraction
    /// A whole count (requests, levels).
    case count
    /// A multiple (2.5 → "2.5×").
    case ratio
    /// Requests in flight (Little's law), one decimal.
    case inFlight
    /// Events per second (preemptions), two decimals.
    case perSecond
    /// Memory in MiB, shown in GiB.
    case mebibytes
  }

  public enum Value: Sendable, Equatable {
    case number(Double, Unit)
    case level(LoadLevel)
    case text(String)
  }

  public var name: String
  public var value: Value

  public init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }

  public static func number(_ name: String, _ value: Double, _ unit: Unit) -> FindingEvidence {
    FindingEvidence(name, .number(value, unit))
  }

  public static func level(_ name: String, _ level: LoadLevel) -> FindingEvidence {
    FindingEvidence(name, .level(level))
  }

  public static func text(_ name: String, _ text: String) -> FindingEvidence {
    FindingEvidence(name, .text(text))
  }
}
