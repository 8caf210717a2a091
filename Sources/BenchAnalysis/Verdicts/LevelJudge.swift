import BenchModel

/// Gives every level of a sweep its verdict: the stop criteria (success rate, TTFT, SLOs), the
/// step-aware growth rule, overload of open-loop rates, client limits and too-little-evidence.
/// Each rule and threshold is documented in the README ("Verdicts and findings").
struct LevelJudge {
  let levels: [LevelMetrics]
  let sweep: Sweep
  let measure: ThroughputMeasure?
  let settings: AnalysisSettings

  /// Above this ratio of in-flight requests to a concurrency limit, the limit is full.
  static let fullLimitFraction = 0.9
  /// An open-loop level is overloaded only when latency also grew at least this much over the
  /// lowest level (or the last quarter of its requests waited this much longer than the first):
  /// a served fraction below the minimum with flat latency is a short or noisy run, not a queue.
  static let overloadLatencyRatio = 1.5

  func verdicts() -> [LevelVerdict] {
    let unloaded = unloadedLatencySeconds
    var verdicts: [LevelVerdict] = []
    var previous: LevelMetrics?
    for level in levels {
      var reasons: [StopReason] = []
      let insufficiency = insufficiency(of: level)
      if let insufficiency { reasons.append(.insufficientData(insufficiency)) }
      if case .unreachable? = insufficiency {
        verdicts.append(LevelVerdict(level: level.level, reasons: reasons))
        continue
      }
      reasons += criteriaReasons(level)
      if let limit = clientLimit(of: level, unloaded: unloaded) {
        reasons.append(.clientLimited(limit))
      } else if let overload = overload(of: level, unloaded: unloaded) {
        reasons.append(.overloaded(overload))
      }
      if let previous, let growth = growthReason(level, previous: previous) { reasons.append(growth) }
      let verdict = LevelVerdict(level: level.level, reasons: reasons)
      verdicts.append(verdict)
      if verdict.kind != .insufficient { previous = level }
    }
    return verdicts
  }

  // MARK: Stop criteria

  func criteriaReasons(_ level: LevelMetrics) -> [StopReason] {
    var reasons: [StopReason] = []
    if let rate = serverSuccessRate(level), rate < settings.minimumSuccessRate {
      reasons.append(.lowSuccessRate(rate: rate, minimum: settings.minimumSuccessRate))
    }
    if let ttft = settings.ttftStatistic.value(in: level.latency[.ttft]), ttft > settings.ttftLimitMilliseconds {
      reasons.append(
        .ttftOverLimit(statistic: settings.ttftStatistic, valueMilliseconds: ttft, limitMilliseconds: settings.ttftLimitMilliseconds))
    }
    for objective in settings.objectives {
      switch objective.target {
      case .latency(let metric, let statistic, let limit):
        if let value = statistic.value(in: level.latency[metric]), value > limit {
          reasons.append(.objectiveBreached(objective, value: value))
        }
      case .errorRate(let maximum):
        if let success = level.successRate, 1 - success > maximum {
          reasons.append(.objectiveBreached(objective, value: 1 - success))
        }
      case .minimumThroughput:
        // A throughput target is a goal, not a limit: low levels miss it by design, so it is
        // reported in the target checks and never stops the walk.
        break
      }
    }
    return reasons
  }

  /// The success rate the server is judged on: failures of the load script or of the requests
  /// themselves (4xx, exceptions, failed functional checks; `FailureCause.clientErrors`) are
  /// not the server's and are left out of the count. A script bug must never read as a limit.
  func serverSuccessRate(_ level: LevelMetrics) -> Double? {
    guard let rate = level.successRate, let attempted = level.requests, let completed = level.completed else { return level.successRate }
    let clientErrors = clientErrorFailures(level)
    guard clientErrors > 0, attempted - clientErrors > 0 else { return rate }
    return Double(completed) / Double(attempted - clientErrors)
  }

  /// Failed requests of the level classified as client errors.
  func clientErrorFailures(_ level: LevelMetrics) -> Int {
    let runs = runs(at: level.level)
    let records = runs.filter { $0.plateau == nil }.flatMap(\.failureRecords)
    if !records.isEmpty {
      return records.filter { FailureCause.classify($0.error) == .clientErrors }.reduce(0) { $0 + $1.occurrences }
    }
    return level.topErrors.filter { FailureCause.classify($0.message) == .clientErrors }.reduce(0) { $0 + $1.count }
  }

