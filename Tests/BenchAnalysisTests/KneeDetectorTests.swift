import Testing

@testable import BenchAnalysis

/// `a` and `b` agree to 1e-9 relative (both `nil` counts as agreeing).
private func isClose(_ a: Double?, _ b: Double?, relative tolerance: Double = 1e-9) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let a?, let b?): return a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
  default: return false
  }
}

struct KneeDetectorTests {
  // MARK: - Every case kneed 0.8.6 was run on

  @Test func goldenFileLoads() throws {
    #expect(try KneedGoldenCase.loadAll().count == 33)
  }

  @Test(arguments: KneedGoldenCase.all)
  func matchesKneed086(_ golden: KneedGoldenCase) throws {
    let result = try golden.detector().findKnee(x: golden.x, y: golden.y)
    let expected = golden.result
    #expect(isClose(result?.knee, expected.knee), "knee")
    #expect(isClose(result?.kneeY, expected.kneeY), "knee_y")
    #expect(isClose(result?.normalizedKnee, expected.normalizedKnee), "norm_knee")
    let allKnees = result?.allKnees ?? []
    #expect(allKnees.count == expected.allKnees.count, "all_knees")
    for (found, wanted) in zip(allKnees, expected.allKnees.sorted()) {
      #expect(isClose(found, wanted), "all_knees")
    }
  }

  // MARK: - The H100 sweep from reference/kneedle.md

