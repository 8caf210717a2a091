import BenchAnalysis
import BenchModel

/// Builds the comparison view model: every number formatted, every change marked better,
/// worse or within noise with the evidence for it, every sentence in the catalogue's language.
public struct ComparisonContextBuilder {
  public let strings: StringsCatalogue
  public let escaping: TextEscaping
  public let linkBase: String?

  /// The weekly report's builder, for what both views format alike (level cells, chart links).
  let report: ReportContextBuilder

  public init(strings: StringsCatalogue, escaping: TextEscaping = .markdown, linkBase: String? = nil) {
    self.strings = strings
    self.escaping = escaping
    self.linkBase = linkBase
    self.report = ReportContextBuilder(strings: strings, escaping: escaping, linkBase: linkBase)
  }

  /// How many changes the headline list shows.
  static let highlightCount = 10

  public func build(_ input: ComparisonReportInput) -> ComparisonContext {
    let comparison = input.comparison
    let slugs = input.sweepSlugs
    let sections = comparison.sweeps.enumerated().map { index, sweep in
      section(
        sweep, number: index + 1, slug: slugs[index],
        charts: input.charts.filter { $0.sweep == slugs[index] && $0.isComparison })
    }
    let significant = comparison.significantChanges
    let highlights = significant.sorted { lhs, rhs in
      let l = (lhs.change.assessment == .worse ? 0 : 1, -abs(lhs.change.relative ?? .infinity))
      let r = (rhs.change.assessment == .worse ? 0 : 1, -abs(rhs.change.relative ?? .infinity))
      return l < r
    }.prefix(Self.highlightCount).map {
      row($0.change, level: $0.level, sweep: SweepDescription.title(of: $0.sweep.commonIdentity))
    }
    let regressions = significant.filter { $0.change.assessment == .worse }.count
    let improvements = significant.count - regressions
    let unchanged = comparison.sweeps.reduce(0) { total, sweep in
      total + sweep.levels.reduce(0) { $0 + $1.changes.filter { $0.assessment == .unchanged }.count }
    }
    let rules = comparison.settings.rules
    let verdict: String
    if comparison.failed {
      verdict = strings.format("compare_verdictFailed", ["count": String(comparison.violations.count)])
    } else if !rules.isEmpty {
      // The gate's verdict and what got worse beyond noise, side by side: a passed gate whose
      // rules do not cover latency must not read as "nothing got worse".
      verdict =
        regressions > 0
        ? strings.format("compare_verdictPassedWithRegressions", ["regressions": String(regressions)])
        : strings["compare_verdictPassed"]
    } else {
      verdict = strings.format(
        "compare_verdictNoRules", ["regressions": String(regressions), "improvements": String(improvements)])
    }
    let skipped = input.skipped.map(report.skippedRow)
    return ComparisonContext(
      s: strings.entries, language: strings.language.rawValue,
      title: strings["compare_title"],
      subtitle: strings.format(
        "compare_subtitle",
        ["base": escape(input.baseName), "new": escape(input.newName), "pairs": String(comparison.sweeps.count)]),
      baseName: escape(input.baseName), newName: escape(input.newName),
      intro: strings.format("baseline_intro", ["base": escape(input.baseName)]), verdict: escaping.marks(verdict),
      failed: comparison.failed,
      verdictClass: comparison.failed ? "fail" : regressions > 0 ? "warn" : rules.isEmpty ? "info" : "pass",
      hasRules: !rules.isEmpty, rulesText: escape(rules.map(\.text).joined(separator: ", ")),
      violations: comparison.violations.map(violationRow), hasViolations: !comparison.violations.isEmpty,
      highlights: Array(highlights), hasHighlights: !highlights.isEmpty,
      tally: strings.format(
        "compare_tally",
        [
          "regressions": String(regressions), "improvements": String(improvements), "unchanged": String(unchanged),
          "sweeps": String(comparison.sweeps.count),
        ]),
      sweeps: sections, hasSweeps: !sections.isEmpty,
      onlyInBase: comparison.onlyInBase.map(unpairedRow), hasOnlyInBase: !comparison.onlyInBase.isEmpty,
      onlyInNew: comparison.onlyInNew.map(unpairedRow), hasOnlyInNew: !comparison.onlyInNew.isEmpty,
      methodNote: methodNote(comparison.settings), skipped: skipped, hasSkipped: !skipped.isEmpty)
  }

