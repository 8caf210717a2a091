import BenchAnalysis
import BenchModel

/// Turns a sweep's analysis into the sentences of the report (结论 / Conclusions), in the
/// catalogue's language. Every sentence states the numbers that support it.
struct SweepNarrator {
  let analysis: SweepAnalysis
  let strings: StringsCatalogue
  /// Escapes text the user wrote (SLO names) for the output format; see `TextEscaping`.
  var escape: @Sendable (String) -> String = { $0 }

  var variableWord: String {
    strings["word_\(analysis.sweep.variable.rawValue)"]
  }

  func levelText(_ level: LoadLevel) -> String {
    switch level {
    case .concurrency(let value): String(value)
    case .users(let value): String(value)
    case .requestRate(let rate): rate.isInfinite ? "∞" : NumberFormatting.compact(rate.sortValue) + " req/s"
    }
  }

  // MARK: Knee

  var kneeSentence: String {
    let knee = analysis.knee
    let otherAxis: ThroughputKnee.Axis = knee.headlineAxis == .log2 ? .linear : .log2
    let otherSetAside = knee.setAside.first { $0.axis == otherAxis }
    func setAsideSentences(excluding axis: ThroughputKnee.Axis?) -> String {
      knee.setAside.filter { $0.axis != axis }.map { aside in
        strings.format(
          "knee_setAside",
          ["axis": axisWord(aside.axis), "level": levelText(aside.level), "ratio": NumberFormatting.ratio(aside.growthAfter)])
      }.joined()
    }
    var sentence: String
    switch (knee.headline, knee.headlineAxis == .log2 ? knee.linear : knee.log2) {
    case (.tooFewLevels(let count), _):
      return strings.format("knee_tooFew", ["count": String(count)])
    case (.noKnee, .noKnee):
      let next = nextLevelSuggestion
      let crashed = SweepFindings.nextLevel(after: analysis.sweep.levels.map(\.level)).flatMap { analysis.failedAttempts[$0] }
      if let crashed {
        sentence = strings.format("knee_noneAttempted", ["next": next, "attemptFile": escape(crashed)])
      } else {
        sentence = next == NumberFormatting.missing ? strings["knee_noneAtEnd"] : strings.format("knee_none", ["next": next])
      }
      sentence += setAsideSentences(excluding: nil)
    default:
      let other: String
      if let otherSetAside {
        other = strings.format(
          "knee_setAsideShort", ["level": levelText(otherSetAside.level), "ratio": NumberFormatting.ratio(otherSetAside.growthAfter)])
      } else {
        other = outcomeText(otherAxis == .log2 ? knee.log2 : knee.linear)
      }
      sentence = strings.format(
        "knee_found",
        [
          "primary": outcomeText(knee.headline), "secondary": other,
          "axis": axisWord(knee.headlineAxis), "otherAxis": axisWord(otherAxis), "measure": measureWord(knee.measure),
        ]) + setAsideSentences(excluding: otherAxis)
    }
    if analysis.kneeAtClientLimit, let cause = clientLimitCause {
      sentence += strings.format("knee_clientLimit", ["cause": cause])
    }
    return sentence
  }

  /// The knee for headline tables: the headline knee, else the other axis's knee (with its axis)
  /// when the sentence reports one, else "—"; the same knee the knee sentence gives.
  var kneeValue: String {
    let knee = analysis.knee
    if case .found(let level, _) = knee.headline { return levelText(level) }
    let otherAxis: ThroughputKnee.Axis = knee.headlineAxis == .log2 ? .linear : .log2
    if case .found(let level, _) = (otherAxis == .log2 ? knee.log2 : knee.linear), !knee.setAside.contains(where: { $0.axis == otherAxis }) {
      return levelText(level) + " (" + axisWord(otherAxis) + ")"
    }
    return NumberFormatting.missing
  }

  /// What limited the load on the client side, in words ("--request-rate 10", "100 prompts"),
  /// from the first client-limited level; nil when no level was client-limited.
  var clientLimitCause: String? {
    for verdict in analysis.stability.verdicts where verdict.kind == .clientLimited {
      for reason in verdict.reasons {
        if case .clientLimited(let limit) = reason { return clientLimitText(limit, at: verdict.level) }
      }
    }
    return nil
  }

