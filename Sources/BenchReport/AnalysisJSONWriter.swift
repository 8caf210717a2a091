import BenchAnalysis
import BenchModel

/// Writes `analysis.json`: the machine-readable analysis, with the stable camelCase keys
/// documented in README ("analysis.json"). Unknown values are `null`, ∞ is `"inf"`.
public struct AnalysisJSONWriter {
  public let strings: StringsCatalogue

  public init(strings: StringsCatalogue) {
    self.strings = strings
  }

  public static let schemaVersion = 1

  public func render(_ input: ReportInput) -> String {
    document(input).serialized()
  }

  public func document(_ input: ReportInput) -> OrderedJSON {
    let slugs = input.sweepSlugs
    let environment = input.environment
    return .object([
      ("tool", .string("benchreport")),
      ("schemaVersion", .int(Self.schemaVersion)),
      ("language", .string(strings.language.rawValue)),
      ("filesExamined", .int(input.filesExamined)),
      (
        "environment",
        .object([
          ("title", .text(environment.title)), ("gpu", .text(environment.gpu)), ("framework", .text(environment.framework)),
          ("frameworkVersion", .text(environment.frameworkVersion)), ("driver", .text(environment.driver)),
          ("model", .text(environment.model)), ("notes", .array(environment.notes.map(OrderedJSON.string))),
          ("extra", .object(environment.extra.map { ($0.key, .string($0.value)) })),
        ])
      ),
      ("sweeps", .array(input.analyses.enumerated().map { sweep($1, id: slugs[$0]) })),
      (
        "skipped",
        .array(
          input.skipped.map { skipped in
            .object([
              ("file", .string(skipped.location.path)), ("line", .integer(skipped.location.line)),
              ("index", .integer(skipped.location.arrayIndex)), ("kind", .string(skipped.kind.rawValue)),
              ("reason", .string(skipped.reason)),
            ])
          })
      ),
    ])
  }