  /// The growth rule, relative to the load step: the marginal scaling (T₂/T₁ − 1) ÷ (L₂/L₁ − 1)
  /// must reach the minimum growth. For a doubling sweep this is the seed rule "throughput grows
  /// at least 20 % per level"; for 10 → 12 it asks for 4 %. An ∞ level has no step: its bare
  /// growth is compared.
  func growthReason(_ level: LevelMetrics, previous: LevelMetrics) -> StopReason? {
    guard let measure, let current = measure.value(of: level), let before = measure.value(of: previous), before > 0 else {
      return nil
    }
    let growth = current / before - 1
    let load = level.level.numericValue
    let previousLoad = previous.level.numericValue
    let scaling: Double? =
      load.isFinite && previousLoad.isFinite && previousLoad > 0 && load > previousLoad
      ? growth / (load / previousLoad - 1) : nil
    guard (scaling ?? growth) < settings.minimumThroughputGrowth else { return nil }
    return .insufficientGrowth(
      growth: growth, minimum: settings.minimumThroughputGrowth, previous: previous.level, measure: measure, scaling: scaling)
  }

  // MARK: Evidence

  func insufficiency(of level: LevelMetrics) -> Insufficiency? {
    let attempted = level.requests ?? level.completed
    if let attempted, attempted > 0, level.completed == 0 || level.successRate == 0,
      !level.topErrors.isEmpty, level.topErrors.allSatisfy({ ConnectionErrors.isConnectionError($0.message) })
    {
      return .unreachable(attempted: attempted, error: level.topErrors.first?.message)
    }
    if let attempted, attempted < settings.minimumRequests {
      return .fewRequests(completed: level.completed ?? attempted, minimum: settings.minimumRequests)
    }
    if let duration = level.duration, duration < settings.minimumDurationSeconds {
      return .shortRun(seconds: duration, minimum: settings.minimumDurationSeconds)
    }
    return nil
  }

  /// How long one request takes when the server is not loaded, in seconds: the median request
  /// time of the lowest level with enough data (0 when unknown). A run that keeps up with its
  /// arrivals ends about this long after the last one, so the served rate discounts it.
  var unloadedLatencySeconds: Double {
    for level in levels where insufficiency(of: level) == nil {
      if let latency = medianLatencyMilliseconds(level) { return latency / 1000 }
    }
    return 0
  }

  /// The level's median request time in ms: E2E, else TTFT + TPOT × (mean output − 1), else
  /// Locust's response time (E2E as well).
  func medianLatencyMilliseconds(_ level: LevelMetrics) -> Double? {
    if let e2e = level.latency[.e2el]?.percentile(50) ?? level.latency[.e2el]?.mean { return e2e }
    guard let ttft = level.latency[.ttft]?.percentile(50) ?? level.latency[.ttft]?.mean else { return nil }
    guard let tpot = level.latency[.tpot]?.percentile(50) ?? level.latency[.tpot]?.mean, let output = meanOutputTokens(level)
    else { return ttft }
    return ttft + tpot * max(output - 1, 0)
  }

  func meanOutputTokens(_ level: LevelMetrics) -> Double? {
    let runs = runs(at: level.level)
    let totals = runs.compactMap(\.totalOutputTokens)
    guard totals.count == runs.count, !runs.isEmpty, let completed = level.completed, completed > 0 else { return nil }
    return Double(totals.reduce(0, +)) / Double(completed)
  }

  func runs(at level: LoadLevel) -> [Run] {
    sweep.levels.first { $0.level == level }?.runs ?? []
  }

  /// Completed requests per second over the run less one unloaded request time (at most half
  /// the run is discounted).
  func servedRate(_ level: LevelMetrics, unloaded: Double) -> Double? {
    guard let completed = level.completed, let duration = level.duration, duration > 0 else { return level.requestThroughput }
    return Double(completed) / max(duration - unloaded, duration / 2)
  }