  func escape(_ text: String) -> String { escaping.inline(text) }

  func methodNote(_ settings: ComparisonSettings) -> String {
    strings.format(
      "compare_method",
      [
        "confidence": NumberFormatting.percent(settings.confidence, decimals: 0),
        "resamples": String(settings.resamples),
        "minimumSamples": String(settings.minimumSamples),
        "minimumEffect": NumberFormatting.percent(settings.minimumEffect),
        "threshold": NumberFormatting.percent(settings.relativeThreshold),
        "points": NumberFormatting.compact(settings.successRatePoints * 100, maxDecimals: 2),
      ])
  }

  // MARK: Sweeps

  func section(_ sweep: SweepComparison, number: Int, slug: String, charts: [ChartLink]) -> ComparedSweepSection {
    let title = SweepDescription.title(of: sweep.commonIdentity)
    let columns = keyColumns(sweep)
    let levelRows = sweep.levels.map { level in
      let cells = columns.map { metric in cell(level.change(metric)) }
      return ComparedLevelRow(
        level: levelText(level.level), cells: cells, hasRegression: cells.contains { $0.assessment == "worse" })
    }
    let changes = sweep.levels.flatMap { level in level.changes.filter(\.isSignificant).map { (level.level, $0) } }
      .sorted { lhs, rhs in
        (lhs.1.assessment == .worse ? 0 : 1, lhs.0, lhs.1.metric) < (
          rhs.1.assessment == .worse ? 0 : 1, rhs.0, rhs.1.metric
        )
      }
      .map { row($0.1, level: $0.0, sweep: title) }
    let details = sweep.levels.map { level in
      ComparedLevelDetail(
        level: levelText(level.level), rows: level.changes.map { row($0, level: level.level, sweep: title) },
        summary: strings.format(
          "compare_levelSummary",
          [
            "level": levelText(level.level),
            "regressions": String(level.changes.filter { $0.assessment == .worse }.count),
            "improvements": String(level.changes.filter { $0.assessment == .better }.count),
            "requests":
              "\(NumberFormatting.integer(level.baseRequests)) / \(NumberFormatting.integer(level.newRequests))",
          ]))
    }
    var coverage: [String] = []
    if !sweep.levelsOnlyInBase.isEmpty {
      coverage.append(
        strings.format(
          "compare_levelsOnlyInBase", ["levels": sweep.levelsOnlyInBase.map(levelText).joined(separator: ", ")]))
    }
    if !sweep.levelsOnlyInNew.isEmpty {
      coverage.append(
        strings.format(
          "compare_levelsOnlyInNew", ["levels": sweep.levelsOnlyInNew.map(levelText).joined(separator: ", ")]))
    }
    let differences = sweep.differences.map { "\($0.field): \($0.base) → \($0.new)" }.joined(separator: "; ")
    let links = charts.map(report.chartLink)
    return ComparedSweepSection(
      number: number, title: escape(title), slug: slug, variableLabel: strings["col_\(sweep.new.variable.rawValue)"],
      differences: escape(differences), hasDifferences: !sweep.differences.isEmpty,
      decisionRows: sweep.decisions.filter { $0.base != nil || $0.new != nil }.map {
        decisionRow($0, variable: sweep.new.variable, measure: sweep.new.measure)
      },
      levelRows: levelRows, columns: columns.map(metricLabel), changeRows: changes, hasChangeRows: !changes.isEmpty,
      levelDetails: details, levelCoverage: coverage.joined(separator: "; "), hasLevelCoverage: !coverage.isEmpty,
      tally: strings.format(
        "compare_sweepTally", ["regressions": String(sweep.regressions), "improvements": String(sweep.improvements)]),
      regressions: sweep.regressions, hasRegressions: sweep.regressions > 0, charts: links, hasCharts: !links.isEmpty)
  }

