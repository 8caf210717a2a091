/// Measures text for layout. The renderer measures with Pango; tests and any code that
/// needs a layout without fonts use `ApproximateTextMeasurer`.
public protocol TextMeasuring {
  /// The logical extent of `text` set in `font` on one line, in logical pixels:
  /// advance width and line height (ascent + descent).
  func size(of text: String, font: ChartFont) -> ChartSize
}

/// A font-free measurer: 0.6 em per narrow character, 1 em per wide (CJK) character,
/// 1.2 em line height. Close to DejaVu Sans, good enough for testing layout rules.
public struct ApproximateTextMeasurer: TextMeasuring, Sendable {
  public init() {}

  public func size(of text: String, font: ChartFont) -> ChartSize {
    let ems = text.unicodeScalars.reduce(0.0) { sum, scalar in
      sum + (Self.isWide(scalar) ? 1.0 : 0.6)
    }
    return ChartSize(width: ems * font.size * (font.bold ? 1.1 : 1), height: font.size * 1.2)
  }

  /// East Asian wide ranges that matter for chart labels: CJK ideographs, kana, Hangul,
  /// full-width forms.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