  func clientLimitText(_ limit: ClientLimit, at level: LoadLevel) -> String {
    switch limit {
    case .rateCap(let cap, _, _, _):
      return strings.format("cause_rateCap", ["cap": NumberFormatting.compact(cap) + " req/s", "level": levelText(level)])
    case .promptsBelowConcurrency(let requests, _):
      return strings.format("cause_fewPrompts", ["requests": String(requests), "level": levelText(level)])
    case .concurrencyCap(let limit, _, _, _):
      return strings.format("cause_concurrencyCap", ["limit": String(limit), "level": levelText(level)])
    }
  }

  func axisWord(_ axis: ThroughputKnee.Axis) -> String {
    strings[axis == .log2 ? "axis_log2" : "axis_linear"]
  }

  func outcomeText(_ outcome: ThroughputKnee.Outcome) -> String {
    switch outcome {
    case .found(let level, let throughput):
      return strings.format("knee_at", ["level": levelText(level), "value": NumberFormatting.decimal(throughput, 1)])
    case .noKnee: return strings["knee_notFound"]
    case .tooFewLevels: return NumberFormatting.missing
    }
  }

  func measureWord(_ measure: ThroughputMeasure?) -> String {
    switch measure {
    case .outputTokens: strings["measure_outputTokens"]
    case .requests: strings["measure_requests"]
    case .totalTokens: strings["measure_totalTokens"]
    case nil: NumberFormatting.missing
    }
  }

  /// Twice the highest tested concurrency (or rate), the natural next step of a doubling sweep.
  var nextLevelSuggestion: String {
    guard let next = SweepFindings.nextLevel(after: analysis.sweep.levels.map(\.level)) else { return "—" }
    return levelText(next)
  }

  // MARK: Stability and recommendation

  var maxStableSentence: String {
    let stability = analysis.stability
    guard let firstUnstable = stability.firstUnstable, let reason = stability.reasons.first else {
      if let maxStable = stability.maxStable {
        if let cause = clientLimitCause {
          return strings.format("stable_clientLimited", ["variable": variableWord, "max": levelText(maxStable), "cause": cause])
        }
        return strings.format("stable_notReached", ["variable": variableWord, "max": levelText(maxStable)])
      }
      return undeterminedSentence
    }
    let because = reasonText(reason, at: firstUnstable)
    guard let maxStable = stability.maxStable else {
      return strings.format("stable_firstFails", ["variable": variableWord, "level": levelText(firstUnstable), "reason": because])
    }
    return strings.format("stable_found", ["max": levelText(maxStable), "reason": because])
  }

  /// Why no level could be called stable when none ended the walk either.
  var undeterminedSentence: String {
    let verdicts = analysis.stability.verdicts
    for verdict in verdicts {
      for case .insufficientData(.unreachable(let attempted, let error)) in verdict.reasons {
        return strings.format(
          "stable_unreachable",
          ["attempted": String(attempted), "error": escape(String((error ?? "—").split(separator: "\n").first ?? "").prefix(120).description)])
      }
    }
    if let cause = clientLimitCause { return strings.format("stable_clientLimitedAll", ["cause": cause]) }
    if !verdicts.isEmpty, verdicts.allSatisfy({ $0.kind == .insufficient }) { return strings["stable_insufficient"] }
    return strings["stable_noData"]
  }