  /// The wide table's columns: the sweep's throughput, success rate and the latency
  /// statistics people look at first, where at least one level has them on both sides.
  func keyColumns(_ sweep: SweepComparison) -> [ComparedMetric] {
    let throughput = sweep.new.measure.map(ComparedMetric.init(measure:)) ?? .requestThroughput
    let wanted: [ComparedMetric] = [
      throughput, .successRate, .latency(.ttft, .percentile(50)), .latency(.ttft, .percentile(99)),
      .latency(.tpot, .percentile(50)), .latency(.e2el, .percentile(50)), .latency(.e2el, .percentile(99)),
    ]
    return wanted.filter { metric in sweep.levels.contains { $0.change(metric) != nil } }
  }

  func cell(_ change: MetricChange?) -> ComparedCell {
    guard let change else {
      return ComparedCell(
        base: NumberFormatting.missing, new: NumberFormatting.missing, change: "", mark: "", assessment: "missing",
        text: NumberFormatting.missing)
    }
    let base = value(change.base, change.metric)
    let new = value(change.new, change.metric)
    let relative = relativeText(change)
    let mark = self.mark(change.assessment)
    return ComparedCell(
      base: base, new: new, change: relative, mark: mark, assessment: change.assessment.rawValue,
      text: "\(base) → \(new) (\(relative))\(mark.isEmpty ? "" : " " + mark)")
  }

  func row(_ change: MetricChange, level: LoadLevel, sweep: String) -> ChangeRow {
    ChangeRow(
      sweep: escape(sweep), level: levelText(level), metric: metricLabel(change.metric),
      base: value(change.base, change.metric),
      new: value(change.new, change.metric), change: relativeText(change),
      absolute: absoluteText(change.absolute, change.metric),
      mark: mark(change.assessment), assessment: change.assessment.rawValue, evidence: evidence(change))
  }

  func decisionRow(_ decision: DecisionChange, variable: LoadVariable, measure: ThroughputMeasure?) -> DecisionRow {
    func text(_ value: Double?, low: Double?) -> String {
      guard let value else { return NumberFormatting.missing }
      let number: (Double) -> String = {
        variable.isClosedLoop && decision.kind != .peakThroughput
          ? NumberFormatting.integer(Int($0))
          : NumberFormatting.compact($0, maxDecimals: decision.kind == .peakThroughput ? 1 : 2)
      }
      if let low, low != value { return "\(number(low))–\(number(value))" }
      let unit = decision.kind == .peakThroughput ? " " + (measure == .requests ? "req/s" : "tok/s") : ""
      return number(value) + unit
    }
    return DecisionRow(
      name: strings["compare_decision_\(decision.kind.rawValue)"], base: text(decision.base, low: decision.baseLow),
      new: text(decision.new, low: decision.newLow), change: NumberFormatting.signedPercent(decision.relative),
      mark: mark(decision.assessment), assessment: decision.assessment.rawValue)
  }

  func violationRow(_ violation: RuleViolation) -> ViolationRow {
    var detail = ""
    if let change = violation.change {
      detail =
        "\(metricLabel(change.metric)) \(value(change.base, change.metric)) → \(value(change.new, change.metric)) (\(relativeText(change))); \(evidence(change))"
    } else if let decision = violation.decision {
      let row = decisionRow(decision, variable: .concurrency, measure: nil)
      detail = "\(row.name) \(row.base) → \(row.new) (\(row.change))"
    }
    return ViolationRow(
      rule: escape(violation.rule.text), sweep: escape(violation.sweep),
      level: violation.level.map(levelText) ?? NumberFormatting.missing,
      detail: escape(detail))
  }