  /// The value every run at the level has, or nil when one lacks it or they differ.
  func common<T: Hashable>(_ values: [T?]) -> T? {
    let set = Set(values)
    guard set.count == 1, let value = set.first else { return nil }
    return value
  }

  // MARK: Client limits

  func clientLimit(of level: LevelMetrics, unloaded: Double) -> ClientLimit? {
    let runs = runs(at: level.level)
    switch level.level {
    case .concurrency(let concurrency):
      if let requests = level.requests, requests < concurrency {
        return .promptsBelowConcurrency(requests: requests, concurrency: concurrency)
      }
      guard case .finite(let cap)? = common(runs.map(\.requestRate)), cap > 0,
        let served = servedRate(level, unloaded: unloaded), served >= settings.minimumServedFraction * cap
      else { return nil }
      if let inFlight = level.effectiveConcurrency, inFlight >= Self.fullLimitFraction * Double(concurrency) { return nil }
      return .rateCap(cap: cap, served: level.requestThroughput ?? served, inFlight: level.effectiveConcurrency, concurrency: concurrency)
    case .requestRate(.finite(let offered)):
      guard let limit = common(runs.map(\.maxConcurrency)), limit > 0, let inFlight = level.effectiveConcurrency,
        inFlight >= Self.fullLimitFraction * Double(limit), let served = servedRate(level, unloaded: unloaded),
        served < settings.minimumServedFraction * offered
      else { return nil }
      return .concurrencyCap(limit: limit, inFlight: inFlight, offered: offered, served: served)
    case .requestRate(.infinite), .users:
      return nil
    }
  }

  // MARK: Overload

  func overload(of level: LevelMetrics, unloaded: Double) -> OverloadEvidence? {
    guard case .requestRate(.finite(let offered)) = level.level, offered > 0,
      let served = servedRate(level, unloaded: unloaded)
    else { return nil }
    let fraction = served / offered
    guard fraction < settings.minimumServedFraction else { return nil }
    var latencyRatio: Double?
    if unloaded > 0, let latency = medianLatencyMilliseconds(level) { latencyRatio = latency / 1000 / unloaded }
    let position = positionLatencyRatio(level)
    let grew = [latencyRatio, position].contains { ($0 ?? 0) >= Self.overloadLatencyRatio }
    guard grew || (latencyRatio == nil && position == nil) else { return nil }
    return OverloadEvidence(
      offered: offered, served: served, servedFraction: fraction, unloadedLatencySeconds: unloaded, latencyRatio: latencyRatio,
      positionLatencyRatio: position, minimum: settings.minimumServedFraction)
  }

  /// Median TTFT of the last quarter of a run's requests ÷ that of its first quarter, from the
  /// per-request samples (in dispatch order); nil without samples or with fewer than 40
  /// successful requests.
  func positionLatencyRatio(_ level: LevelMetrics) -> Double? {
    let runs = runs(at: level.level)
    guard runs.count == 1, let samples = runs[0].samples else { return nil }
    var ttfts: [Double] = []
    ttfts.reserveCapacity(samples.count)
    for index in 0..<samples.count where samples.isSuccessful(index) && samples.timeToFirstToken[index] > 0 {
      ttfts.append(samples.timeToFirstToken[index])
    }
    guard ttfts.count >= 40 else { return nil }
    let quarter = ttfts.count / 4
    guard let first = Percentile.linear(unsortedValues: Array(ttfts.prefix(quarter)), at: [50])?.first,
      let last = Percentile.linear(unsortedValues: Array(ttfts.suffix(quarter)), at: [50])?.first, first > 0
    else { return nil }
    return last / first
  }
}

/// Error texts of requests that never reached the server.
enum ConnectionErrors {
  static let markers = [
    "connection refused", "connectionrefused", "errno 111", "errno 61", "cannot connect", "connection reset",
    "connectionreset", "name or service not known", "nodename nor servname", "temporary failure in name resolution",
    "getaddrinfo", "no route to host", "network is unreachable", "clientconnectorerror", "failed to establish a new connection",
    "newconnectionerror", "connecterror", "connection aborted", "remote end closed connection without response",
  ]

  static func isConnectionError(_ message: String) -> Bool {
    let lowered = message.lowercased()
    return markers.contains { lowered.contains($0) }
  }
}