  func reasonText(_ reason: StopReason, at level: LoadLevel) -> String {
    let at = levelText(level)
    switch reason {
    case .lowSuccessRate(let rate, let minimum):
      return strings.format("reason_success", ["level": at, "value": NumberFormatting.percent(rate), "limit": NumberFormatting.percent(minimum)])
    case .ttftOverLimit(let statistic, let value, let limit):
      return strings.format(
        "reason_ttft",
        ["level": at, "statistic": statistic.description.uppercased().replacingPrefix(), "value": NumberFormatting.milliseconds(value) + " ms",
         "limit": NumberFormatting.milliseconds(limit) + " ms"])
    case .insufficientGrowth(let growth, let minimum, let previous, _, let scaling):
      guard let scaling else {
        return strings.format("reason_growthUnbounded", ["level": at, "value": NumberFormatting.signedPercent(growth), "limit": NumberFormatting.percent(minimum)])
      }
      let step = level.numericValue / previous.numericValue
      return strings.format(
        growth < 0 ? "reason_growthFell" : "reason_growth",
        [
          "level": at, "value": NumberFormatting.signedPercent(growth), "fall": NumberFormatting.percent(-growth),
          "limit": NumberFormatting.percent(minimum), "step": NumberFormatting.ratio(step), "scaling": NumberFormatting.percent(scaling, decimals: 0),
          "previous": levelText(previous),
        ])
    case .overloaded(let evidence):
      let latency = evidence.latencyRatio.map { strings.format("reason_overloadedLatency", ["ratio": NumberFormatting.ratio($0)]) } ?? ""
      return strings.format(
        "reason_overloaded",
        [
          "level": at, "served": NumberFormatting.decimal(evidence.served, 2) + " req/s",
          "offered": NumberFormatting.compact(evidence.offered) + " req/s", "fraction": NumberFormatting.percent(evidence.servedFraction, decimals: 0),
          "limit": NumberFormatting.percent(evidence.minimum, decimals: 0), "latency": latency,
        ])
    case .clientLimited(let limit):
      return clientLimitText(limit, at: level)
    case .insufficientData(let insufficiency):
      switch insufficiency {
      case .fewRequests(let completed, let minimum):
        return strings.format("reason_fewRequests", ["level": at, "value": String(completed), "limit": String(minimum)])
      case .shortRun(let seconds, let minimum):
        return strings.format(
          "reason_shortRun", ["level": at, "value": NumberFormatting.decimal(seconds, 1) + " s", "limit": NumberFormatting.compact(minimum) + " s"])
      case .unreachable(let attempted, _):
        return strings.format("reason_unreachable", ["level": at, "value": String(attempted)])
      }
    case .objectiveBreached(let objective, let value):
      let measured: String
      if case .errorRate = objective.target {
        measured = NumberFormatting.percent(value)
      } else {
        measured = NumberFormatting.milliseconds(value) + " ms"
      }
      return strings.format("reason_slo", ["level": at, "slo": escape(objective.text), "value": measured])
    }
  }

  var recommendationSentence: String {
    guard let recommendation = analysis.recommendation else {
      if let withheld = analysis.findings.first(where: { $0.code == .insufficientData && $0.levels.isEmpty }) {
        return strings.format(
          "recommend_withheld",
          [
            "judged": NumberFormatting.integer(withheld.number("judgedLevels").map { Int($0) }),
            "minimum": NumberFormatting.integer(withheld.number("minLevels").map { Int($0) }),
          ])
      }
      return strings["recommend_none"]
    }
    let values = [
      "range": rangeText(recommendation.range),
      "low": NumberFormatting.percent(recommendation.headroomLow),
      "high": NumberFormatting.percent(recommendation.headroomHigh),
      "basis": NumberFormatting.compact(recommendation.basis),
    ]
    let bound = recommendation.isLowerBound ? strings["recommend_lowerBound"] : ""
    if recommendation.basedOnMeasuredThroughput { return strings.format("recommend_measured", values) + bound }
    let key = ["concurrency": "recommend_concurrency", "users": "recommend_users"][analysis.sweep.variable.rawValue] ?? "recommend_rate"
    return strings.format(key, values) + bound
  }

  func rangeText(_ range: Recommendation.Range) -> String {
    switch range {
    case .concurrency(let low, let high), .users(let low, let high): low == high ? String(low) : "\(low)–\(high)"
    case .requestRate(let low, let high):
      NumberFormatting.compact(low) + "–" + NumberFormatting.compact(high) + " req/s"
    }
  }

  /// "max stable 64: at 128 throughput grew only 12 % (< 20 %); recommended 44–51".
  var decisionSentence: String {
    maxStableSentence + strings["sentence_join"] + recommendationSentence
  }

  // MARK: Bottleneck