  func sweep(_ analysis: SweepAnalysis, id: String) -> OrderedJSON {
    let identity = analysis.sweep.identity
    let narrator = SweepNarrator(analysis: analysis, strings: strings)
    let variableKey = analysis.sweep.variable.rawValue
    let runs: [OrderedJSON] = analysis.levels.map { metrics in
      level(
        metrics, sweep: analysis.sweep, verdict: analysis.stability.verdict(at: metrics.level),
        ratings: analysis.ratings.first { $0.level == metrics.level }, scenario: analysis.scenarios[metrics.level])
    }
    let findings: [OrderedJSON] = analysis.findings.map { finding($0, narrator: narrator) }
    let diagnosis: [(String, OrderedJSON)] = [
      ("findings", .array(findings)),
      ("bottleneck", .string(narrator.bottleneckSentence)),
      ("failureCauses", .array(analysis.failureCauses.map(failureCause))),
      ("sloTiers", .array(analysis.tierCapacities.map(tier))),
    ]
    let testedAt: OrderedJSON = TestTime.earliest(of: analysis.sweep).map { OrderedJSON.string(TestTime.iso8601($0)) } ?? .null
    return .object([
      ("id", .string(id)),
      ("title", .string(SweepDescription.title(of: identity))),
      ("model", .text(identity.model)),
      ("backend", .text(identity.backend)),
      ("label", .text(identity.label)),
      ("dataset", .text(identity.dataset)),
      ("inputLength", .integer(identity.configuredInputLength)),
      ("outputLength", .integer(identity.configuredOutputLength)),
      ("metadata", .object(identity.metadata.map { ($0.key, .string($0.value)) })),
      ("task", .text(identity.task)),
      ("meanInputLength", .integer(identity.meanInputLength)),
      ("source", .text(identity.sourceHint)),
      ("variable", .string(analysis.sweep.variable.rawValue)),
      ("testedAt", testedAt),
      ("throughputMeasure", .text(analysis.knee.measure?.rawValue)),
      ("runs", .array(runs)),
      (
        "knee",
        .object([
          ("primaryAxis", .string(analysis.knee.primaryAxis.rawValue)),
          (
            "headline",
            .object([
              ("axis", .string(analysis.knee.headlineAxis.rawValue)),
              ("status", .string(status(analysis.knee.headline))),
              (variableKey, kneeLevel(analysis.knee.headline)),
              ("throughput", kneeThroughput(analysis.knee.headline)),
              (
                "setAside",
                .array(
                  analysis.knee.setAside.map { aside in
                    .object([
                      ("axis", .string(aside.axis.rawValue)), (variableKey, OrderedJSON.level(aside.level)),
                      ("growthAfter", .double(aside.growthAfter)),
                    ])
                  })
              ),
            ])
          ),
          ("status", .string(status(analysis.knee.linear))),
          (variableKey, kneeLevel(analysis.knee.linear)),
          ("throughput", kneeThroughput(analysis.knee.linear)),
          (
            "log2",
            .object([
              ("status", .string(status(analysis.knee.log2))),
              (variableKey, kneeLevel(analysis.knee.log2)),
              ("throughput", kneeThroughput(analysis.knee.log2)),
            ])
          ),
          ("atClientLimit", .bool(analysis.kneeAtClientLimit)),
          ("sentence", .string(narrator.kneeSentence)),
        ])
      ),
      (
        "maxStable",
        .object([
          (variableKey, analysis.stability.maxStable.map(OrderedJSON.level) ?? .null),
          ("firstUnstable", analysis.stability.firstUnstable.map(OrderedJSON.level) ?? .null),
          ("limitReached", .bool(analysis.stability.limitReached)),
          ("decidedBy", .text(analysis.stability.deciding?.rawValue)),
          ("criteria", .array(analysis.stability.reasons.map(reason))),
          ("uncheckedCriteria", .array(analysis.stability.uncheckedCriteria.map(OrderedJSON.string))),
          ("reason", .string(narrator.maxStableSentence)),
        ])
      ),
      ("recommended", recommended(analysis, narrator: narrator)),

      ("targetChecks", .array(analysis.targetChecks.map(targetCheck))),
      ("failures", .array(SweepFailures.failures(of: analysis.sweep).map(failure))),
      ("exceptions", .array(SweepFailures.exceptions(of: analysis.sweep).map(exception))),
      ("conclusions", .array(narrator.conclusions.map(OrderedJSON.string))),
    ] + diagnosis + (analysis.resourceNotes.isEmpty ? [] : [("metricsNotes", .array(analysis.resourceNotes.map(OrderedJSON.string)))]))
  }

  func targetCheck(_ check: TargetCheck) -> OrderedJSON {
    .object([
      ("level", OrderedJSON.level(check.level)), ("target", .string(check.objective.text)), ("measured", .number(check.measured)),
      ("met", check.met.map(OrderedJSON.bool) ?? .null),
    ])
  }

  func failure(_ entry: SweepFailures.Entry<FailureRecord>) -> OrderedJSON {
    let record = entry.record
    return .object([
      ("file", .string(entry.file)), ("method", .text(record.method)), ("name", .string(record.name)), ("error", .string(record.error)),
      ("occurrences", .int(record.occurrences)), ("firstSeen", .text(record.firstSeen)), ("lastSeen", .text(record.lastSeen)),
    ])
  }

  func exception(_ entry: SweepFailures.Entry<ExceptionRecord>) -> OrderedJSON {
    let record = entry.record
    return .object([
      ("file", .string(entry.file)), ("count", .int(record.count)), ("message", .string(record.message)),
      ("location", .text(record.location)), ("nodes", .text(record.nodes)),
    ])
  }

