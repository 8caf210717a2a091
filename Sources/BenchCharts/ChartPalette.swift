/// Series colours from the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008),
/// which stays distinguishable under the common forms of colour-blindness.
///
/// The order puts the high-contrast colours first and yellow last (it is faint on white),
/// and a series keeps its colour when other series are added after it, because the colour
/// depends only on the series' `colorIndex`.
public enum ChartPalette {
  /// Okabe–Ito, reordered for use on a white background.
  public static let okabeIto: [ChartColor] = [
    ChartColor(hex: 0x0072B2),  // blue
    ChartColor(hex: 0xE69F00),  // orange
    ChartColor(hex: 0x009E73),  // bluish green
    ChartColor(hex: 0xCC79A7),  // reddish purple
    ChartColor(hex: 0x56B4E9),  // sky blue
    ChartColor(hex: 0xD55E00),  // vermillion
    ChartColor(hex: 0x000000),  // black
    ChartColor(hex: 0xF0E442),  // yellow
  ]

  /// The colour for a series' palette index; wraps around after eight series
  /// (marker shapes still tell wrapped series apart).
  public static func color(forIndex index: Int) -> ChartColor {
    let count = okabeIto.count
    return okabeIto[((index % count) + count) % count]
  }
}