  /// Llama-3.1-8B FP8 on one H100, 10 qps cap: output tokens/s at concurrency 1…256.
  static let concurrency: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
  static let outputTokensPerSecond = [
    130, 243.2, 450.81, 802.14, 1188.22, 1523.43, 1540.94, 1516.30, 1542.96,
  ]
  static let log2Concurrency: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 8]
  static let throughputDetector = KneeDetector(curve: .concave, direction: .increasing)

  /// kneed 0.8.6: `KneeLocator(conc, tput, curve="concave")` → knee 32, knee_y 1523.43,
  /// norm_knee 0.12156862745098039.
  @Test func h100ThroughputKneeOnLinearConcurrencyIs32() {
    let result = Self.throughputDetector.findKnee(
      x: Self.concurrency, y: Self.outputTokensPerSecond)
    #expect(
      result
        == KneeResult(
          knee: 32, kneeY: 1523.43, normalizedKnee: 0.12156862745098039, allKnees: [32]))
  }

  /// kneed 0.8.6: `KneeLocator(np.log2(conc), tput, curve="concave")` → knee 5.0 (concurrency
  /// 32), knee_y 1523.43, norm_knee 0.625. kneed 0.8.5 answered 0.0 here (see kneedle.md §7).
  @Test func h100ThroughputKneeOnLog2ConcurrencyIs5() {
    let result = Self.throughputDetector.findKnee(
      x: Self.log2Concurrency, y: Self.outputTokensPerSecond)
    #expect(result == KneeResult(knee: 5, kneeY: 1523.43, normalizedKnee: 0.625, allKnees: [5]))
  }

  /// The intermediate arrays of the log₂ case, printed from kneed 0.8.6's `KneeLocator`
  /// attributes `x_normalized`, `y_normalized`, `y_difference`, `maxima_indices`,
  /// `minima_indices`, `Tmx`.
  @Test func h100Log2IntermediateArraysMatchKneed() throws {
    let curve = try #require(
      Self.throughputDetector.differenceCurve(
        x: Self.log2Concurrency, y: Self.outputTokensPerSecond))
    #expect(curve.normalizedX == [0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0])
    let normalizedY = [
      0.0, 0.08011550220813043, 0.22704818253878384, 0.4756964103725512, 0.7489383988223304,
      0.9861779526667421, 0.9985703770807384, 0.9811318084022194, 1.0,
    ]
    let difference = [
      0.0, -0.044884497791869565, -0.022951817461216162, 0.10069641037255123,
      0.24893839882233038, 0.36117795266674213, 0.24857037708073837, 0.10613180840221936, 0.0,
    ]
    #expect(zip(curve.normalizedY, normalizedY).allSatisfy { isClose($0, $1) })
    #expect(zip(curve.difference, difference).allSatisfy { isClose($0, $1) })
    #expect(curve.localMaxima == [0, 5])
    #expect(curve.localMinima == [1, 8])
    #expect(zip(curve.thresholds, [-0.125, 0.23617795266674213]).allSatisfy { isClose($0, $1) })
  }

  /// kneed 0.8.6, `S=0`: the first maximum (index 0) is accepted at once, a knee at x = 0 —
  /// and because kneed tests `if knee:`, it reports no knee_y.
  @Test func kneeAtZeroHasNoKneeY() {
    let detector = KneeDetector(curve: .concave, direction: .increasing, sensitivity: 0)
    let result = detector.findKnee(x: Self.log2Concurrency, y: Self.outputTokensPerSecond)
    #expect(result == KneeResult(knee: 0, kneeY: nil, normalizedKnee: 0, allKnees: [0]))
  }

  /// kneed 0.8.6 with `interp_method="polynomial"`: linear x → 32 (y 1523.43, norm
  /// 0.12156862745098039); log₂ x → 5.0 (y 1523.43, norm 0.625); linear x with
  /// `polynomial_degree=3` → 64 (y 1540.94, norm 0.24705882352941178).
  @Test func polynomialSmoothingOnTheH100Sweep() {
    let degree7 = KneeDetector(
      curve: .concave, direction: .increasing, interpolation: .polynomial())
    #expect(
      degree7.findKnee(x: Self.concurrency, y: Self.outputTokensPerSecond)
        == KneeResult(
          knee: 32, kneeY: 1523.43, normalizedKnee: 0.12156862745098039, allKnees: [32]))
    #expect(
      degree7.findKnee(x: Self.log2Concurrency, y: Self.outputTokensPerSecond)
        == KneeResult(knee: 5, kneeY: 1523.43, normalizedKnee: 0.625, allKnees: [5]))
    let degree3 = KneeDetector(
      curve: .concave, direction: .increasing, interpolation: .polynomial(degree: 3))
    #expect(
      degree3.findKnee(x: Self.concurrency, y: Self.outputTokensPerSecond)
        == KneeResult(
          knee: 64, kneeY: 1540.94, normalizedKnee: 0.24705882352941178, allKnees: [64]))
  }

  // MARK: - Degenerate input

  /// kneed 0.8.6: `KneeLocator([1, 2], [5, 1])` (concave, increasing) → knee 1, knee_y 5,
  /// norm_knee 0.0. Two points are a straight line, but y falling against the requested
  /// direction still trips the threshold; reproduced for parity.
  @Test func twoPointsAgainstTheDirectionGiveAKnee() {
    let result = Self.throughputDetector.findKnee(x: [1, 2], y: [5, 1])
    #expect(result == KneeResult(knee: 1, kneeY: 5, normalizedKnee: 0, allKnees: [1]))
    #expect(Self.throughputDetector.findKnee(x: [1, 2], y: [1, 5]) == nil)
  }

  /// kneed 0.8.6: `KneeLocator([0, 1, 2, 2, 3, 4, 5], [0, 50, 80, 90, 95, 97, 98])` → knee 2,
  /// knee_y 80, norm_knee 0.4. scipy's interpolant keeps the last y for the repeated x (90)
  /// while `knee_y` reads the first (80).
  @Test func repeatedXUsesTheLastYForTheCurveAndTheFirstForKneeY() {
    let result = Self.throughputDetector.findKnee(
      x: [0, 1, 2, 2, 3, 4, 5], y: [0, 50, 80, 90, 95, 97, 98])
    #expect(result == KneeResult(knee: 2, kneeY: 80, normalizedKnee: 0.4, allKnees: [2]))
  }

  /// Where kneed raises, or would compute with NaN, there is simply no knee.
  @Test func unusableInputGivesNil() {
    let detector = Self.throughputDetector
    #expect(detector.findKnee(x: [], y: []) == nil)
    #expect(detector.findKnee(x: [1], y: [1]) == nil)
    #expect(detector.findKnee(x: [1, 2, 3], y: [1, 2]) == nil)
    #expect(detector.findKnee(x: [1, 2, 3], y: [1, .nan, 3]) == nil)
    #expect(detector.findKnee(x: [1, 1, 1], y: [1, 2, 3]) == nil)
    let negativeDegree = KneeDetector(
      curve: .concave, direction: .increasing, interpolation: .polynomial(degree: -1))
    #expect(negativeDegree.findKnee(x: Self.concurrency, y: Self.outputTokensPerSecond) == nil)
  }
}
