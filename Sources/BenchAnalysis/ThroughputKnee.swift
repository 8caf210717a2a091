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
