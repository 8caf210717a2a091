import BenchAnalysis
import BenchModel

/// Builds the template view model from analyses: every number formatted, every string from an
/// input file escaped for the output format (`escaping`), every sentence in the catalogue's
/// language.
public struct ReportContextBuilder {
  public let strings: StringsCatalogue
  /// How input-derived text is escaped: `.markdown` for Markdown templates, `.html` (raw text,
  /// escaped by Mustache) for HTML templates. See `TextEscaping` for why they differ.
  public let escaping: TextEscaping
  /// Prefix for chart links (`ChartLink.url`), e.g. where CI publishes the report; nil keeps
  /// links relative to the report.
  public let linkBase: String?

  public init(strings: StringsCatalogue, escaping: TextEscaping = .markdown, linkBase: String? = nil) {
    self.strings = strings
    self.escaping = escaping
    self.linkBase = linkBase
  }

  public func build(_ input: ReportInput) -> ReportContext {
    let slugs = input.sweepSlugs
    let sections = input.analyses.enumerated().map { index, analysis in
      section(analysis, number: index + 1, slug: slugs[index], charts: input.charts.filter { $0.sweep == slugs[index] && !$0.isComparison })
    }
    let reportCharts = input.charts.filter { $0.sweep == nil && !$0.isComparison }.map(chartLink)
    let models = Set(input.analyses.compactMap(\.sweep.identity.model))
    let title: String
    if let explicit = input.environment.title {
      title = escape(explicit)
    } else if models.count == 1, let model = models.first {
      title = strings.format("report_titleWithModel", ["model": escape(model)])
    } else {
      title = strings["report_title"]
    }
    let skipped = input.skipped.map(skippedRow)
    let statuses = Set(sections.map(\.status))
    let overall = sections.isEmpty ? "warn" : statuses.contains("fail") ? "fail" : statuses.contains("warn") ? "warn" : "ok"
    let summary = strings.format(
      "report_subtitle",
      ["files": String(input.filesExamined), "sweeps": String(input.analyses.count), "skipped": String(Set(input.skipped.map(\.location.path)).count)])
    var context = ReportContext(
      s: strings.entries, language: strings.language.rawValue, title: title, subtitle: summary,
      environment: environmentRows(input), sweeps: sections, hasSweeps: !sections.isEmpty, skipped: skipped,
      hasSkipped: !skipped.isEmpty, inputSummary: summary, environmentNotes: input.environment.notes.map(escape),
      hasEnvironmentNotes: !input.environment.notes.isEmpty, charts: reportCharts, hasCharts: !reportCharts.isEmpty,
      allTargetsMet: sections.contains(where: \.hasTargetSummaries)
        && sections.allSatisfy { $0.allTargetsMet || !$0.hasTargetSummaries },
      anyTargetFailed: sections.contains { $0.targetSummaries.contains(where: \.isFailed) },
      status: overall, statusOk: overall == "ok", statusWarn: overall == "warn", statusFail: overall == "fail",
      baseline: baseline(input), hasBaseline: input.baseline != nil)
    context.trends = trends(input)
    context.hasTrends = context.trends?.hasSweeps ?? false
    return context
  }

  /// The trends section, its charts among the report's.
  func trends(_ input: ReportInput) -> TrendContext? {
    guard var trends = input.trends else { return nil }
    trends.charts = input.charts.filter { $0.sweep?.hasPrefix("trend-") == true }.map(chartLink)
    return TrendContextBuilder(strings: strings, escaping: escaping).build(trends)
  }

  func escape(_ text: String) -> String { escaping.inline(text) }

  /// A skipped file as a table row: its kind in the report's language, the reason escaped.
  func skippedRow(_ skipped: SkippedInput) -> SkippedRow {
    SkippedRow(file: escape(skipped.location.description), kind: strings["skip_\(skipped.kind.rawValue)"], reason: escape(skipped.reason))
  }

  /// The 较上周 section: the comparison with the previous week, its overlay charts included.
  func baseline(_ input: ReportInput) -> ComparisonContext? {
    guard var baseline = input.baseline else { return nil }
    baseline.charts = input.charts.filter(\.isComparison)
    return ComparisonContextBuilder(strings: strings, escaping: escaping, linkBase: linkBase).build(baseline)
  }

  /// `link` with its title escaped for the format and its URL under `linkBase`.
  func chartLink(_ link: ChartLink) -> ChartLink {
    var link = link
    link.title = escape(link.title)
    if let linkBase, !link.image.isEmpty {
      link.url = linkBase.hasSuffix("/") ? linkBase + link.image : linkBase + "/" + link.image
    }
    return link
  }

