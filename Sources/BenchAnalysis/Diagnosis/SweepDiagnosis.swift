import BenchModel

/// Says why the limit is where it is: the diagnostic findings of a sweep (queueing, decode
/// slowdown, goodput drop, ITL jitter, warm-up outliers, failure causes, lock-step arrivals),
/// each with the numbers that show it. Thresholds are documented in the README ("Diagnoses").
struct SweepDiagnosis {
  let sweep: Sweep
  let levels: [LevelMetrics]
  let stability: StabilityVerdict
  let settings: AnalysisSettings
  /// The sweep's failures by cause and level (`FailureCauses.table`), built once by the analyzer.
  let failureCauses: [FailureCauseCount]

  /// TTFT at the top of the range this many times the lowest level's: queueing.
  static let queueingTTFTRatio = 3.0
  /// TPOT below this ratio counts as flat; at or above it, decode slowed.
  static let flatTPOTRatio = 1.5
  /// ITL p99 ÷ p50 at or above this: jitter.
  static let jitterRatio = 5.0
  /// p99 TTFT with and without the first 5 % of requests differing this much: warm-up.
  static let warmupRatio = 2.0
  /// Goodput falling below this fraction of the previous level's while throughput holds.
  static let goodputDropFraction = 0.9

  /// Levels whose numbers speak for the server: neither too thin nor limited by the client.
  var judged: [LevelMetrics] {
    levels.filter { level in
      guard let kind = stability.verdict(at: level.level)?.kind else { return true }
      return kind != .insufficient && kind != .clientLimited
    }
  }

  /// The judged levels up to the first failing level: where the trend that sets the limit shows.
  var range: [LevelMetrics] {
    guard let failing = stability.firstUnstable else { return judged }
    return judged.filter { $0.level <= failing }
  }

  func findings() -> [Finding] {
    var findings: [Finding] = []
    findings += trendFindings()
    findings += jitter()
    findings += warmup()
    findings += goodputDrop()
    findings += failureCauseFindings()
    findings += lockStep()
    findings += soakDrift()
    return findings
  }

  static func median(_ summary: LatencySummary?) -> Double? { summary?.percentile(50) ?? summary?.mean }

  // MARK: Queueing and decode slowdown

  func trendFindings() -> [Finding] {
    let range = range.filter { Self.median($0.latency[.ttft]).map { $0 > 0 } ?? false }
    guard range.count >= 2 else { return [] }
    var findings: [Finding] = []
    func ratio(_ metric: LatencyMetric, _ a: LevelMetrics, _ b: LevelMetrics) -> Double? {
      guard let x = Self.median(a.latency[metric]), let y = Self.median(b.latency[metric]), x > 0 else { return nil }
      return y / x
    }
    // Queueing: TTFT jumps while TPOT holds — between two neighbouring levels (the batch fills
    // at one step) or over the whole range.
    var queueingStart: Int?
    var pair: (LevelMetrics, LevelMetrics)?
    for index in range.indices.dropFirst() {
      let (a, b) = (range[index - 1], range[index])
      if let ttft = ratio(.ttft, a, b), ttft >= Self.queueingTTFTRatio, (ratio(.tpot, a, b) ?? 1) < Self.flatTPOTRatio {
        (queueingStart, pair) = (index - 1, (a, b))
        break
      }
    }
    if pair == nil, let ttft = ratio(.ttft, range[0], range[range.count - 1]), ttft >= Self.queueingTTFTRatio,
      (ratio(.tpot, range[0], range[range.count - 1]) ?? 1) < Self.flatTPOTRatio
    {
      (queueingStart, pair) = (0, (range[0], range[range.count - 1]))
    }
    if let (a, b) = pair, let ttft0 = Self.median(a.latency[.ttft]), let ttftK = Self.median(b.latency[.ttft]) {
      var evidence: [FindingEvidence] = [
        .level("from", a.level), .level("to", b.level), .number("ttftFrom", ttft0, .milliseconds),
        .number("ttftTo", ttftK, .milliseconds), .number("ttftRatio", ttftK / ttft0, .ratio),
      ]
      if let tpot0 = Self.median(a.latency[.tpot]), let tpotK = Self.median(b.latency[.tpot]) {
        evidence += [.number("tpotFrom", tpot0, .milliseconds), .number("tpotTo", tpotK, .milliseconds)]
      }
      if let ceiling = decodingCeiling() { evidence.append(.number("ceiling", ceiling, .inFlight)) }
      findings.append(Finding(code: .queueing, severity: .warning, levels: [a.level, b.level], evidence: evidence))
    }
    // Decode slowdown: TPOT grows over the levels before any queueing starts.
    let decodeRange = Array(range[...(queueingStart ?? (range.count - 1))])
    if decodeRange.count >= 2, let first = decodeRange.first, let last = decodeRange.last,
      let tpot0 = Self.median(first.latency[.tpot]), let tpotK = Self.median(last.latency[.tpot]), tpot0 > 0,
      tpotK / tpot0 >= Self.flatTPOTRatio, let ttft0 = Self.median(first.latency[.ttft]), let ttftK = Self.median(last.latency[.ttft])
    {
      var evidence: [FindingEvidence] = [
        .level("from", first.level), .level("to", last.level), .number("tpotFrom", tpot0, .milliseconds),
        .number("tpotTo", tpotK, .milliseconds), .number("tpotRatio", tpotK / tpot0, .ratio),
        .number("ttftFrom", ttft0, .milliseconds), .number("ttftTo", ttftK, .milliseconds),
      ]
      if let speed0 = first.perStreamDecodeSpeed, let speedK = last.perStreamDecodeSpeed {
        evidence += [.number("speedFrom", speed0, .tokensPerSecond), .number("speedTo", speedK, .tokensPerSecond)]
      }
      findings.append(Finding(code: .decodeSlowdown, severity: .info, levels: [first.level, last.level], evidence: evidence))
    }
    return findings
  }

