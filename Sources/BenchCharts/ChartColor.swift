/// An sRGB colour with components in 0…1, so the renderer can pass them straight to Cairo.
public struct ChartColor: Sendable, Hashable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// A colour from a 24-bit `0xRRGGBB` literal, the form palettes are published in.
  public init(hex: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255,
      green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255,
      alpha: alpha)
  }

  /// The same colour at a different opacity (for band fills and bar bodies).
  public func withAlpha(_ alpha: Double) -> ChartColor {
    ChartColor(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// `#RRGGBB`, for tests and for the HTML report's legend swatches.
  public var hexString: String {
    func byte(_ v: Double) -> String {
      let n = Int((min(max(v, 0), 1) * 255).rounded())
      let digits = String(n, radix: 16, uppercase: true)
      return digits.count == 1 ? "0" + digits : digits
    }
    return "#" + byte(red) + byte(green) + byte(blue)
  }

  public static let white = ChartColor(hex: 0xFFFFFF)
  public static let black = ChartColor(hex: 0x000000)
}