  /// The bottleneck in one sentence, from the most telling finding: nothing reached the server,
  /// the client limited the load, the rate was not served, load shedding, queueing for batch
  /// slots, decode slowdown, a broken script, else the kind that ended the walk.
  var bottleneckSentence: String {
    let findings = analysis.findings
    func first(_ code: FindingCode) -> Finding? { findings.first { $0.code == code } }
    if first(.serverUnreachable) != nil, analysis.stability.maxStable == nil { return strings["bottleneck_server-unreachable"] }
    if let cause = clientLimitCause, !analysis.stability.limitReached { return strings.format("bottleneck_client", ["cause": cause]) }
    if let finding = first(.warmupOutlier), finding.severity >= .warning {
      return strings.format("bottleneck_warmup-outlier", evidenceValues(finding))
    }
    let judged = analysis.stability.verdicts.filter { $0.kind != .insufficient }.count
    if judged == 0 { return strings["bottleneck_insufficient"] }
    if let finding = first(.soakDrift) {
      return strings.format("bottleneck_soak-drift", evidenceValues(finding))
    }
    if !analysis.scenarios.isEmpty, analysis.scenarios.values.allSatisfy({ $0 == .soak }) {
      // The trend over time is judged on the whole run, so a request name's sweep defers to it.
      return strings[analysis.sweep.identity.task == nil ? "bottleneck_soakStable" : "bottleneck_soakTask"]
    }
    let attempted = analysis.levels.compactMap(\.requests).reduce(0, +)
    if let finding = first(.clientErrors), let count = finding.number("count"), attempted > 0, count >= 0.1 * Double(attempted) {
      return strings.format("bottleneck_client-errors", evidenceValues(finding))
    }
    if let finding = first(.overloaded) { return strings.format("bottleneck_overloaded", evidenceValues(finding)) }
    if let finding = first(.loadShedding), finding.severity == .critical { return strings.format("bottleneck_load-shedding", evidenceValues(finding)) }
    if let finding = first(.queueing) { return strings.format("bottleneck_queueing", evidenceValues(finding)) }
    if let finding = first(.decodeSlowdown), analysis.stability.limitReached {
      return strings.format("bottleneck_decode-slowdown", evidenceValues(finding))
    }
    if let firstUnstable = analysis.stability.firstUnstable, let kind = analysis.stability.deciding {
      return strings.format("bottleneck_limit", ["kind": strings["kind_\(kind.rawValue)"], "firstFailing": levelText(firstUnstable)])
    }
    if judged < analysis.settings.minimumLevels {
      return strings.format("bottleneck_tooFewLevels", ["count": String(judged)])
    }
    if analysis.stability.maxStable != nil { return strings["bottleneck_not-saturated"] }
    return strings["bottleneck_insufficient"]
  }

  // MARK: Conclusions