  func level(
    _ level: LevelMetrics, sweep: Sweep, verdict levelVerdict: LevelVerdict?, ratings levelRatings: LevelRatings?, scenario: ScenarioKind?
  ) -> OrderedJSON {
    let runs = sweep.levels.first { $0.level == level.level }?.runs ?? []
    let concurrency: OrderedJSON
    let rate: OrderedJSON
    switch level.level {
    case .concurrency(let value):
      concurrency = .int(value)
      let rates = Set(runs.compactMap(\.requestRate))
      rate = rates.count == 1 ? OrderedJSON.requestRate(rates.first!) : .null
    case .requestRate(let value):
      rate = OrderedJSON.requestRate(value)
      let limits = Set(runs.compactMap(\.maxConcurrency))
      concurrency = limits.count == 1 ? .int(limits.first!) : .null
    case .users:
      // Users wait between requests: the concurrency is what is really in flight (Little's law).
      concurrency = .number(level.effectiveConcurrency)
      rate = .null
    }
    let users: OrderedJSON = if case .users(let value) = level.level { .int(value) } else { .null }
    let plateaus = runs.compactMap(\.plateau)
    let plateau: OrderedJSON =
      plateaus.count == 1 ? .array([.double(plateaus[0].lowerBound), .double(plateaus[0].upperBound)]) : .null
    var members: [(String, OrderedJSON)] = [
      ("file", .string(level.sources.first?.description ?? "")),
      ("files", .array(Self.files(of: runs, sources: level.sources).map(OrderedJSON.string))),
      ("tool", .text(runs.first.map { $0.format.tool.rawValue })),
      ("schema", .text(runs.first?.format.schema)),
      ("repetitions", .int(level.runCount)),
      ("users", users),
      ("concurrency", concurrency),
      ("requestRate", rate),
      ("plateauSeconds", plateau),
      ("requests", .integer(level.requests)),
      ("completed", .integer(level.completed)),
      ("failed", .integer(level.failed)),
      ("successRate", .number(level.successRate)),
      ("failureRate", .number(level.failureRate)),
      ("durationSeconds", .number(level.duration)),
      ("requestThroughput", .number(level.requestThroughput)),
      ("totalRequestThroughput", .number(level.totalRequestThroughput)),
      ("outputThroughput", .number(level.outputThroughput)),
      ("totalTokenThroughput", .number(level.totalTokenThroughput)),
      ("requestGoodput", .number(level.requestGoodput)),
    ]
    for metric in LatencyMetric.allCases {
      members.append(("\(metric.rawValue)Ms", summary(level.latency[metric])))
    }
    members += [
      ("perStreamTokensPerSecond", .number(level.perStreamDecodeSpeed)),
      ("efficiency", .number(level.efficiency)),
      ("outputThroughputPerConcurrency", .number(level.outputThroughputPerConcurrency)),
      ("scalingEfficiency", .number(level.scalingEfficiency)),
      ("effectiveConcurrency", .number(level.effectiveConcurrency)),
      ("effectiveConcurrencySource", .text(level.effectiveConcurrencySource?.rawValue)),
      ("errors", .array(level.topErrors.prefix(10).map { .object([("message", .string($0.message)), ("count", .int($0.count))]) })),
      ("notes", .array(level.notes.map(OrderedJSON.string))),
      ("verdict", verdict(levelVerdict)),
      ("ratings", ratings(levelRatings)),
      ("scenario", .text(scenario?.rawValue)),
    ]
    // Only when measured: absent, never 0 (and files without metrics stay as they were).
    if let gpu = level.gpu { members.append(("gpu", self.gpu(gpu))) }
    if let server = level.server { members.append(("server", self.server(server))) }
    return .object(members)
  }

  func gpu(_ gpu: GPUWindowMetrics) -> OrderedJSON {
    .object([
      ("utilizationMean", .number(gpu.utilizationMean)), ("utilizationP95", .number(gpu.utilizationP95)),
      ("memoryUsedMiB", .number(gpu.memoryUsedMiB)), ("memoryTotalMiB", .number(gpu.memoryTotalMiB)),
      ("powerMeanW", .number(gpu.powerMeanW)), ("energyPerOutputTokenJ", .number(gpu.energyPerOutputTokenJ)),
      ("outputTokensPerWatt", .number(gpu.outputTokensPerWatt)), ("samples", .int(gpu.samples)),
      (
        "gpus",
        .array(
          gpu.gpus.map {
            .object([
              ("id", .string($0.id)), ("utilizationMean", .number($0.utilizationMean)), ("memoryUsedMiB", .number($0.memoryUsedMiB)),
              ("memoryTotalMiB", .number($0.memoryTotalMiB)), ("powerMeanW", .number($0.powerMeanW)), ("samples", .int($0.samples)),
            ])
          })
      ),
    ])
  }