  // MARK: Environment

  func environmentRows(_ input: ReportInput) -> [KeyValueRow] {
    let environment = input.environment
    let runs = input.analyses.flatMap(\.sweep.runs)
    func distinct(_ values: [String?]) -> String? {
      let set = Array(Set(values.compactMap { $0 })).sorted()
      return set.isEmpty ? nil : set.map(escape).joined(separator: ", ")
    }
    var rows: [KeyValueRow] = []
    func add(_ key: String, _ value: String?) {
      if let value, !value.isEmpty { rows.append(KeyValueRow(key: strings[key], value: value)) }
    }
    add("env_model", environment.model.map(escape) ?? distinct(runs.map(\.model)))
    add("env_gpu", environment.gpu.map(escape) ?? distinct(runs.map { $0.metadata["gpu"] ?? $0.metadata["hardware"] }))
    let framework = [environment.framework, environment.frameworkVersion].compactMap { $0 }.joined(separator: " ")
    add("env_framework", framework.isEmpty ? distinct(runs.map { $0.metadata["framework"] }) : escape(framework))
    add("env_driver", environment.driver.map(escape))
    add("env_tool", distinct(runs.map { "\($0.format.tool.rawValue) (\($0.format.schema))" }))
    add("env_backend", distinct(runs.map(\.backend)))
    add("env_dataset", distinct(runs.map(\.dataset)))
    let levelTexts = input.analyses.map { analysis in
      let word = strings["word_\(analysis.sweep.variable.rawValue)"]
      return "\(word) " + analysis.sweep.levels.map { $0.level.description == "inf" ? "∞" : $0.level.description }.joined(separator: ", ")
    }
    add("env_levels", Array(Set(levelTexts)).sorted().joined(separator: "; "))
    let dates = runs.compactMap(\.date).sorted()
    if let first = dates.first, let last = dates.last {
      add("env_dates", first == last ? formatDate(first) : "\(formatDate(first)) … \(formatDate(last))")
    }
    for entry in environment.extra { rows.append(KeyValueRow(key: escape(entry.key), value: escape(entry.value))) }
    return rows
  }

