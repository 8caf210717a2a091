/// Finds the knee of a curve with Kneedle, exactly as the Python package kneed 0.8.6 does.
///
/// Kneedle (Satopää, Albrecht, Irwin & Raghavan, "Finding a 'Kneedle' in a Haystack:
/// Detecting Knee Points in System Behavior", ICDCS workshops 2011) finds the point of a
/// curve that lies farthest above the straight line through its ends, once the curve is
/// mapped to the unit square — where throughput stops growing with concurrency, or where
/// latency starts to shoot up. benchreport's numbers must match what users get from
/// kneed, so this reproduces kneed 0.8.6 including its quirks (see
/// `reference/kneedle.md`): y is reversed without reversing x, extrema compare with `≥`/`≤`
/// and count the ends, and a knee at x = 0 has no y.
///
/// The steps below are numbered as in the paper (section III); kneed adds the transform
/// between steps 2 and 3 that turns every curve shape into a concave, increasing one.
public struct KneeDetector: Sendable {
  /// Whether the curve bends down (a knee) or up (an elbow).
  public enum Curve: String, Sendable, CaseIterable {
    /// Bends down: growth slows, as throughput does when concurrency saturates a server.
    case concave
    /// Bends up: growth speeds up, as latency does past the saturation point.
    case convex
  }

  /// Whether y grows or falls with x.
  public enum Direction: String, Sendable, CaseIterable {
    case increasing
    case decreasing
  }

  /// Paper step 1, smoothing: what y is replaced with before normalising.
  public enum Interpolation: Sendable, Equatable {
    /// kneed's default `interp1d`: a linear interpolant evaluated at the x values
    /// themselves, which gives back y unchanged.
    case interp1d
    /// kneed's `polynomial`: the values at x of the least-squares polynomial of `degree`
    /// (`numpy.polyfit`; kneed's `polynomial_degree`, default 7). With at most degree + 1
    /// points the polynomial passes through every point.
    case polynomial(degree: Int = 7)
  }

  public var curve: Curve
  public var direction: Direction
  /// How many x-steps the difference curve must fall below its maximum before the
  /// maximum counts as a knee, in units of the mean x-step (kneed's `S`, default 1). 0 takes
  /// the first drop; larger values wait for a clearer bend.
  public var sensitivity: Double
  public var interpolation: Interpolation
  /// Keep scanning after the first knee and report the last one found (kneed's `online`).
  /// Offline (the default) reports the first, usually what operators mean by "where
  /// throughput stops growing"; online can jump to the end of a noisy plateau.
  public var online: Bool

  public init(
    curve: Curve, direction: Direction, sensitivity: Double = 1,
    interpolation: Interpolation = .interp1d, online: Bool = false
  ) {
    self.curve = curve
    self.direction = direction
    self.sensitivity = sensitivity
    self.interpolation = interpolation
    self.online = online
  }

  /// The knee of the curve through (x, y), or `nil` when there is none.
  ///
  /// Pass x ascending (kneed never sorts, and descending x usually finds nothing,
  /// arvkevi/kneed#158) and as many y values. `nil` also for fewer than two points, mismatched lengths, non-finite values,
  /// a negative polynomial degree (kneed raises on these), a constant x or y, a straight
  /// line, or a curve that does not bend in the direction asked for. Like kneed, two points
  /// can yield a knee when y runs against `direction`.
  public func findKnee(x: [Double], y: [Double]) -> KneeResult? {
    guard let curve = differenceCurve(x: x, y: y) else { return nil }
    return scan(curve, x: x, y: y)
  }

  // MARK: - Steps 1 to 5: the difference curve and its thresholds

  /// The intermediate arrays of Kneedle, named as kneed names them, for one input curve.
  struct DifferenceCurve: Equatable {
    /// x mapped to 0…1 (`x_normalized`).
    var normalizedX: [Double]
    /// Smoothed y mapped to 0…1 and transformed to a concave, increasing curve
    /// (`y_normalized`).
    var normalizedY: [Double]
    /// normalizedY − normalizedX (`y_difference`); its x values are normalizedX.
    var difference: [Double]
    /// Indices of the local maxima of `difference`, ascending (`maxima_indices`).
    var localMaxima: [Int]
    /// Indices of the local minima of `difference`, ascending (`minima_indices`).
    var localMinima: [Int]
    /// One threshold per local maximum, in the same order (`Tmx`).
    var thresholds: [Double]
  }

  /// Paper steps 1–5 for (x, y); `nil` when the input cannot be processed at all.
  func differenceCurve(x: [Double], y: [Double]) -> DifferenceCurve? {
    guard x.count == y.count, x.count >= 2, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite)
    else { return nil }

    // Step 1: smooth the data.
    guard let smoothedY = smoothed(x: x, y: y) else { return nil }

    // Step 2: normalise to the unit square. A constant x or y cannot be normalised; kneed
    // divides 0 by 0, every comparison with NaN fails and it finds no knee either.
    guard let normalizedX = Self.normalized(x), let normalizedSmoothedY = Self.normalized(smoothedY)
    else { return nil }

    // kneed: flip the curve so that the knee to find is that of a concave, increasing one.
    let normalizedY = transformedToConcaveIncreasing(normalizedSmoothedY)

    // Step 3: the difference curve, how far the curve lies above the diagonal.
    let difference = zip(normalizedY, normalizedX).map { $0 - $1 }

