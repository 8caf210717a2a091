import Foundation

/// An axis after fitting it to the data: the domain it shows and its ticks with labels.
///
/// This is where "nice" ticks, ticks at explicit levels, log2 powers and the infinity
/// slot are decided. It is pure so the rules can be tested with plain numbers.
public struct ResolvedAxis: Sendable, Hashable {
  public var scale: AxisScale
  /// The finite data range the axis spans.
  public var domain: ClosedRange<Double>
  /// The finite ticks inside `domain`, in increasing order.
  public var ticks: [Tick]
  /// The label of the infinity slot right of the finite ticks; nil for none.
  public var infinityLabel: String?

  public init(scale: AxisScale, domain: ClosedRange<Double>, ticks: [Tick], infinityLabel: String?) {
    self.scale = scale
    self.domain = domain
    self.ticks = ticks
    self.infinityLabel = infinityLabel
  }

  /// Share of the (transformed) data span added as margin beyond the outermost data or
  /// explicit tick, so end markers are not cut by the plot edge.
  public static let margin = 0.04

  /// Fits `axis` to `values` (finite data in data units, already validated for the
  /// scale) with about `targetTickCount` ticks for automatic linear ticks and at most
  /// `maximumTickCount` powers of two on automatic log2 axes.
  public static func resolve(
    _ axis: Axis, values: [Double], targetTickCount: Int, maximumTickCount: Int
  ) -> ResolvedAxis {
    let infinityLabel = axis.infinitySlot?.label
    switch axis.scale {
    case .linear:
      return resolveLinear(axis, values: values, targetTickCount: targetTickCount, infinityLabel: infinityLabel)
    case .log2:
      return resolveLog2(axis, values: values, maximumTickCount: maximumTickCount, infinityLabel: infinityLabel)
    }
  }

  /// Fits a secondary axis so its ticks fall on the primary axis' gridlines: the same
  /// number of intervals, with the smallest step from 1, 2, 2.5 or 5 × 10ⁿ that covers
  /// the data. Returns nil when either axis is not automatic and linear, or the
  /// primary's ticks do not span its whole domain; resolve independently then.
  public static func aligned(
    _ axis: Axis, values: [Double], to primary: ResolvedAxis
  ) -> ResolvedAxis? {
    guard axis.scale == .linear, axis.ticks == nil, axis.domain == nil, primary.scale == .linear,
      let first = primary.ticks.first, let last = primary.ticks.last, primary.ticks.count >= 3,
      first.value == primary.domain.lowerBound, last.value == primary.domain.upperBound
    else { return nil }
    let intervals = Double(primary.ticks.count - 1)
    var all = values
    if axis.includesZero { all.append(0) }
    var lower = all.min() ?? 0
    var upper = all.max() ?? 1
    if lower == upper {
      lower = lower == 0 ? 0 : lower - abs(lower) * 0.1
      upper = upper == 0 ? 1 : upper + abs(upper) * 0.1
    }
    let span = upper - lower
    let anchoredLow = axis.includesZero && lower == 0
    let anchoredHigh = axis.includesZero && upper == 0
    let target = upper + (anchoredHigh ? 0 : margin * span)
    var exponent = Int((log10(span / intervals)).rounded(.down)) - 1
    while exponent < 400 {
      let magnitude = NiceTicks.pow10(exponent)
      for multiple in [1.0, 2, 2.5, 5] {
        let step = multiple * magnitude
        let start = anchoredLow ? lower : ((lower - margin * span) / step + 1e-9).rounded(.down) * step
        guard start + intervals * step >= target - 1e-9 * span else { continue }
        let decimals = TickLabelFormatter.decimals(forStep: step)
        let ticks = (0...Int(intervals)).map { k -> Tick in
          let value = start + Double(k) * step
          return Tick(value: value, label: TickLabelFormatter.format(value, decimals: decimals))
        }
        return ResolvedAxis(
          scale: .linear, domain: start...(start + intervals * step), ticks: ticks,
          infinityLabel: axis.infinitySlot?.label)
      }
      exponent += 1
    }
    return nil
  }