  /// The most requests seen decoding at once: request throughput × (mean E2E − mean TTFT), the
  /// time a request spends after its first token (Little's law on the decode stage). Where it
  /// stops growing while TTFT climbs is the server's effective batch ceiling.
  func decodingCeiling() -> Double? {
    judged.compactMap { level -> Double? in
      guard let throughput = level.requestThroughput, let e2e = level.latency[.e2el]?.mean, let ttft = level.latency[.ttft]?.mean,
        e2e > ttft
      else { return nil }
      return throughput * (e2e - ttft) / 1000
    }.max()
  }

  // MARK: Jitter and warm-up

  func jitter() -> [Finding] {
    var worst: (LevelMetrics, Double, Double, Double)?
    var hit: [LoadLevel] = []
    for level in range {
      guard let p50 = level.latency[.itl]?.percentile(50), let p99 = level.latency[.itl]?.percentile(99), p50 > 0 else { continue }
      let ratio = p99 / p50
      guard ratio >= Self.jitterRatio else { continue }
      hit.append(level.level)
      if worst.map({ ratio > $0.1 }) ?? true { worst = (level, ratio, p50, p99) }
    }
    guard let worst else { return [] }
    let atStable = hit.contains { $0 == stability.maxStable }
    return [
      Finding(
        code: .tpotJitter, severity: atStable ? .warning : .info, levels: hit,
        evidence: [
          .level("level", worst.0.level), .number("ratio", worst.1, .ratio), .number("p50", worst.2, .milliseconds),
          .number("p99", worst.3, .milliseconds),
        ])
    ]
  }

  func warmup() -> [Finding] {
    var hits: [(LoadLevel, Double, Double, Int)] = []
    for level in judged {
      let runs = sweep.levels.first { $0.level == level.level }?.runs ?? []
      guard runs.count == 1, let samples = runs[0].samples else { continue }
      var ttfts: [Double] = []
      for index in 0..<samples.count where samples.isSuccessful(index) { ttfts.append(samples.timeToFirstToken[index] * 1000) }
      guard ttfts.count >= 100 else { continue }
      let head = max(1, ttfts.count / 20)
      guard let all = Percentile.linear(unsortedValues: ttfts, at: [99])?.first,
        let rest = Percentile.linear(unsortedValues: Array(ttfts.dropFirst(head)), at: [99])?.first, rest > 0,
        all / rest >= Self.warmupRatio
      else { continue }
      hits.append((level.level, all, rest, head))
    }
    guard let first = hits.first else { return [] }
    // It matters when it decides a verdict: a TTFT breach that the requests after the warm-up
    // would not have made.
    let decides = hits.contains { level, _, trimmed, _ in
      stability.verdict(at: level)?.kind == .sloBreach && settings.ttftStatistic == .percentile(99)
        && trimmed <= settings.ttftLimitMilliseconds
    }
    return [
      Finding(
        code: .warmupOutlier, severity: decides ? .warning : .info, levels: hits.map(\.0),
        evidence: [
          .level("level", first.0), .number("p99", first.1, .milliseconds), .number("p99Trimmed", first.2, .milliseconds),
          .number("first", Double(first.3), .count),
        ])
    ]
  }

  // MARK: Goodput

