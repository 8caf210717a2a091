import BenchAnalysis

/// `trend.json`: the trends for a dashboard: per sweep its entries, each metric's values and
/// change points. Unknown values are `null`.
public struct TrendJSONWriter {
  public init() {}

  public static let schemaVersion = 1

  public func render(_ input: TrendReportInput) -> String {
    document(input).serialized()
  }

  public func document(_ input: TrendReportInput) -> OrderedJSON {
    let slugs = input.slugs
    return .object([
      ("tool", .string("benchreport")),
      ("kind", .string("trend")),
      ("schemaVersion", .int(Self.schemaVersion)),
      ("history", .string(input.historyName)),
      ("window", .int(input.window)),
      ("sweeps", .array(input.trends.enumerated().map { sweep($1, id: slugs[$0]) })),
    ])
  }

  func sweep(_ trend: SweepTrend, id: String) -> OrderedJSON {
    .object([
      ("id", .string(id)),
      ("title", .string(trend.title)),
      ("sweepKey", .string(trend.sweepKey)),
      ("referenceLevel", .number(trend.referenceLevel)),
      (
        "entries",
        .array(
          trend.labels.indices.map { index in
            .object([
              ("label", .string(trend.labels[index])),
              ("testedAt", trend.testedAt[index].map { .string(TestTime.iso8601($0)) } ?? .null),
              ("current", .bool(index == trend.currentIndex)),
            ])
          })
      ),
      (
        "metrics",
        .array(
          trend.series.map { series in
            .object([
              ("metric", .string(series.metric.rawValue)),
              ("higherIsBetter", .bool(series.metric.higherIsBetter)),
              ("values", .array(series.values.map { .number($0) })),
              (
                "changePoints",
                .array(
                  series.changePoints.map { change in
                    .object([
                      ("index", .int(change.index)), ("label", .string(trend.labels[change.index])),
                      ("meanBefore", .double(change.meanBefore)), ("meanAfter", .double(change.meanAfter)),
                      ("relativeChange", .number(change.relativeChange)), ("pValue", .double(change.pValue)),
                      ("confirmed", .bool(change.confirmed)), ("regression", .bool(series.isRegression(change))),
                    ])
                  })
              ),
              ("outliers", .array(series.outliers.map { .int($0) })),
            ])
          })
      ),
    ])
  }
}