  private static func resolveLinear(
    _ axis: Axis, values: [Double], targetTickCount: Int, infinityLabel: String?
  ) -> ResolvedAxis {
    let explicit = axis.ticks
    if let domain = axis.domain {
      let step = NiceTicks.step(lower: domain.lowerBound, upper: domain.upperBound, targetCount: targetTickCount)
      let ticks = explicit.map { inside($0, domain) } ?? automaticLinearTicks(domain, step: step)
      return ResolvedAxis(scale: .linear, domain: domain, ticks: ticks, infinityLabel: infinityLabel)
    }

    var all = values + (explicit ?? []).map(\.value)
    if axis.includesZero { all.append(0) }
    var lower = all.min() ?? 0
    var upper = all.max() ?? 1
    if lower == upper {
      let half = lower == 0 ? 1 : abs(lower) * 0.1
      (lower, upper) = axis.includesZero && lower == 0 ? (0, 1) : (lower - half, upper + half)
    }
    let span = upper - lower
    // A zero baseline stays exactly at the axis; other ends get a margin.
    let anchoredLow = axis.includesZero && lower == 0
    let anchoredHigh = axis.includesZero && upper == 0
    let paddedLower = anchoredLow ? lower : lower - margin * span
    let paddedUpper = anchoredHigh ? upper : upper + margin * span

    if let explicit {
      let domain = paddedLower...paddedUpper
      return ResolvedAxis(scale: .linear, domain: domain, ticks: inside(explicit, domain), infinityLabel: infinityLabel)
    }
    // Automatic: widen to the enclosing nice ticks so the axis ends on a labelled value.
    let step = NiceTicks.step(lower: lower, upper: upper, targetCount: targetTickCount)
    let niceLower = anchoredLow ? lower : (paddedLower / step + 1e-9).rounded(.down) * step
    let niceUpper = anchoredHigh ? upper : (paddedUpper / step - 1e-9).rounded(.up) * step
    let domain = niceLower...niceUpper
    return ResolvedAxis(
      scale: .linear, domain: domain, ticks: automaticLinearTicks(domain, step: step), infinityLabel: infinityLabel)
  }

  private static func resolveLog2(
    _ axis: Axis, values: [Double], maximumTickCount: Int, infinityLabel: String?
  ) -> ResolvedAxis {
    let explicit = axis.ticks
    if let domain = axis.domain {
      let ticks = explicit.map { inside($0, domain) } ?? powersOfTwo(in: domain, maximumCount: maximumTickCount)
      return ResolvedAxis(scale: .log2, domain: domain, ticks: ticks, infinityLabel: infinityLabel)
    }
    let all = (values + (explicit ?? []).map(\.value)).filter { $0 > 0 }
    var lowExponent = Scale.log2(all.min() ?? 1)
    var highExponent = Scale.log2(all.max() ?? 16)
    if lowExponent == highExponent {
      lowExponent -= 1
      highExponent += 1
    }
    let pad = margin * (highExponent - lowExponent)
    var domain = exp2(lowExponent - pad)...exp2(highExponent + pad)
    if let explicit {
      return ResolvedAxis(scale: .log2, domain: domain, ticks: inside(explicit, domain), infinityLabel: infinityLabel)
    }
    var ticks = powersOfTwo(in: domain, maximumCount: maximumTickCount)
    if ticks.count < 2 {
      // Data within one octave: widen to the enclosing powers so there is a scale to read.
      domain = exp2(lowExponent.rounded(.down))...exp2(highExponent.rounded(.up))
      ticks = powersOfTwo(in: domain, maximumCount: maximumTickCount)
    }
    return ResolvedAxis(scale: .log2, domain: domain, ticks: ticks, infinityLabel: infinityLabel)
  }

  private static func automaticLinearTicks(_ domain: ClosedRange<Double>, step: Double) -> [Tick] {
    let decimals = TickLabelFormatter.decimals(forStep: step)
    return NiceTicks.ticks(within: domain.lowerBound, domain.upperBound, step: step).map {
      Tick(value: $0, label: TickLabelFormatter.format($0, decimals: decimals))
    }
  }

  /// Powers of two inside `domain`; every 2nd, 4th, … power when there would be more
  /// than `maximumCount`, keeping exponents that are multiples of the stride.
  static func powersOfTwo(in domain: ClosedRange<Double>, maximumCount: Int) -> [Tick] {
    let first = Int((Scale.log2(domain.lowerBound) - 1e-9).rounded(.up))
    let last = Int((Scale.log2(domain.upperBound) + 1e-9).rounded(.down))
    guard last >= first else { return [] }
    var stride = 1
    while (last - first) / stride + 1 > max(maximumCount, 2) { stride *= 2 }
    return (first...last).filter { $0 % stride == 0 }.map { exponent in
      let value = exp2(Double(exponent))
      return Tick(value: value, label: TickLabelFormatter.format(value))
    }
  }

  private static func inside(_ ticks: [Tick], _ domain: ClosedRange<Double>) -> [Tick] {
    let slack = (domain.upperBound - domain.lowerBound) * 1e-9
    return ticks.filter { $0.value >= domain.lowerBound - slack && $0.value <= domain.upperBound + slack }
      .sorted { $0.value < $1.value }
  }
}
