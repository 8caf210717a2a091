import BenchModel

/// Findings from the GPU and server metrics joined to the levels (`ResourceJoin`); nothing
/// without them. Thresholds are fixed and documented in the README ("Diagnoses"):
///
/// - `gpu-underutilized` (warning): at the max stable level (else the highest judged level)
///   the GPUs were busy less than 70 % of the time on average (seed 001/004's target is
///   70–90 %): the limit is then before the GPU — CPU pre/post-processing (tokenising,
///   detokenising, the HTTP server), the network or the load client;
/// - `kv-cache-saturated` (warning): levels whose KV-cache usage reached ≥ 95 % while the server
///   preempted requests (> 0 per second): the cache, not compute, caps the batch;
/// - `queue-growing` (warning): levels whose waiting requests rose through the window (mean of
///   the last third ≥ 1.5× the first third and ≥ 1 more request): the queue grew, confirming
///   queueing;
/// - `memory-headroom` (info): at the highest level with GPU memory, under 80 % of it was used:
///   room for a larger KV cache (`--gpu-memory-utilization`) or more batch slots.
public struct ResourceFindings: Sendable {
  public var levels: [LevelMetrics]
  public var stability: StabilityVerdict

  public static let underutilizedPercent = 70.0
  public static let saturatedKVPercent = 95.0
  public static let queueGrowthRatio = 1.5
  public static let memoryHeadroomFraction = 0.8

  public init(levels: [LevelMetrics], stability: StabilityVerdict) {
    self.levels = levels
    self.stability = stability
  }

  public func findings() -> [Finding] {
    [underutilized(), kvCacheSaturated(), queueGrowing(), memoryHeadroom()].compactMap { $0 }
  }

  func underutilized() -> Finding? {
    let judged = stability.verdicts.filter { $0.kind != .insufficient }.map(\.level)
    guard let level = stability.maxStable ?? judged.last,
      let gpu = levels.first(where: { $0.level == level })?.gpu, let mean = gpu.utilizationMean, mean < Self.underutilizedPercent
    else { return nil }
    var evidence: [FindingEvidence] = [
      .level("level", level), .number("utilizationMean", mean / 100, .fraction),
    ]
    if let p95 = gpu.utilizationP95 { evidence.append(.number("utilizationP95", p95 / 100, .fraction)) }
    if let first = stability.firstUnstable { evidence.append(.level("firstUnstable", first)) }
    return Finding(code: .gpuUnderutilized, severity: .warning, levels: [level], evidence: evidence)
  }

  func kvCacheSaturated() -> Finding? {
    let saturated = levels.filter { level in
      guard let server = level.server, let peak = server.kvCacheUsageMax, let preemptions = server.preemptionsPerSecond else { return false }
      return peak >= Self.saturatedKVPercent && preemptions > 0
    }
    guard let first = saturated.first, let server = first.server else { return nil }
    return Finding(
      code: .kvCacheSaturated, severity: .warning, levels: saturated.map(\.level),
      evidence: [
        .level("level", first.level), .number("kvCacheUsageMax", (server.kvCacheUsageMax ?? 0) / 100, .fraction),
        .number("preemptionsPerSecond", server.preemptionsPerSecond ?? 0, .perSecond),
      ])
  }

  func queueGrowing() -> Finding? {
    let growing = levels.filter { level in
      guard let server = level.server, let start = server.waitingFirstThird, let end = server.waitingLastThird else { return false }
      return end >= start * Self.queueGrowthRatio && end - start >= 1
    }
    guard let first = growing.first, let server = first.server else { return nil }
    return Finding(
      code: .queueGrowing, severity: .warning, levels: growing.map(\.level),
      evidence: [
        .level("level", first.level), .number("waitingStart", server.waitingFirstThird ?? 0, .inFlight),
        .number("waitingEnd", server.waitingLastThird ?? 0, .inFlight),
      ])
  }

  func memoryHeadroom() -> Finding? {
    guard let level = levels.last(where: { $0.gpu?.memoryUsedMiB != nil && $0.gpu?.memoryTotalMiB != nil }),
      let used = level.gpu?.memoryUsedMiB, let total = level.gpu?.memoryTotalMiB, total > 0, used / total < Self.memoryHeadroomFraction
    else { return nil }
    return Finding(
      code: .memoryHeadroom, severity: .info, levels: [level.level],
      evidence: [
        .level("level", level.level), .number("memoryUsedMiB", used, .mebibytes), .number("memoryTotalMiB", total, .mebibytes),
        .number("memoryUsedFraction", used / total, .fraction),
      ])
  }
}
