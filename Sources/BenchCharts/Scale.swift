import Foundation

/// Maps data values on one axis to pixel positions, the way matplotlib's transforms do,
/// but as a plain value so it can be tested without drawing anything.
///
/// The finite domain maps onto `pixelStart…finitePixelEnd`. With an infinity slot, the
/// last `infinitySlotFraction` of the pixel range is set aside: `+infinity` maps to
/// `infinityPixel` inside it and `breakPixel` marks the axis break between the two.
/// For a y axis pass the bottom edge as `pixelStart` and the top edge as `pixelEnd`.
public struct Scale: Sendable, Hashable {
  public var kind: AxisScale
  /// The data range that fills the finite part of the axis.
  public var domain: ClosedRange<Double>
  /// The pixel position of `domain.lowerBound`.
  public var pixelStart: Double
  /// The pixel position where the whole axis ends (including any infinity slot).
  public var pixelEnd: Double
  /// The share of the axis length reserved for the infinity slot; nil for none.
  public var infinitySlotFraction: Double?

  public init(
    kind: AxisScale, domain: ClosedRange<Double>, pixelStart: Double, pixelEnd: Double,
    infinitySlotFraction: Double? = nil
  ) {
    self.kind = kind
    self.domain = domain
    self.pixelStart = pixelStart
    self.pixelEnd = pixelEnd
    self.infinitySlotFraction = infinitySlotFraction
  }

  /// The share of the axis a default infinity slot takes: wide enough for a marker and
  /// the "∞" label, narrow enough not to look like another octave.
  public static let defaultInfinitySlotFraction = 0.1

  /// The pixel position of `domain.upperBound`.
  public var finitePixelEnd: Double {
    guard let fraction = infinitySlotFraction else { return pixelEnd }
    return pixelStart + (pixelEnd - pixelStart) * (1 - fraction)
  }

  /// Where `+infinity` is drawn; nil without an infinity slot.
  public var infinityPixel: Double? {
    guard let fraction = infinitySlotFraction else { return nil }
    return pixelStart + (pixelEnd - pixelStart) * (1 - fraction * 0.4)
  }

  /// Where the axis break between the finite values and the infinity slot is drawn.
  public var breakPixel: Double? {
    guard let infinity = infinityPixel else { return nil }
    return (finitePixelEnd + infinity) / 2
  }

  /// The value in the scale's own space: itself on linear axes, log2 on log2 axes;
  /// nil when the value cannot be shown (NaN, infinite, or ≤ 0 on a log axis).
  public func transformed(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    switch kind {
    case .linear: return value
    case .log2: return value > 0 ? Scale.log2(value) : nil
    }
  }

  /// The pixel position of `value`, or nil if it cannot be shown. Values outside the
  /// domain extrapolate (clipping is the renderer's job); `+infinity` goes to the
  /// infinity slot when there is one.
  public func pixel(for value: Double) -> Double? {
    if value == .infinity { return infinityPixel }
    guard let t = transformed(value),
      let t0 = transformed(domain.lowerBound),
      let t1 = transformed(domain.upperBound)
    else { return nil }
    let end = finitePixelEnd
    guard t1 != t0 else { return (pixelStart + end) / 2 }
    return pixelStart + (t - t0) / (t1 - t0) * (end - pixelStart)
  }

  /// log₂, named here so callers read `Scale.log2` at the one place the axis maths lives.
  public static func log2(_ value: Double) -> Double {
    Foundation.log2(value)
  }
}