  /// Requests per second meeting every per-request SLO: the file's `request_goodput`, else
  /// counted from the per-request samples against the `--slo` latency limits.
  func goodput(_ level: LevelMetrics) -> Double? {
    if let goodput = level.requestGoodput { return goodput }
    let limits = settings.objectives.compactMap { objective -> (LatencyMetric, Double)? in
      if case .latency(let metric, _, let limit) = objective.target, metric != .itl { return (metric, limit) }
      return nil
    }
    guard !limits.isEmpty, let duration = level.duration, duration > 0 else { return nil }
    let runs = sweep.levels.first { $0.level == level.level }?.runs ?? []
    guard runs.count == 1, let samples = runs[0].samples else { return nil }
    var good = 0
    for index in 0..<samples.count where samples.isSuccessful(index) {
      let ttft = samples.timeToFirstToken[index] * 1000
      let e2e = (samples.endToEndLatency?[index] ?? (samples.timeToFirstToken[index] + samples.gaps(of: index).reduce(0, +))) * 1000
      let output = index < samples.outputLengths.count ? samples.outputLengths[index] : 0
      let tpot: Double? = output > 1 ? (e2e - ttft) / Double(output - 1) : nil
      let meets = limits.allSatisfy { metric, limit in
        switch metric {
        case .ttft: ttft <= limit
        case .e2el: e2e <= limit
        case .tpot: (tpot ?? 0) <= limit
        case .itl: true
        }
      }
      if meets { good += 1 }
    }
    return Double(good) / duration
  }

  func goodputDrop() -> [Finding] {
    let values = judged.map { ($0, goodput($0)) }
    for index in values.indices.dropFirst() {
      let (previous, before) = values[index - 1]
      let (level, after) = values[index]
      guard let before, let after, before > 0, let t0 = previous.requestThroughput, let t1 = level.requestThroughput else { continue }
      if after < before * Self.goodputDropFraction, t1 >= t0 * 0.95 {
        return [
          Finding(
            code: .goodputDrop, severity: .warning, levels: [previous.level, level.level],
            evidence: [
              .level("from", previous.level), .level("to", level.level), .number("goodputFrom", before, .requestsPerSecond),
              .number("goodputTo", after, .requestsPerSecond), .number("throughputFrom", t0, .requestsPerSecond),
              .number("throughputTo", t1, .requestsPerSecond),
            ])
        ]
      }
    }
    return []
  }

  // MARK: Failure causes

  func failureCauseFindings() -> [Finding] {
    let table = failureCauses
    var findings: [Finding] = []
    for cause in FailureCause.allCases where cause != .serverUnreachable || !alreadyUnreachable {
      let rows = table.filter { $0.cause == cause }
      guard let top = rows.max(by: { $0.count < $1.count }) else { continue }
      let code: FindingCode =
        switch cause {
        case .serverUnreachable: .serverUnreachable
        case .loadShedding: .loadShedding
        case .timeouts: .timeouts
        case .clientErrors: .clientErrors
        case .serverErrors, .other: .serverErrors
        }
      let levelsHit = rows.compactMap(\.level)
      let firstLevel = levelsHit.min()
      let beforeLimit = firstLevel.map { level in stability.maxStable.map { level <= $0 } ?? true } ?? false
      let severity: FindingSeverity =
        switch cause {
        case .loadShedding: beforeLimit ? .critical : .warning
        case .serverUnreachable: .critical
        default: .warning
        }
      let count = Double(rows.reduce(0) { $0 + $1.count })
      var evidence: [FindingEvidence] = [.number("count", count, .count), .text("example", String(top.example.prefix(200)))]
      if let firstLevel { evidence.append(.level("firstLevel", firstLevel)) }
      if cause == .serverUnreachable {
        evidence = [.number("attempted", count, .count), .text("error", String(top.example.prefix(200)))]
      }
      if findings.contains(where: { $0.code == code }) { continue }
      findings.append(Finding(code: code, severity: severity, levels: Array(Set(levelsHit)).sorted(), evidence: evidence))
    }
    return findings
  }

  var alreadyUnreachable: Bool {
    stability.verdicts.contains { verdict in
      verdict.reasons.contains { if case .insufficientData(.unreachable) = $0 { true } else { false } }
    }
  }

  // MARK: Lock-step arrivals

