import CCairo
import Foundation
import CPangoCairo

/// Measures and draws every piece of chart text with Pango.
///
/// Pango, unlike Cairo's toy text API, falls back glyph by glyph through the family
/// list, so "吞吐量" comes from WenQuanYi while Latin text stays DejaVu Sans. Metrics are
/// unhinted, so a text measures the same at 1× (SVG) and 2× (PNG) and both formats
/// share one layout. An engine is used by one thread only; each thread keeps one
/// (`forCurrentThread`).
final class PangoTextEngine: TextMeasuring {
  private let fontMap: UnsafeMutablePointer<PangoFontMap>
  private let context: OpaquePointer
  private let families: String
  private var descriptions: [ChartFont: OpaquePointer] = [:]
  /// Sizes already measured: the layout measures the same tick labels and legend entries
  /// again for every arrangement it tries.
  private var sizes: [MeasuredText: ChartSize] = [:]

  private struct MeasuredText: Hashable {
    var text: String
    var font: ChartFont
  }

  /// The calling thread's engine for these families and fonts, made on first use.
  ///
  /// Why: a new font map per chart matched and loaded the fonts again for every chart
  /// (fontconfig, FreeType and HarfBuzz were a tenth of the chart rendering's CPU). Pango's
  /// objects must not be shared between threads, so each rendering thread keeps its own.
  /// The text is measured and drawn the same either way.
  static func forCurrentThread(families: String, fonts: FontConfiguration?) throws(ChartRenderError) -> PangoTextEngine {
    let key = "benchreport.PangoTextEngine.\(families).\(fonts?.path ?? "system")"
    let storage = Thread.current.threadDictionary
    if let engine = storage[key] as? PangoTextEngine { return engine }
    let engine = try PangoTextEngine(families: families, fonts: fonts)
    storage[key] = engine
    return engine
  }

  init(families: String, fonts: FontConfiguration?) throws(ChartRenderError) {
    guard let fontMap = pango_cairo_font_map_new() else { throw .pango(stage: "creating a font map") }
    if let fonts { cpango_font_map_set_fc_config(fontMap, fonts.config) }
    guard let context = pango_font_map_create_context(fontMap) else {
      g_object_unref(fontMap)
      throw .pango(stage: "creating a Pango context")
    }
    let options = cairo_font_options_create()
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    // Unhinted outlines and metrics: identical text widths at every scale, and SVG
    // glyph paths that do not depend on the fontconfig hinting settings.
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    self.fontMap = fontMap
    self.context = context
    self.families = families
  }

  deinit {
    for description in descriptions.values { pango_font_description_free(description) }
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(fontMap)
  }

  func size(of text: String, font: ChartFont) -> ChartSize {
    let key = MeasuredText(text: text, font: font)
    if let known = sizes[key] { return known }
    let size = withLayout(text, font: font) { layout in
      let extents = logicalExtents(layout)
      return ChartSize(width: extents.width, height: extents.height)
    }
    sizes[key] = size
    return size
  }

  /// How many characters of `text` no available font has a glyph for (drawn as hex
  /// boxes). Non-zero for Chinese text when no CJK font is installed.
  func unknownGlyphCount(of text: String, font: ChartFont) -> Int {
    withLayout(text, font: font) { Int(pango_layout_get_unknown_glyphs_count($0)) }
  }

  /// Draws `text` into its frame on `cairo` in `color`.
  func draw(_ text: PlacedText, color: ChartColor, on cairo: OpaquePointer) {
    cairo_save(cairo)
    cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    if text.isVertical {
      // Rotate a quarter turn anticlockwise about the frame's bottom-left corner: the
      // layout's width then runs up the frame and its height across it.
      cairo_translate(cairo, text.frame.minX, text.frame.maxY)
      cairo_rotate(cairo, -Double.pi / 2)
    } else {
      cairo_translate(cairo, text.frame.minX, text.frame.minY)
    }
    pango_cairo_update_context(cairo, context)
    withLayout(text.text, font: text.font) { layout in
      let extents = logicalExtents(layout)
      cairo_move_to(cairo, -extents.x, -extents.y)
      pango_cairo_show_layout(cairo, layout)
    }
    cairo_restore(cairo)
  }

  private func withLayout<Result>(_ text: String, font: ChartFont, _ body: (OpaquePointer) -> Result) -> Result {
    // GObject constructors abort on allocation failure instead of returning NULL.
    let layout = pango_layout_new(context)!
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    pango_layout_set_font_description(layout, description(for: font))
    pango_layout_set_text(layout, text, -1)
    return body(layout)
  }

  private func logicalExtents(_ layout: OpaquePointer) -> ChartRect {
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, nil, &logical)
    let scale = Double(PANGO_SCALE)
    return ChartRect(
      x: Double(logical.x) / scale, y: Double(logical.y) / scale, width: Double(logical.width) / scale,
      height: Double(logical.height) / scale)
  }

  private func description(for font: ChartFont) -> OpaquePointer {
    if let cached = descriptions[font] { return cached }
    // Never NULL: an unparsable string yields a default description.
    let description = pango_font_description_from_string(families)!
    pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
    pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    descriptions[font] = description
    return description
  }
}