  func server(_ server: ServerWindowMetrics) -> OrderedJSON {
    .object([
      ("kvCacheUsageMean", .number(server.kvCacheUsageMean)), ("kvCacheUsageMax", .number(server.kvCacheUsageMax)),
      ("runningMean", .number(server.runningMean)), ("waitingMean", .number(server.waitingMean)),
      ("preemptionsPerSecond", .number(server.preemptionsPerSecond)), ("prefixCacheHitRate", .number(server.prefixCacheHitRate)),
      ("scrapes", .int(server.scrapes)),
    ])
  }

  /// Every file the level's runs were built from, in run order, each once.
  static func files(of runs: [Run], sources: [SourceLocation]) -> [String] {
    var seen: Set<String> = []
    var files: [String] = []
    let all = runs.isEmpty ? sources.map(\.description) : runs.flatMap(\.files)
    for file in all where seen.insert(file).inserted { files.append(file) }
    return files
  }

  func summary(_ summary: LatencySummary?) -> OrderedJSON {
    guard let summary else { return .null }
    var members: [(String, OrderedJSON)] = [
      ("source", .string(summary.origin.rawValue)),
      ("mean", .number(summary.mean)),
      ("std", .number(summary.standardDeviation)),
    ]
    let percentiles = Set(summary.percentiles.keys).union([50, 90, 95, 99]).sorted()
    for p in percentiles {
      members.append(("p" + LatencyStatistic.percentile(p).description.dropFirst(), .number(summary.percentile(p))))
    }
    return .object(members)
  }

  func status(_ outcome: ThroughputKnee.Outcome) -> String {
    switch outcome {
    case .found: "found"
    case .noKnee: "noKnee"
    case .tooFewLevels: "tooFewLevels"
    }
  }

  func kneeLevel(_ outcome: ThroughputKnee.Outcome) -> OrderedJSON {
    if case .found(let level, _) = outcome { return OrderedJSON.level(level) }
    return .null
  }

  func kneeThroughput(_ outcome: ThroughputKnee.Outcome) -> OrderedJSON {
    if case .found(_, let throughput) = outcome { return .double(throughput) }
    return .null
  }

  func reason(_ reason: StopReason) -> OrderedJSON {
    switch reason {
    case .lowSuccessRate(let rate, let minimum):
      return .object([("criterion", .string("successRate")), ("value", .double(rate)), ("limit", .double(minimum))])
    case .ttftOverLimit(let statistic, let value, let limit):
      return .object([
        ("criterion", .string("ttft")), ("statistic", .string(statistic.description)), ("valueMs", .double(value)),
        ("limitMs", .double(limit)),
      ])
    case .insufficientGrowth(let growth, let minimum, let previous, let measure, let scaling):
      return .object([
        ("criterion", .string("throughputGrowth")), ("value", .double(growth)), ("limit", .double(minimum)),
        ("previous", OrderedJSON.level(previous)), ("measure", .string(measure.rawValue)), ("marginalScaling", .number(scaling)),
      ])
    case .objectiveBreached(let objective, let value):
      return .object([("criterion", .string("slo")), ("slo", .string(objective.text)), ("value", .double(value))])
    case .overloaded(let evidence):
      return .object([
        ("criterion", .string("servedRate")), ("offered", .double(evidence.offered)), ("served", .double(evidence.served)),
        ("value", .double(evidence.servedFraction)), ("limit", .double(evidence.minimum)),
        ("unloadedLatencySeconds", .double(evidence.unloadedLatencySeconds)), ("latencyRatio", .number(evidence.latencyRatio)),
        ("positionLatencyRatio", .number(evidence.positionLatencyRatio)),
      ])
    case .clientLimited(let limit):
      switch limit {
      case .rateCap(let cap, let served, let inFlight, let concurrency):
        return .object([
          ("criterion", .string("clientRateCap")), ("cap", .double(cap)), ("served", .double(served)),
          ("inFlight", .number(inFlight)), ("concurrency", .int(concurrency)),
        ])
      case .promptsBelowConcurrency(let requests, let concurrency):
        return .object([
          ("criterion", .string("promptsBelowConcurrency")), ("requests", .int(requests)), ("concurrency", .int(concurrency)),
        ])
      case .concurrencyCap(let limit, let inFlight, let offered, let served):
        return .object([
          ("criterion", .string("clientConcurrencyCap")), ("limit", .int(limit)), ("inFlight", .double(inFlight)),
          ("offered", .double(offered)), ("served", .double(served)),
        ])
      }
    case .insufficientData(let insufficiency):
      switch insufficiency {
      case .fewRequests(let completed, let minimum):
        return .object([("criterion", .string("requests")), ("value", .int(completed)), ("limit", .int(minimum))])
      case .shortRun(let seconds, let minimum):
        return .object([("criterion", .string("duration")), ("valueSeconds", .double(seconds)), ("limitSeconds", .double(minimum))])
      case .unreachable(let attempted, let error):
        return .object([("criterion", .string("reachable")), ("attempted", .int(attempted)), ("error", .text(error))])
      }
    }
  }