  /// Every request of every level with the same prompt and output length in a closed loop:
  /// requests start together and finish together, so latency moves in steps of whole waves.
  func lockStep() -> [Finding] {
    guard sweep.variable == .concurrency, range.count >= 2 else { return [] }
    var inputLength: Int?
    var outputLength: Int?
    for level in sweep.levels {
      for run in level.runs {
        // Identical output lengths (--ignore-eos) and prompts within 2 % of each other (a
        // tokenizer boundary turns 256 into 257): every request of a batch ends together.
        guard let samples = run.samples, samples.count >= 10, let shortest = samples.inputLengths.min(),
          let longest = samples.inputLengths.max(), shortest > 0, Double(longest) <= Double(shortest) * 1.02,
          let output = samples.outputLengths.first, output > 1, samples.outputLengths.allSatisfy({ $0 == output }),
          outputLength.map({ $0 == output }) ?? true
        else { return [] }
        (inputLength, outputLength) = (inputLength ?? shortest, output)
      }
    }
    guard let inputLength, let outputLength else { return [] }
    return [
      Finding(
        code: .lockStepArrivals, severity: .info,
        evidence: [.number("inputLength", Double(inputLength), .count), .number("outputLength", Double(outputLength), .count)])
    ]
  }

  // MARK: Soak drift

  /// The first minutes of a soak are left out of the trend (warm-up, ramp).
  static let soakWarmupSeconds = 300.0
  /// A drift smaller than this fraction of the typical value per hour is not reported.
  static let soakRelativeDriftPerHour = 0.05

  /// A long constant-load run (≥ `soakMinutes`) whose response times or failures rise over time:
  /// per-minute medians of the window p95 (after the warm-up), a Theil–Sen line, reported when
  /// its 95 % interval excludes 0 and it rises at least 5 % of the typical value per hour.
  func soakDrift() -> [Finding] {
    var findings: [Finding] = []
    var seen: Set<String> = []
    for sweepLevel in sweep.levels {
      // The history is the whole run's: judged once, on the aggregate sweep, not on each task's.
      for run in sweepLevel.runs where run.plateau == nil && run.task == nil {
        guard let timeline = run.timeline, timeline.percentilesAreWindowed == true, seen.insert(timeline.id).inserted,
          let series = Self.soakSeries(timeline, minimumSeconds: settings.soakMinutes * 60)
        else { continue }
        for (metric, values) in [("p95", series.p95), ("failures", series.failures)] {
          guard values.count >= 10, let fit = TheilSen.fit(x: values.map(\.0), y: values.map(\.1)) else { continue }
          let typical = TheilSen.median(sorted: values.map(\.1).sorted())
          let relevant = metric == "failures" ? fit.slope > 0 : typical > 0 && fit.slope / typical >= Self.soakRelativeDriftPerHour
          guard fit.low > 0, relevant else { continue }
          var evidence: [FindingEvidence] = [
            .text("metric", metric), .level("level", sweepLevel.level), .number("hours", series.hours, .count),
          ]
          let unit: FindingEvidence.Unit = metric == "failures" ? .requestsPerSecond : .milliseconds
          evidence += [
            .number("slope", fit.slope, unit), .number("low", fit.low, unit), .number("high", fit.high, unit),
            .number("typical", typical, unit),
          ]
          if typical > 0 { evidence.append(.number("relativePerHour", fit.slope / typical, .fraction)) }
          findings.append(Finding(code: .soakDrift, severity: .warning, levels: [sweepLevel.level], evidence: evidence))
        }
      }
    }
    return findings
  }

  /// Per-minute medians (x in hours since the end of the warm-up) of the window p95 and of the
  /// failures per second over the part of the timeline at its most common user count; nil when
  /// that part is shorter than `minimumSeconds`.
  static func soakSeries(_ timeline: LoadTimeline, minimumSeconds: Double) -> (p95: [(Double, Double)], failures: [(Double, Double)], hours: Double)? {
    var counts: [Int: Int] = [:]
    for point in timeline.points { if let users = point.users, users > 0 { counts[users, default: 0] += 1 } }
    guard let users = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
    let held = timeline.points.filter { $0.users == users }
    guard let first = held.first?.timestamp, let last = held.last?.timestamp, last - first >= minimumSeconds else { return nil }
    let start = first + soakWarmupSeconds
    var p95ByMinute: [Int: [Double]] = [:]
    var failuresByMinute: [Int: [Double]] = [:]
    for point in held where point.timestamp >= start {
      let minute = Int((point.timestamp - start) / 60)
      if let p95 = point.p95Milliseconds { p95ByMinute[minute, default: []].append(p95) }
      if let failures = point.failuresPerSecond { failuresByMinute[minute, default: []].append(failures) }
    }
    func medians(_ buckets: [Int: [Double]]) -> [(Double, Double)] {
      buckets.keys.sorted().map { minute in (Double(minute) / 60, TheilSen.median(sorted: buckets[minute]!.sorted())) }
    }
    return (medians(p95ByMinute), medians(failuresByMinute), (last - start) / 3600)
  }
}