  var conclusions: [String] {
    let levels = analysis.levels
    guard let first = levels.first, let last = levels.last else { return [] }
    var sentences: [String] = [bottleneckSentence]
    let range = ["variable": variableWord, "from": levelText(first.level), "to": levelText(last.level)]

    // Throughput growth.
    if levels.count > 1, let q0 = first.requestThroughput, let q1 = last.requestThroughput, q0 > 0 {
      var values = range
      values["q0"] = NumberFormatting.decimal(q0, 2)
      values["q1"] = NumberFormatting.decimal(q1, 2)
      values["ratio"] = NumberFormatting.ratio(q1 / q0)
      if let t0 = first.outputThroughput, let t1 = last.outputThroughput {
        values["t0"] = NumberFormatting.decimal(t0, 1)
        values["t1"] = NumberFormatting.decimal(t1, 1)
        sentences.append(strings.format("conclusion_throughputTokens", values))
      } else {
        sentences.append(strings.format("conclusion_throughput", values))
      }
    }
    // Success rate.
    let rates = levels.compactMap(\.successRate)
    if rates.count == levels.count, !rates.isEmpty {
      if rates.allSatisfy({ $0 >= 1 }) {
        sentences.append(strings["conclusion_allSucceeded"])
      } else if let worst = levels.min(by: { $0.successRate! < $1.successRate! }) {
        sentences.append(
          strings.format("conclusion_failures", ["level": levelText(worst.level), "value": NumberFormatting.percent(worst.successRate)]))
      }
    }
    // Latency growth and queueing.
    if levels.count > 1, let l0 = first.latency[.e2el]?.median, let l1 = last.latency[.e2el]?.median, l0 > 0 {
      var values = range
      values["l0"] = NumberFormatting.milliseconds(l0)
      values["l1"] = NumberFormatting.milliseconds(l1)
      values["ratio"] = NumberFormatting.ratio(l1 / l0)
      sentences.append(strings.format("conclusion_latency", values))
      if let f0 = first.latency[.ttft]?.median, let f1 = last.latency[.ttft]?.median, l1 > l0 {
        let share = (f1 - f0) / (l1 - l0)
        var ttftValues = values
        ttftValues["f0"] = NumberFormatting.milliseconds(f0)
        ttftValues["f1"] = NumberFormatting.milliseconds(f1)
        ttftValues["share"] = NumberFormatting.percent(max(0, min(1, share)), decimals: 0)
        ttftValues["ttftRatio"] = f0 > 0 ? NumberFormatting.ratio(f1 / f0) : NumberFormatting.missing
        let key: String
        if share >= 0.5 {
          key = "conclusion_queueing"
        } else if f0 > 0, f1 / f0 >= 2 {
          key = "conclusion_mixed"
        } else {
          key = "conclusion_decode"
        }
        sentences.append(strings.format(key, ttftValues))
      }
    } else if levels.count > 1, let f0 = first.latency[.ttft]?.median, let f1 = last.latency[.ttft]?.median, f0 > 0 {
      var values = range
      values["f0"] = NumberFormatting.milliseconds(f0)
      values["f1"] = NumberFormatting.milliseconds(f1)
      values["ratio"] = NumberFormatting.ratio(f1 / f0)
      sentences.append(strings.format("conclusion_ttft", values))
    }
    // Per-stream speed.
    if levels.count > 1, let s0 = first.perStreamDecodeSpeed, let s1 = last.perStreamDecodeSpeed {
      var values = range
      values["s0"] = NumberFormatting.decimal(s0, 1)
      values["s1"] = NumberFormatting.decimal(s1, 1)
      sentences.append(strings.format("conclusion_perStream", values))
    }
    sentences.append(kneeSentence)
    // Knee against the growth rule.
    if case .found(let kneeLevel, _) = analysis.knee.headline, let maxStable = analysis.stability.maxStable,
      let kneeIndex = levels.firstIndex(where: { $0.level == kneeLevel }),
      let stableIndex = levels.firstIndex(where: { $0.level == maxStable }), abs(kneeIndex - stableIndex) > 1
    {
      sentences.append(strings.format("conclusion_kneeDisagrees", ["knee": levelText(kneeLevel), "max": levelText(maxStable)]))
    }
    sentences.append(decisionSentence)
    if !analysis.stability.uncheckedCriteria.isEmpty {
      sentences.append(
        strings.format("conclusion_unchecked", ["criteria": escape(analysis.stability.uncheckedCriteria.joined(separator: "; "))]))
    }
    return sentences
  }
}

extension SweepNarrator {
  // MARK: Targets

  /// The sweep's targets as pass/fail lines, each summarised over every level.
  /// A Locust (users) sweep leaves out the TTFT target: Locust records whole response times,
  /// so the line could only ever say "not checked".
  var targetSummaryRows: [TargetSummaryRow] {
    TargetSummary.summaries(analysis.levels, settings: analysis.settings).filter { summary in
      guard analysis.sweep.variable == .users, case .ttft = summary.target, case .unchecked = summary.outcome else {
        return true
      }
      return false
    }.map(targetSummaryRow)
  }

  func targetSummaryRow(_ summary: TargetSummary) -> TargetSummaryRow {
    let name = targetName(summary.target)
    func row(_ state: String, _ detail: String) -> TargetSummaryRow {
      let symbol = ["pass": "✅", "fail": "❌"][state] ?? "⚪"
      return TargetSummaryRow(
        name: name, isMet: state == "pass", isFailed: state == "fail", isUnchecked: state == "unchecked", state: state,
        symbol: symbol, statusText: strings[["pass": "target_pass", "fail": "target_fail"][state] ?? "target_unchecked"],
        detail: detail)
    }
    let value = { (measured: Double) in self.targetValue(summary.target, measured) }
    switch summary.outcome {
    case .met(let worst, let level, let count):
      return row(
        "pass", strings.format("target_met", ["count": String(count), "worst": value(worst), "level": levelText(level)]))
    case .failed(let first, let measured, let lastMet, _):
      let values = ["level": levelText(first), "value": value(measured), "last": lastMet.map(levelText) ?? ""]
      return row("fail", strings.format(lastMet == nil ? "target_failedAtLowest" : "target_failedAfter", values))
    case .reached(let level, let measured):
      return row("pass", strings.format("target_reached", ["level": levelText(level), "value": value(measured)]))
    case .notReached(let best, let level):
      return row("fail", strings.format("target_notReached", ["level": levelText(level), "value": value(best)]))
    case .unchecked:
      return row("unchecked", strings["target_noData"])
    }
  }