  /// A level's verdict: its kind and every reason.
  func verdict(_ verdict: LevelVerdict?) -> OrderedJSON {
    guard let verdict else { return .null }
    return .object([
      ("kind", .string(verdict.kind.rawValue)),
      ("reasons", .array((verdict.decidingReasons + verdict.reasons.filter { $0.kind != verdict.kind }).map(reason))),
    ])
  }

  /// A finding with its evidence and its sentence in the report's language.
  func finding(_ finding: Finding, narrator: SweepNarrator) -> OrderedJSON {
    let shown = narrator.findingText(finding)
    return .object([
      ("code", .string(shown.code)), ("severity", .string(shown.severity)),
      ("levels", .array(finding.levels.map(OrderedJSON.level))),
      ("evidence", .object(finding.evidence.map { ($0.name, evidenceValue($0.value)) })),
      ("text", .string(shown.text)), ("cause", .text(shown.cause)), ("advice", .text(shown.advice)),
    ])
  }

  func ratings(_ ratings: LevelRatings?) -> OrderedJSON {
    guard let ratings, !ratings.isEmpty else { return .null }
    return .object([
      ("ttft", .text(ratings.ttft?.rawValue)), ("tpot", .text(ratings.tpot?.rawValue)),
      ("requestThroughput", .text(ratings.requestThroughput?.rawValue)), ("successRate", .text(ratings.successRate?.rawValue)),
    ])
  }

  func failureCause(_ row: FailureCauseCount) -> OrderedJSON {
    .object([
      ("cause", .string(row.cause.rawValue)), ("level", row.level.map(OrderedJSON.level) ?? .null), ("count", .int(row.count)),
      ("example", .string(row.example)), ("firstSeen", .text(row.firstSeen)), ("lastSeen", .text(row.lastSeen)),
    ])
  }

  func tier(_ capacity: TierCapacity) -> OrderedJSON {
    .object([
      ("tier", .string(capacity.tier.name)), ("targets", .array(capacity.tier.objectives.map { .string($0.text) })),
      ("maxLevel", capacity.maxLevel.map(OrderedJSON.level) ?? .null),
      ("firstMissed", capacity.firstMissed.map(OrderedJSON.level) ?? .null), ("unchecked", .bool(capacity.unchecked)),
    ])
  }

  func evidenceValue(_ value: FindingEvidence.Value) -> OrderedJSON {
    switch value {
    case .number(let number, _): .double(number)
    case .level(let level): OrderedJSON.level(level)
    case .text(let text): .string(text)
    }
  }

  func recommended(_ analysis: SweepAnalysis, narrator: SweepNarrator) -> OrderedJSON {
    guard let recommendation = analysis.recommendation else {
      return .object([("low", .null), ("high", .null), ("sentence", .string(narrator.decisionSentence))])
    }
    let low: OrderedJSON
    let high: OrderedJSON
    switch recommendation.range {
    case .concurrency(let lowValue, let highValue), .users(let lowValue, let highValue):
      low = .int(lowValue)
      high = .int(highValue)
    case .requestRate(let lowValue, let highValue):
      low = .double((lowValue * 100).rounded() / 100)
      high = .double((highValue * 100).rounded() / 100)
    }
    return .object([
      ("low", low), ("high", high), ("basis", .double(recommendation.basis)),
      ("headroom", .array([.double(recommendation.headroomLow), .double(recommendation.headroomHigh)])),
      ("lowerBound", .bool(recommendation.isLowerBound)),
      ("sentence", .string(narrator.decisionSentence)),
    ])
  }
}