  func unpairedRow(_ unpaired: SweepMatching.Unpaired) -> UnpairedRow {
    UnpairedRow(
      title: escape(unpaired.snapshot.title),
      levels: unpaired.snapshot.levels.map { levelText($0.level) }.joined(separator: ", "),
      reason: escape(unpaired.reason))
  }

  // MARK: Words and numbers

  func levelText(_ level: LoadLevel) -> String { report.levelCell(level) }

  func mark(_ assessment: ChangeAssessment) -> String {
    switch assessment {
    case .better: escaping.marks("✅")
    case .worse: escaping.marks("❌")
    case .unchanged: "≈"
    }
  }

  /// "TTFT p99 (ms)", "Output throughput (tok/s)".
  func metricLabel(_ metric: ComparedMetric) -> String {
    switch metric {
    case .latency(let latency, let statistic):
      let name = strings["metric_\(latency.rawValue)"]
      let statisticText = statistic == .mean ? strings["metric_mean"] : statistic.description.uppercased()
      return "\(name) \(statisticText) (ms)"
    default:
      return strings["metric_\(metric.key)"]
    }
  }

  func value(_ value: Double, _ metric: ComparedMetric) -> String {
    switch metric {
    case .successRate: NumberFormatting.percent(value, decimals: 2)
    case .latency: NumberFormatting.milliseconds(value)
    default: NumberFormatting.decimal(value, 1)
    }
  }

  func relativeText(_ change: MetricChange) -> String {
    if change.metric == .successRate {
      return signed(NumberFormatting.compact(change.absolute * 100, maxDecimals: 2), change.absolute) + " pt"
    }
    guard let relative = change.relative else { return NumberFormatting.missing }
    return NumberFormatting.signedPercent(relative)
  }

  func absoluteText(_ absolute: Double, _ metric: ComparedMetric) -> String {
    switch metric {
    case .successRate: signed(NumberFormatting.compact(absolute * 100, maxDecimals: 2), absolute) + " pt"
    case .latency: signed(NumberFormatting.milliseconds(absolute), absolute) + " ms"
    case .outputThroughput, .totalTokenThroughput, .perStreamDecodeSpeed:
      signed(NumberFormatting.decimal(absolute, 1), absolute) + " tok/s"
    case .requestThroughput: signed(NumberFormatting.decimal(absolute, 2), absolute) + " req/s"
    }
  }

  func signed(_ text: String, _ value: Double) -> String {
    value > 0 && !text.hasPrefix("+") ? "+" + text : text
  }

  func evidence(_ change: MetricChange) -> String {
    switch change.evidence {
    case .bootstrap(let interval, let p, let baseCount, let newCount):
      return strings.format(
        "compare_evidenceBootstrap",
        [
          "confidence": NumberFormatting.percent(interval.confidence, decimals: 0),
          "low": signed(NumberFormatting.milliseconds(interval.lower), interval.lower),
          "high": signed(NumberFormatting.milliseconds(interval.upper), interval.upper),
          "base": NumberFormatting.integer(baseCount), "new": NumberFormatting.integer(newCount),
          "p": p.map(pValue) ?? NumberFormatting.missing,
        ])
    case .relativeThreshold(let threshold):
      return strings.format("compare_evidenceThreshold", ["threshold": NumberFormatting.percent(threshold)])
    case .pointsThreshold(let points):
      return strings.format(
        "compare_evidencePoints", ["points": NumberFormatting.compact(points * 100, maxDecimals: 2)])
    }
  }

  /// p-values: three significant digits, "< 0.0001" below that.
  func pValue(_ p: Double) -> String {
    if p < 0.0001 { return "< 0.0001" }
    return NumberFormatting.compact(p, maxDecimals: p < 0.01 ? 4 : 3)
  }
}