  /// The target as a condition: "Success rate ≥ 95%", "TTFT P99 ≤ 1,000 ms".
  func targetName(_ target: TargetSummary.Target) -> String {
    switch target {
    case .successRate(let minimum):
      return strings.format("target_successRate", ["limit": NumberFormatting.percent(minimum)])
    case .ttft(let statistic, let limit):
      return strings.format(
        "target_ttft", ["statistic": statisticWord(statistic), "limit": NumberFormatting.compact(limit) + " ms"])
    case .objective(let objective):
      switch objective.target {
      case .latency(let metric, let statistic, let limit):
        return strings.format(
          "target_latencySLO",
          [
            "metric": metric.rawValue.uppercased(), "statistic": statisticWord(statistic),
            "limit": NumberFormatting.compact(limit) + " ms",
          ])
      case .errorRate(let maximum):
        return strings.format("target_errorRateSLO", ["limit": NumberFormatting.percent(maximum)])
      case .minimumThroughput(let rate):
        return strings.format("target_throughputSLO", ["limit": NumberFormatting.compact(rate) + " req/s"])
      }
    }
  }

  /// A measured value of `target`: a percentage for rates, milliseconds for latency, req/s for
  /// throughput.
  func targetValue(_ target: TargetSummary.Target, _ value: Double) -> String {
    switch target {
    case .successRate: return NumberFormatting.percent(value)
    case .ttft: return NumberFormatting.milliseconds(value) + " ms"
    case .objective(let objective):
      switch objective.target {
      case .latency: return NumberFormatting.milliseconds(value) + " ms"
      case .errorRate: return NumberFormatting.percent(value)
      case .minimumThroughput: return NumberFormatting.decimal(value, 2) + " req/s"
      }
    }
  }

  /// `P99`, `P50`, `mean`, as the reasons write them.
  func statisticWord(_ statistic: LatencyStatistic) -> String {
    statistic.description.uppercased().replacingPrefix()
  }

  /// "Concurrency 32", "Request rate 8 req/s", "Users 40": a level named on its own (per-level sections).
  func levelTitle(_ level: LoadLevel) -> String {
    let keys = ["concurrency": "level_titleConcurrency", "users": "level_titleUsers"]
    return strings.format(keys[analysis.sweep.variable.rawValue] ?? "level_titleRequestRate", ["level": levelText(level)])
  }

  /// Every stop criterion `level` broke, as sentences; empty unless it is the first unstable level.
  func stopReasonTexts(at level: LoadLevel) -> [String] {
    guard let verdict = analysis.stability.verdict(at: level) else { return [] }
    return (verdict.decidingReasons + verdict.reasons.filter { $0.kind != verdict.kind }).map { reasonText($0, at: level) }
  }

  /// `fail` for verdicts that mean the server could not take the load, `warn` for the others
  /// that are not `ok`, empty for `ok`.
  func verdictClass(at level: LoadLevel) -> String {
    switch analysis.stability.verdict(at: level)?.kind {
    case .unstable?, .overloaded?, .sloBreach?: "fail"
    case .saturated?, .clientLimited?, .insufficient?: "warn"
    case .ok?, nil: ""
    }
  }

  /// The level's verdict as a word ("saturated", "client-limited"); empty for `ok`.
  func verdictWord(at level: LoadLevel) -> String {
    guard let kind = analysis.stability.verdict(at: level)?.kind, kind != .ok else { return "" }
    return strings["kind_\(kind.rawValue)"]
  }

  /// The recommended range, or "—".
  var recommendedRangeText: String {
    analysis.recommendation.map { rangeText($0.range) } ?? NumberFormatting.missing
  }
}

extension String {
  /// `P99` stays, `MEAN` → `mean`.
  fileprivate func replacingPrefix() -> String { self == "MEAN" ? "mean" : self }
}