  /// `20250326-214428` → `2025-03-26 21:44`.
  func formatDate(_ date: String) -> String {
    let digits = Array(date)
    guard digits.count == 15, digits[8] == "-" else { return escape(date) }
    return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8])) \(String(digits[9..<11])):\(String(digits[11..<13]))"
  }

  // MARK: Sweeps

  func section(_ analysis: SweepAnalysis, number: Int, slug: String, charts linked: [ChartLink]) -> SweepSection {
    let charts = linked.map(chartLink)
    let narrator = SweepNarrator(analysis: analysis, strings: strings, escape: escaping.inline)
    let maxStable = analysis.stability.maxStable
    let firstUnstable = analysis.stability.firstUnstable
    let kneeLevel: LoadLevel? = {
      if case .found(let level, _) = analysis.knee.headline { return level }
      return nil
    }()
    let summaryRows = analysis.levels.map { level in
      SummaryRow(
        level: levelCell(level.level), requests: NumberFormatting.integer(level.requests),
        completed: NumberFormatting.integer(level.completed), failed: NumberFormatting.integer(level.failed),
        successRate: NumberFormatting.percent(level.successRate), duration: NumberFormatting.decimal(level.duration, 1),
        qps: NumberFormatting.decimal(level.requestThroughput, 2),
        latencyP50: NumberFormatting.milliseconds(level.latency[.e2el]?.percentile(50)),
        latencyP95: NumberFormatting.milliseconds(level.latency[.e2el]?.percentile(95)),
        latencyP99: NumberFormatting.milliseconds(level.latency[.e2el]?.percentile(99)),
        latencyMean: NumberFormatting.milliseconds(level.latency[.e2el]?.mean),
        ttftP50: NumberFormatting.milliseconds(level.latency[.ttft]?.percentile(50)),
        ttftP99: NumberFormatting.milliseconds(level.latency[.ttft]?.percentile(99)),
        tpotMean: NumberFormatting.milliseconds(level.latency[.tpot]?.mean),
        perStream: NumberFormatting.decimal(level.perStreamDecodeSpeed, 1),
        outputThroughput: NumberFormatting.decimal(level.outputThroughput, 1),
        isMaxStable: level.level == maxStable, isUnstable: level.level == firstUnstable,
        isBeyondLimit: firstUnstable.map { level.level > $0 } ?? false, isKnee: level.level == kneeLevel,
        state: Self.state(of: level.level, maxStable: maxStable, firstUnstable: firstUnstable),
        verdict: narrator.verdictWord(at: level.level), verdictClass: narrator.verdictClass(at: level.level),
        hasVerdict: !narrator.verdictWord(at: level.level).isEmpty)
    }
    let findingRows = analysis.levels.map { level in
      var markers: [String] = []
      if level.level == kneeLevel { markers.append(strings["marker_knee"]) }
      if level.level == maxStable { markers.append(strings["marker_maxStable"]) }
      let verdict = narrator.verdictWord(at: level.level)
      if !verdict.isEmpty { markers.append(verdict) }
      return FindingRow(
        level: levelCell(level.level), qps: NumberFormatting.decimal(level.requestThroughput, 2),
        latencyMean: NumberFormatting.milliseconds(level.latency[.e2el]?.mean),
        outputThroughput: NumberFormatting.decimal(level.outputThroughput, 1),
        ttft: NumberFormatting.milliseconds(level.latency[.ttft]?.percentile(50)),
        efficiency: NumberFormatting.decimal(level.efficiency, 3),
        scalingEfficiency: NumberFormatting.percent(level.scalingEfficiency, decimals: 0),
        effectiveConcurrency: NumberFormatting.decimal(level.effectiveConcurrency, 1),
        marker: markers.joined(separator: ", "), isKnee: level.level == kneeLevel, isMaxStable: level.level == maxStable,
        isUnstable: level.level == firstUnstable, verdict: verdict, verdictClass: narrator.verdictClass(at: level.level),
        hasVerdict: !verdict.isEmpty)
    }
    let errors = analysis.levels.flatMap { level in
      level.topErrors.prefix(5).map {
        ErrorRow(level: levelCell(level.level), count: NumberFormatting.integer($0.count), message: escape(String($0.message.prefix(160))))
      }
    }
    let failureRows = SweepFailures.failures(of: analysis.sweep).prefix(Self.maximumFailureRows).map { entry in
      FailureRow(
        level: entry.level.map(levelCell) ?? strings["level_allSteps"], file: escape(LocustPrefix.name(of: entry.file)),
        request: escape([entry.record.method, entry.record.name].compactMap { $0 }.joined(separator: " ")),
        error: escape(String(entry.record.error.split(separator: "\n").first ?? "").prefix(200).description),
        count: NumberFormatting.integer(entry.record.occurrences), firstSeen: escape(entry.record.firstSeen ?? NumberFormatting.missing),
        lastSeen: escape(entry.record.lastSeen ?? NumberFormatting.missing))
    }
    let exceptionRows = SweepFailures.exceptions(of: analysis.sweep).prefix(Self.maximumFailureRows).map { entry in
      ExceptionRow(
        level: entry.level.map(levelCell) ?? strings["level_allSteps"], file: escape(LocustPrefix.name(of: entry.file)),
        count: NumberFormatting.integer(entry.record.count), message: escape(String(entry.record.message.prefix(200))),
        location: escape(entry.record.location ?? NumberFormatting.missing))
    }
    let targetRows = analysis.targetChecks.map { check in
      TargetRow(
        level: levelCell(check.level), target: escape(check.objective.text), measured: measuredText(check),
        verdict: escaping.marks(check.met == true ? "✅" : check.met == false ? "❌" : NumberFormatting.missing))
    }
    let isUsers = analysis.sweep.variable == .users
    let findings = narrator.findingTexts
    let status = Self.status(of: analysis)
    let ratingRows = analysis.ratings.filter { !$0.isEmpty }.map { ratings in
      RatingRow(
        level: levelCell(ratings.level), ttft: ratingCell(ratings.ttft), tpot: ratingCell(ratings.tpot),
        qps: ratingCell(ratings.requestThroughput), success: ratingCell(ratings.successRate))
    }
    let causeRows = analysis.failureCauses.sorted { ($0.level ?? .concurrency(Int.min), $1.count) < ($1.level ?? .concurrency(Int.min), $0.count) }
      .prefix(Self.maximumFailureRows).map { row in
        CauseRow(
          cause: strings["cause_word_\(row.cause.rawValue)"], code: row.cause.rawValue,
          level: row.level.map(levelCell) ?? strings["level_allSteps"], count: NumberFormatting.integer(row.count),
          example: escape(String(row.example.split(separator: "\n").first ?? "").prefix(160).description),
          firstSeen: escape(row.firstSeen ?? NumberFormatting.missing), lastSeen: escape(row.lastSeen ?? NumberFormatting.missing))
      }
    let tierRows = analysis.tierCapacities.map { capacity in
      let detail: String
      if let missed = capacity.firstMissed {
        detail = strings.format("tier_missedAt", ["level": levelCell(missed)])
      } else if capacity.unchecked {
        detail = strings.format("tier_unchecked", ["level": capacity.maxLevel.map(levelCell) ?? NumberFormatting.missing])
      } else {
        detail = strings["tier_allMet"]
      }
      return TierRow(
        tier: escape(capacity.tier.name), targets: escape(capacity.tier.objectives.map(\.text).joined(separator: ", ")),
        maxLevel: capacity.maxLevel.map(narrator.levelText) ?? strings["tier_none"], detail: detail)
    }
    let notes = Self.levelNotes(analysis.levels, allLevels: strings["notes_allLevels"], levelCell: levelCell)
    let tools = Set(analysis.sweep.runs.map { "\($0.format.tool.rawValue) \($0.format.schema)" }).sorted()
    let summaries = narrator.targetSummaryRows
    let details = LevelDetailBuilder(
      analysis: analysis, narrator: narrator, escape: escaping.inline, levelCell: levelCell, kneeLevel: kneeLevel
    ).details
    let resources = ResourceTable.build(analysis, strings: strings, levelCell: levelCell)
    var section = SweepSection(
      number: number, sectionNumber: number + 1, title: escape(SweepDescription.title(of: analysis.sweep.identity)), slug: slug,
      variableLabel: strings["col_\(analysis.sweep.variable.rawValue)"],
      levelsText: analysis.sweep.levels.map { levelCell($0.level) }.joined(separator: ", "),
      toolText: tools.joined(separator: ", "), command: escaping.codeBlock(BenchmarkCommand.reconstruct(analysis.sweep, strings: strings)),
      summaryRows: summaryRows, findingRows: findingRows, conclusions: narrator.conclusions,
      kneeText: narrator.kneeSentence, maxStableText: narrator.maxStableSentence,
      recommendationText: narrator.recommendationSentence, hasRecommendation: analysis.recommendation != nil,
      notes: notes.map(escape), hasNotes: !notes.isEmpty, errors: errors, hasErrors: !errors.isEmpty,
      charts: charts, hasCharts: !charts.isEmpty, latencyCharts: charts.filter(\.isLatency),
      hasLatencyCharts: charts.contains(where: \.isLatency), analysisCharts: charts.filter { !$0.isLatency && !$0.isTimeline },
      hasAnalysisCharts: charts.contains(where: { !$0.isLatency && !$0.isTimeline }),
      maxStableValue: maxStable.map(narrator.levelText) ?? NumberFormatting.missing, hasMaxStable: maxStable != nil,
      recommendedValue: narrator.recommendedRangeText, kneeValue: narrator.kneeValue,
      peakThroughputValue: peakThroughput(analysis, narrator: narrator), limitNotReached: analysis.stability.limitNotReached,
      levelCount: String(analysis.levels.count), targetSummaries: summaries, hasTargetSummaries: !summaries.isEmpty,
      allTargetsMet: !summaries.isEmpty && summaries.allSatisfy { !$0.isFailed } && summaries.contains(where: \.isMet),
      levelDetails: details, timelineCharts: charts.filter(\.isTimeline),
      hasTimelineCharts: charts.contains(where: \.isTimeline), isUsers: isUsers, failureRows: Array(failureRows),
      hasFailures: !failureRows.isEmpty, exceptionRows: Array(exceptionRows), hasExceptions: !exceptionRows.isEmpty,
      targetRows: targetRows, hasTargets: !targetRows.isEmpty, findings: findings, hasFindings: !findings.isEmpty,
      status: status, statusOk: status == "ok", statusWarn: status == "warn", statusFail: status == "fail",
      bottleneck: narrator.bottleneckSentence, ratingRows: ratingRows, hasRatings: !ratingRows.isEmpty,
      ratingsNote: ratingsNote(analysis.settings.ratings), causeRows: causeRows, hasCauses: !causeRows.isEmpty,
      tierRows: tierRows, hasTiers: !tierRows.isEmpty)
    section.resources = resources
    section.hasResources = resources != nil
    section.resourceNotes = analysis.resourceNotes.map(escape)
    section.hasResourceNotes = !analysis.resourceNotes.isEmpty
    return section
  }

  func ratingCell(_ rating: Rating?) -> RatingCell {
    guard let rating else { return RatingCell(text: NumberFormatting.missing, rating: "", marker: "") }
    let marker = [Rating.excellent: "🟢", .good: "🔵", .fair: "🟡", .needsWork: "🔴"][rating] ?? ""
    return RatingCell(text: strings["rating_\(rating.rawValue)"], rating: rating.rawValue, marker: marker)
  }

  func ratingsNote(_ settings: RatingSettings) -> String {
    func ms(_ value: Double) -> String { NumberFormatting.compact(value) + " ms" }
    let t = settings.ttft.edges
    let p = settings.tpot.edges
    let q = settings.requestThroughput.edges
    let r = settings.successRate.edges
    let statistic = settings.statistic == .percentile(50) ? (strings.language == .zh ? "中位数" : "median") : settings.statistic.description
    return strings.format(
      "ratings_note",
      [
        "statistic": statistic, "ttft0": ms(t[0]), "ttft1": ms(t[1]), "ttft2": ms(t[2]), "tpot0": ms(p[0]), "tpot1": ms(p[1]),
        "tpot2": ms(p[2]), "qps0": NumberFormatting.compact(q[0]), "qps1": NumberFormatting.compact(q[1]),
        "qps2": NumberFormatting.compact(q[2]), "sr0": NumberFormatting.percent(r[0], decimals: 0),
        "sr1": NumberFormatting.percent(r[1], decimals: 0), "sr2": NumberFormatting.percent(r[2], decimals: 0),
      ])
  }

  /// A sweep's headline status (see `SweepSection.status`).
  static func status(of analysis: SweepAnalysis) -> String {
    if analysis.stability.maxStable == nil { return "fail" }
    if analysis.recommendation == nil { return "warn" }
    if analysis.stability.verdicts.contains(where: { $0.kind == .clientLimited }), !analysis.stability.limitReached { return "warn" }
    return "ok"
  }

  /// The levels' notes, each once: a note every level shares is said once for all levels,
  /// the others with their level.
  static func levelNotes(_ levels: [LevelMetrics], allLevels: String, levelCell: (LoadLevel) -> String) -> [String] {
    var byNote: [String: [LoadLevel]] = [:]
    for level in levels { for note in Set(level.notes) { byNote[note, default: []].append(level.level) } }
    var notes: [String] = []
    for (note, at) in byNote {
      if at.count == levels.count, levels.count > 1 {
        notes.append("\(allLevels): \(note)")
      } else {
        notes += at.map { "\(levelCell($0)): \(note)" }
      }
    }
    return notes.sorted()
  }

  /// At most this many failure (and exception) rows per sweep, most frequent first.
  static let maximumFailureRows = 15

  /// The measured value of a target check in the objective's unit.
  func measuredText(_ check: TargetCheck) -> String {
    guard let value = check.measured else { return NumberFormatting.missing }
    switch check.objective.target {
    case .latency: return NumberFormatting.milliseconds(value) + " ms"
    case .errorRate: return NumberFormatting.percent(value)
    case .minimumThroughput: return NumberFormatting.decimal(value, 2) + " req/s"
    }
  }

  /// `max-stable`, `unstable`, `beyond` (above the first unstable level) or `stable`.
  static func state(of level: LoadLevel, maxStable: LoadLevel?, firstUnstable: LoadLevel?) -> String {
    if level == maxStable { return "max-stable" }
    if level == firstUnstable { return "unstable" }
    if let firstUnstable, level > firstUnstable { return "beyond" }
    return "stable"
  }

  /// The highest throughput measured, in the measure the knee uses: `1,543.0 output tok/s`.
  func peakThroughput(_ analysis: SweepAnalysis, narrator: SweepNarrator) -> String {
    guard let measure = analysis.knee.measure,
      let peak = analysis.levels.compactMap({ measure.value(of: $0) }).max()
    else { return NumberFormatting.missing }
    return NumberFormatting.decimal(peak, measure == .requests ? 2 : 1) + " " + narrator.measureWord(measure)
  }

  func levelCell(_ level: LoadLevel) -> String {
    switch level {
    case .concurrency(let value), .users(let value): String(value)
    case .requestRate(let rate): rate.isInfinite ? "∞" : NumberFormatting.compact(rate.sortValue)
    }
  }
}
