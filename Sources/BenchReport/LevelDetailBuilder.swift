import BenchAnalysis
import BenchModel

/// Builds the per-level detail of a sweep (`SweepSection.levelDetails`): what the summary
/// tables leave out — every latency statistic, total throughput and goodput, the files and
/// repetitions behind a level, and why the first unstable level failed.
struct LevelDetailBuilder {
  let analysis: SweepAnalysis
  let narrator: SweepNarrator
  /// Escapes input-derived text (file names, error messages, notes) for the output format.
  let escape: (String) -> String
  /// The level as the tables write it (`32`, `8`, `∞`).
  let levelCell: (LoadLevel) -> String
  let kneeLevel: LoadLevel?

  var strings: StringsCatalogue { narrator.strings }

  var details: [LevelDetail] {
    let maxStable = analysis.stability.maxStable
    let firstUnstable = analysis.stability.firstUnstable
    return analysis.levels.map { level in
      let latencyRows = LatencyMetric.allCases.compactMap { metric in
        level.latency[metric].flatMap { $0.isEmpty ? nil : latencyRow(metric, $0) }
      }
      let errors = level.topErrors.prefix(10).map {
        ErrorRow(
          level: levelCell(level.level), count: NumberFormatting.integer($0.count),
          message: escape(String($0.message.prefix(300))))
      }
      let notes = level.notes.map(escape)
      let reasons = narrator.stopReasonTexts(at: level.level)
      return LevelDetail(
        level: levelCell(level.level), title: narrator.levelTitle(level.level), isMaxStable: level.level == maxStable,
        isUnstable: level.level == firstUnstable, isBeyondLimit: firstUnstable.map { level.level > $0 } ?? false,
        isKnee: level.level == kneeLevel,
        state: ReportContextBuilder.state(of: level.level, maxStable: maxStable, firstUnstable: firstUnstable),
        verdict: narrator.verdictWord(at: level.level), verdictClass: narrator.verdictClass(at: level.level),
        hasVerdict: !narrator.verdictWord(at: level.level).isEmpty,
        qps: NumberFormatting.decimal(level.requestThroughput, 2),
        outputThroughput: NumberFormatting.decimal(level.outputThroughput, 1),
        successRate: NumberFormatting.percent(level.successRate),
        ttftP99: NumberFormatting.milliseconds(level.latency[.ttft]?.percentile(99)), facts: facts(level),
        latencyRows: latencyRows, hasLatency: !latencyRows.isEmpty, stopReasons: reasons,
        hasStopReasons: !reasons.isEmpty,
        files: level.sources.map { escape($0.description) }, errors: errors, hasErrors: !errors.isEmpty, notes: notes,
        hasNotes: !notes.isEmpty)
    }
  }

  /// Label/value rows; values the files do not have are left out rather than shown as "—".
  func facts(_ level: LevelMetrics) -> [KeyValueRow] {
    var rows: [KeyValueRow] = []
    func add(_ key: String, _ value: String) {
      if value != NumberFormatting.missing { rows.append(KeyValueRow(key: strings[key], value: value)) }
    }
    if let scenario = analysis.scenarios[level.level] { add("detail_scenario", strings["scenario_\(scenario.rawValue)"]) }
    add("col_requests", NumberFormatting.integer(level.requests))
    add("col_completed", NumberFormatting.integer(level.completed))
    add("col_failed", NumberFormatting.integer(level.failed))
    add("col_successRate", NumberFormatting.percent(level.successRate))
    add("col_duration", NumberFormatting.decimal(level.duration, 1))
    add("col_qps", NumberFormatting.decimal(level.requestThroughput, 2))
    add("col_outputThroughput", NumberFormatting.decimal(level.outputThroughput, 1))
    add("col_totalThroughput", NumberFormatting.decimal(level.totalTokenThroughput, 1))
    add("col_goodput", NumberFormatting.decimal(level.requestGoodput, 2))
    add("col_perStream", NumberFormatting.decimal(level.perStreamDecodeSpeed, 1))
    add("col_efficiency", NumberFormatting.decimal(level.efficiency, 3))
    add("col_scalingEfficiency", NumberFormatting.percent(level.scalingEfficiency, decimals: 0))
    add("col_effectiveConcurrency", NumberFormatting.decimal(level.effectiveConcurrency, 1))
    add("col_repetitions", NumberFormatting.integer(level.runCount))
    return rows
  }

  func latencyRow(_ metric: LatencyMetric, _ summary: LatencySummary) -> LatencyRow {
    LatencyRow(
      metric: metric == .e2el ? "E2E" : metric.rawValue.uppercased(),
      mean: NumberFormatting.milliseconds(summary.mean), p50: NumberFormatting.milliseconds(summary.percentile(50)),
      p90: NumberFormatting.milliseconds(summary.percentile(90)),
      p95: NumberFormatting.milliseconds(summary.percentile(95)),
      p99: NumberFormatting.milliseconds(summary.percentile(99)),
      source: strings[summary.origin == .recomputed ? "latency_recomputed" : "latency_reported"])
  }
}
