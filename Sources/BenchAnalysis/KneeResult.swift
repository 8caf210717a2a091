/// A knee (or elbow) found by ``KneeDetector``, with kneed 0.8.6's output fields.
public struct KneeResult: Sendable, Equatable {
  /// The x value of the knee, in the unit of the x passed in (e.g. concurrency, or
  /// log₂ concurrency). kneed's `knee`.
  public var knee: Double
  /// The y value at the knee, from the original (unsmoothed) y, in the unit of y (e.g.
  /// output tokens/s). kneed's `knee_y`.
  ///
  /// `nil` when the knee is at x = 0: kneed tests `if knee:`, so a knee at log₂(1) = 0 has no
  /// y although it was found. Reproduced for parity; callers can read y at `knee` themselves.
  public var kneeY: Double?
  /// The knee on the normalised x-axis, 0…1 (kneed's `norm_knee`).
  ///
  /// For convex/increasing and concave/decreasing curves kneed reads it at the index of the
  /// *reversed* curve (arvkevi/kneed#160), so it does not point at ``knee``: on evenly
  /// spaced x it is 1 − the knee's normalised position. Kept for parity.
  public var normalizedKnee: Double
  /// Every distinct knee the scan accepted, ascending (kneed's `all_knees`, a set). Only
  /// online detection can find more than one.
  public var allKnees: [Double]

  public init(knee: Double, kneeY: Double?, normalizedKnee: Double, allKnees: [Double]) {
    self.knee = knee
    self.kneeY = kneeY
    self.normalizedKnee = normalizedKnee
    self.allKnees = allKnees
  }
}
