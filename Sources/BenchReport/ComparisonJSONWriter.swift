import BenchAnalysis
import BenchModel

/// Writes `comparison.json`: the machine-readable comparison, with stable camelCase keys
/// documented in README ("comparison.json"), for dashboards and CI gates that want more than
/// the exit code. Unknown values are `null`, ∞ is `"inf"`.
public struct ComparisonJSONWriter {
  public static let schemaVersion = 1

  public init() {}

  public func render(_ input: ComparisonReportInput) -> String {
    document(input).serialized()
  }

  public func document(_ input: ComparisonReportInput) -> OrderedJSON {
    let comparison = input.comparison
    let settings = comparison.settings
    let slugs = input.sweepSlugs
    return .object([
      ("tool", .string("benchreport")),
      ("kind", .string("comparison")),
      ("schemaVersion", .int(Self.schemaVersion)),
      ("base", .string(input.baseName)),
      ("new", .string(input.newName)),
      ("failed", .bool(comparison.failed)),
      (
        "settings",
        .object([
          ("relativeThreshold", .double(settings.relativeThreshold)),
          ("successRatePoints", .double(settings.successRatePoints)),
          ("minimumEffect", .double(settings.minimumEffect)), ("confidence", .double(settings.confidence)),
          ("resamples", .int(settings.resamples)), ("minimumSamples", .int(settings.minimumSamples)),
          ("rules", .array(settings.rules.map { .string($0.text) })),
        ])
      ),
      ("violations", .array(comparison.violations.map(violation))),
      ("sweeps", .array(comparison.sweeps.enumerated().map { sweep($1, id: slugs[$0]) })),
      ("onlyInBase", .array(comparison.onlyInBase.map(unpaired))),
      ("onlyInNew", .array(comparison.onlyInNew.map(unpaired))),
      (
        "skipped",
        .array(
          input.skipped.map { skipped in
            .object([
              ("file", .string(skipped.location.path)), ("line", .integer(skipped.location.line)),
              ("kind", .string(skipped.kind.rawValue)), ("reason", .string(skipped.reason)),
            ])
          })
      ),
    ])
  }

  func sweep(_ sweep: SweepComparison, id: String) -> OrderedJSON {
    .object([
      ("id", .string(id)),
      ("title", .string(SweepDescription.title(of: sweep.commonIdentity))),
      ("baseTitle", .string(sweep.base.title)),
      ("newTitle", .string(sweep.new.title)),
      ("variable", .string(sweep.new.variable.rawValue)),
      (
        "differences",
        .array(
          sweep.differences.map {
            .object([("field", .string($0.field)), ("base", .string($0.base)), ("new", .string($0.new))])
          })
      ),
      ("regressions", .int(sweep.regressions)),
      ("improvements", .int(sweep.improvements)),
      ("decisions", .array(sweep.decisions.map(decision))),
      ("levels", .array(sweep.levels.map(level))),
      ("levelsOnlyInBase", .array(sweep.levelsOnlyInBase.map(OrderedJSON.level))),
      ("levelsOnlyInNew", .array(sweep.levelsOnlyInNew.map(OrderedJSON.level))),
    ])
  }

  func level(_ level: LevelComparison) -> OrderedJSON {
    .object([
      ("level", OrderedJSON.level(level.level)),
      ("baseRequests", .integer(level.baseRequests)),
      ("newRequests", .integer(level.newRequests)),
      ("metrics", .array(level.changes.map(change))),
      ("onlyOneSide", .array(level.onlyOneSide.map { .string($0.key) })),
    ])
  }

  func change(_ change: MetricChange) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("metric", .string(change.metric.key)),
      ("higherIsBetter", .bool(change.metric.higherIsBetter)),
      ("base", .double(change.base)),
      ("new", .double(change.new)),
      ("absolute", .double(change.absolute)),
      ("relative", .number(change.relative)),
      ("assessment", .string(change.assessment.rawValue)),
    ]
    switch change.evidence {
    case .bootstrap(let interval, let p, let baseCount, let newCount):
      members.append(
        (
          "evidence",
          .object([
            ("method", .string("bootstrap")), ("confidence", .double(interval.confidence)),
            ("lower", .double(interval.lower)), ("upper", .double(interval.upper)),
            ("resamples", .int(interval.resamples)),
            ("baseSamples", .int(baseCount)), ("newSamples", .int(newCount)), ("mannWhitneyP", .number(p)),
          ])
        ))
    case .relativeThreshold(let threshold):
      members.append(
        ("evidence", .object([("method", .string("relativeThreshold")), ("threshold", .double(threshold))])))
    case .pointsThreshold(let points):
      members.append(("evidence", .object([("method", .string("pointsThreshold")), ("threshold", .double(points))])))
    }
    return .object(members)
  }

  func decision(_ decision: DecisionChange) -> OrderedJSON {
    .object([
      ("decision", .string(decision.kind.rawValue)),
      ("base", .number(decision.base)), ("new", .number(decision.new)),
      ("baseLow", .number(decision.baseLow)), ("newLow", .number(decision.newLow)),
      ("relative", .number(decision.relative)), ("assessment", .string(decision.assessment.rawValue)),
    ])
  }

  func violation(_ violation: RuleViolation) -> OrderedJSON {
    .object([
      ("rule", .string(violation.rule.text)),
      ("sweep", .string(violation.sweep)),
      ("level", violation.level.map(OrderedJSON.level) ?? .null),
      (
        "metric",
        violation.change.map { .string($0.metric.key) } ?? violation.decision.map { .string($0.kind.rawValue) } ?? .null
      ),
      ("base", .number(violation.change?.base ?? violation.decision?.base)),
      ("new", .number(violation.change?.new ?? violation.decision?.new)),
      ("relative", .number(violation.change?.relative ?? violation.decision?.relative)),
    ])
  }

  func unpaired(_ unpaired: SweepMatching.Unpaired) -> OrderedJSON {
    .object([
      ("title", .string(unpaired.snapshot.title)),
      ("variable", .string(unpaired.snapshot.variable.rawValue)),
      ("levels", .array(unpaired.snapshot.levels.map { OrderedJSON.level($0.level) })),
      ("reason", .string(unpaired.reason)),
    ])
  }
}
