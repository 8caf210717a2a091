/// A sustained shift in a weekly series: from `index` on, the values sit at another level.
public struct ChangePoint: Sendable, Equatable {
  /// The first entry of the new level (0-based, in the series' order).
  public var index: Int
  /// Mean of the segment before and of the segment from `index` on (to the next change point).
  public var meanBefore: Double
  public var meanAfter: Double
  /// Two-sided Student's t-test p-value of the two segments.
  public var pValue: Double
  /// False when the new level is only the newest entry: a shift that the next entry confirms
  /// or not (one noisy week looks the same until then).
  public var confirmed: Bool

  public init(index: Int, meanBefore: Double, meanAfter: Double, pValue: Double, confirmed: Bool) {
    self.index = index
    self.meanBefore = meanBefore
    self.meanAfter = meanAfter
    self.pValue = pValue
    self.confirmed = confirmed
  }

  /// meanAfter / meanBefore − 1; nil when the level before was 0.
  public var relativeChange: Double? {
    meanBefore == 0 ? nil : meanAfter / meanBefore - 1
  }
}

/// What the detector found in one series.
public struct ChangePointResult: Sendable, Equatable {
  /// Ascending by index.
  public var changePoints: [ChangePoint]
  /// Entries that stand alone between two shifts and return to the level around them: one
  /// noisy (or broken) week, not a step. Their indices.
  public var outliers: [Int]

  public init(changePoints: [ChangePoint], outliers: [Int]) {
    self.changePoints = changePoints
    self.outliers = outliers
  }
}

/// How sure a shift must be before it is reported.
public struct ChangePointSettings: Sendable, Equatable {
  /// A change point stays only if the t-test of its two neighbouring segments gives at most this
  /// p-value. 0.005 gives ≈4 % false alarms per series of 12 pure-noise entries (≈2 % with the 5 % minimum change) (measured in
  /// ChangePointDetectorTests; README "Change points").
  public var maxPValue: Double
  /// …and the segment means differ by at least this fraction (0.05 = 5 %), so a significant but
  /// irrelevant shift (a very quiet series moving by 0.5 %) is not flagged.
  public var minRelativeChange: Double

  public init(maxPValue: Double = 0.005, minRelativeChange: Double = 0.05) {
    self.maxPValue = maxPValue
    self.minRelativeChange = minRelativeChange
  }
}