    // Step 4: local maxima and minima of the difference curve.
    let localMaxima = Self.localExtrema(of: difference, by: >=)
    let localMinima = Self.localExtrema(of: difference, by: <=)

    // Step 5: one threshold per local maximum, S mean x-steps below it.
    let steps = zip(normalizedX.dropFirst(), normalizedX).map { $0 - $1 }
    let meanStep = DescriptiveStatistics.mean(steps) ?? 0
    let thresholds = localMaxima.map { difference[$0] - sensitivity * abs(meanStep) }

    return DifferenceCurve(
      normalizedX: normalizedX, normalizedY: normalizedY, difference: difference,
      localMaxima: localMaxima, localMinima: localMinima, thresholds: thresholds)
  }

  /// Step 1. `nil` only for a negative polynomial degree.
  private func smoothed(x: [Double], y: [Double]) -> [Double]? {
    switch interpolation {
    case .interp1d:
      // scipy's interpolant holds one y per distinct x: the last one given for it (this is
      // what kneed ends up with when x repeats). For distinct x it is y itself.
      let lastYForX = Dictionary(zip(x, y), uniquingKeysWith: { _, last in last })
      return x.map { lastYForX[$0] ?? 0 }
    case .polynomial(let degree):
      guard let polynomial = PolynomialFit(x: x, y: y, degree: degree) else { return nil }
      return x.map { polynomial($0) }
    }
  }

  /// Step 2: (v − min) / (max − min), or `nil` when all values are equal.
  private static func normalized(_ values: [Double]) -> [Double]? {
    guard let minimum = values.min(), let maximum = values.max(), maximum != minimum else {
      return nil
    }
    return values.map { ($0 - minimum) / (maximum - minimum) }
  }

  /// Whether kneed reverses y (by index, not x) to turn this shape into a concave,
  /// increasing curve; knees found on such a curve are mapped back by index.
  private var reversesY: Bool {
    (curve, direction) == (.convex, .increasing) || (curve, direction) == (.concave, .decreasing)
  }

  /// kneed's `transform_y`. Only y moves: reversing y without x mirrors the curve faithfully
  /// only for evenly spaced x (kneed 0.8.6 behaviour, kept for parity).
  private func transformedToConcaveIncreasing(_ normalizedY: [Double]) -> [Double] {
    let flippedUpsideDown: [Double]
    if curve == .convex, let maximum = normalizedY.max() {
      flippedUpsideDown = normalizedY.map { maximum - $0 }
    } else {
      flippedUpsideDown = normalizedY
    }
    return reversesY ? flippedUpsideDown.reversed() : flippedUpsideDown
  }

  /// Step 4, as `scipy.signal.argrelextrema(values, comparator, order=1, mode="clip")`: the
  /// indices whose value compares true against both neighbours. At either end the missing
  /// neighbour is the point itself, so ends count; a flat run is both maximum and minimum.
  private static func localExtrema(
    of values: [Double], by comparator: (Double, Double) -> Bool
  ) -> [Int] {
    values.indices.filter { index in
      let previous = values[max(index - 1, 0)]
      let next = values[min(index + 1, values.count - 1)]
      return comparator(values[index], next) && comparator(values[index], previous)
    }
  }

  // MARK: - Step 6: scan for the knee

  /// Walks the difference curve from its first local maximum. Each local maximum arms the
  /// detector with its threshold; each local minimum disarms it (kneed 0.8.6's `active`
  /// flag; the paper resets the threshold to 0). A point falling below the armed threshold
  /// makes the last local maximum a knee.
  private func scan(_ curve: DifferenceCurve, x: [Double], y: [Double]) -> KneeResult? {
    guard let firstMaximum = curve.localMaxima.first else { return nil }
    let thresholdAtMaximum = Dictionary(
      uniqueKeysWithValues: zip(curve.localMaxima, curve.thresholds))
    let isLocalMinimum = Set(curve.localMinima)
    let lastIndex = curve.difference.count - 1

    var threshold = 0.0
    var thresholdIndex = firstMaximum
    var armed = true
    var latest: (knee: Double, normalizedKnee: Double)?
    var allKnees: [Double] = []

    // The last point is only ever looked at as the neighbour of the one before it.
    for index in firstMaximum..<lastIndex {
      if let maximumThreshold = thresholdAtMaximum[index] {
        threshold = maximumThreshold
        thresholdIndex = index
        armed = true
      }
      if isLocalMinimum.contains(index) {
        threshold = 0
        armed = false
      }
      guard armed, curve.difference[index + 1] < threshold else { continue }

      // Undo the reversal of y by index; the normalised knee stays in reversed coordinates.
      let knee = x[reversesY ? lastIndex - thresholdIndex : thresholdIndex]
      latest = (knee, curve.normalizedX[thresholdIndex])
      if !allKnees.contains(knee) { allKnees.append(knee) }
      if !online { break }
    }

    guard let latest else { return nil }
    return KneeResult(
      knee: latest.knee, kneeY: Self.kneeY(at: latest.knee, x: x, y: y),
      normalizedKnee: latest.normalizedKnee, allKnees: allKnees.sorted())
  }

  /// kneed's `y[x == knee][0]`, skipped when the knee is 0 (kneed tests `if knee:`).
  private static func kneeY(at knee: Double, x: [Double], y: [Double]) -> Double? {
    guard knee != 0, let index = x.firstIndex(of: knee) else { return nil }
    return y[index]
  }
}
