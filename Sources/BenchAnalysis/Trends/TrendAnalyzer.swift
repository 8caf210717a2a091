import BenchModel

/// Builds a sweep's trend from its recorded entries: the reference level, each metric's series
/// and its change points.
public enum TrendAnalyzer {
  /// `entries` oldest first, the current analysis last. `referenceLevel` nil picks one (below).
  public static func trend(
    sweepKey: String, title: String, entries: [TrendEntry], measure: ComparedMetric, referenceLevel: Double? = nil,
    settings: ChangePointSettings = ChangePointSettings()
  ) -> SweepTrend {
    let reference = referenceLevel ?? defaultReferenceLevel(entries)
    let series: [SweepTrend.Series] = TrendMetric.allCases.compactMap { metric in
      let values = entries.map { metric.value(in: $0, referenceLevel: reference, measure: measure) }
      guard values.contains(where: { $0 != nil }) else { return nil }
      return analysed(metric, values: values, settings: settings)
    }
    return SweepTrend(
      sweepKey: sweepKey, title: title, labels: entries.map(\.label), testedAt: entries.map(\.testedAt),
      referenceLevel: reference, series: series, currentIndex: max(entries.count - 1, 0))
  }

  /// The highest level tested in every entry that is at or below the current entry's max
  /// stable (where the numbers describe a working server, not one shedding load); else the
  /// lowest level every entry has; nil when the entries share no level.
  public static func defaultReferenceLevel(_ entries: [TrendEntry]) -> Double? {
    guard let first = entries.first else { return nil }
    var common = Set(first.levels.map(\.value))
    for entry in entries.dropFirst() { common.formIntersection(entry.levels.map(\.value)) }
    let sorted = common.filter(\.isFinite).sorted()
    guard !sorted.isEmpty else { return nil }
    if let limit = entries.last?.maxStable, let below = sorted.last(where: { $0 <= limit }) { return below }
    return sorted.first
  }

  /// The change points of a series with gaps: tested on the values present, indices mapped back.
  static func analysed(_ metric: TrendMetric, values: [Double?], settings: ChangePointSettings) -> SweepTrend.Series {
    let present = values.indices.filter { values[$0]?.isFinite == true }
    let result = ChangePointDetector.detect(present.map { values[$0]! }, settings: settings)
    let changes = result.changePoints.map { change in
      var mapped = change
      mapped.index = present[change.index]
      // Unconfirmed means "only the newest entry so far": also when later entries lack the value.
      mapped.confirmed = change.confirmed
      return mapped
    }
    return SweepTrend.Series(
      metric: metric, values: values, changePoints: changes, outliers: result.outliers.map { present[$0] })
  }
}
