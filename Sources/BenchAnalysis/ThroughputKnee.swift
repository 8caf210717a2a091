import BenchModel
import Foundation

/// Where throughput stops growing, found with Kneedle on the sweep's finite levels.
public struct ThroughputKnee: Sendable, Equatable {
  public enum Outcome: Sendable, Equatable {
    /// A knee at this level; `throughput` is the measure's value there.
    case found(level: LoadLevel, throughput: Double)
    /// Kneedle found no knee: throughput still rises (or is flat) across the tested range.
    case noKnee
    /// Fewer than three finite levels with throughput: Kneedle cannot decide.
    case tooFewLevels(count: Int)
  }

  /// Kneedle on the level values as they are (kneed parity: `KneeLocator(x, y, curve="concave",
  /// direction="increasing", S=1.0)`).
  public var linear: Outcome
  /// Kneedle on log₂ of the level values: the natural axis for doubling sweeps.
  public var log2: Outcome
  public var measure: ThroughputMeasure?
  /// The axis the report leads with: the one on which the tested levels are most evenly
  /// spaced (log₂ for doubling sweeps 1, 2, 4, …; linear for 10, 20, 30, …). Kneedle assumes
  /// roughly even spacing, and a log₂ knee of an arithmetic sweep lands on its first level.
  public var primaryAxis: Axis

  public enum Axis: String, Sendable, Codable {
    case linear
    case log2
  }

  public var primary: Outcome { primaryAxis == .log2 ? log2 : linear }
  public var secondary: Outcome { primaryAxis == .log2 ? linear : log2 }

  /// The knee the report leads with. It is the primary axis's knee, except when that knee is
  /// the lowest tested level although throughput kept growing well after it — kneed returns
  /// that for curves whose difference curve starts with a local maximum (kneedle.md §5, §8),
  /// and it never means "throughput stops growing here". Then the other axis's knee is used
  /// (if it is not the same artefact), else none. The raw kneed results stay in `linear` and
  /// `log2`.
  public var headline: Outcome
  public var headlineAxis: Axis
  /// The knees set aside by that rule.
  public var setAside: [SetAsideKnee]

  public struct SetAsideKnee: Sendable, Equatable {
    public var axis: Axis
    public var level: LoadLevel
    /// Highest throughput after the knee ÷ throughput at the knee.
    public var growthAfter: Double
  }

  public init(
    linear: Outcome, log2: Outcome, measure: ThroughputMeasure?, primaryAxis: Axis,
    throughputs: [(LoadLevel, Double)] = [], minimumGrowth: Double = 0.2
  ) {
    self.linear = linear
    self.log2 = log2
    self.measure = measure
    self.primaryAxis = primaryAxis
    var setAside: [SetAsideKnee] = []
    func accepted(_ outcome: Outcome, _ axis: Axis) -> Bool {
      guard case .found(let level, let throughput) = outcome, let first = throughputs.first, level == first.0,
        throughput > 0, let highest = throughputs.map(\.1).max(), highest > throughput * (1 + minimumGrowth)
      else { return true }
      setAside.append(SetAsideKnee(axis: axis, level: level, growthAfter: highest / throughput))
      return false
    }
    let secondaryAxis: Axis = primaryAxis == .log2 ? .linear : .log2
    let primaryOutcome = primaryAxis == .log2 ? log2 : linear
    let secondaryOutcome = primaryAxis == .log2 ? linear : log2
    if accepted(primaryOutcome, primaryAxis) {
      (headline, headlineAxis) = (primaryOutcome, primaryAxis)
      // The other axis's knee is quoted beside the headline: the same artefact rule applies.
      _ = accepted(secondaryOutcome, secondaryAxis)
    } else if case .found = secondaryOutcome, accepted(secondaryOutcome, secondaryAxis) {
      (headline, headlineAxis) = (secondaryOutcome, secondaryAxis)
    } else {
      (headline, headlineAxis) = (.noKnee, primaryAxis)
    }
    self.setAside = setAside
  }

  /// The axis on which `values` (ascending, positive) are most evenly spaced: the one whose
  /// consecutive differences have the smaller coefficient of variation.
  public static func evenlySpacedAxis(for values: [Double]) -> Axis {
    guard values.count >= 3, values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return .linear }
    func variation(_ xs: [Double]) -> Double {
      let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }
      guard let mean = DescriptiveStatistics.mean(gaps), mean > 0,
        let deviation = DescriptiveStatistics.populationStandardDeviation(gaps)
      else { return .infinity }
      return deviation / mean
    }
    return variation(values.map { Foundation.log2($0) }) < variation(values) ? .log2 : .linear
  }
}
