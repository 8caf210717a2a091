import CCairo
import CPangoCairo

/// Renders a `ChartSpec` to PNG or SVG bytes with Cairo, all text set by Pango.
///
/// PNG and SVG come from the same layout and drawing code. SVG output is byte-stable:
/// Cairo's per-process surface ids are renumbered, and with `.configFile` fonts the
/// bytes are the same across processes and machines with the same fonts and Cairo.
/// A renderer holds no per-render state, so one can be shared between tasks.
public struct CairoChartRenderer: Sendable {
  public var theme: ChartTheme
  /// PNG pixels per logical pixel: 2 gives a 1600×900 PNG for an 800×450 chart,
  /// sharp on high-density screens and in print.
  public var pngScale: Double
  private let fonts: FontConfiguration?

  /// Throws if `fonts` names a fontconfig file that cannot be loaded.
  public init(theme: ChartTheme = .standard, fonts: FontSource = .system, pngScale: Double = 2) throws(ChartRenderError)
  {
    self.theme = theme
    self.pngScale = pngScale
    switch fonts {
    case .system: self.fonts = nil
    case .configFile(let path): self.fonts = try FontConfiguration(path: path)
    }
  }

  /// The layout the renderer would draw, measured with the real fonts.
  public func layout(_ spec: ChartSpec) throws(ChartRenderError) -> ChartLayout {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    return try layout(spec, engine)
  }

  /// A PNG (ARGB, `pngScale` × the logical size) of the chart.
  public func png(_ spec: ChartSpec) throws(ChartRenderError) -> [UInt8] {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    return try png(spec, try layout(spec, engine), engine)
  }

  /// The chart as PNG and SVG (each only when asked for) from one layout and one text engine:
  /// the same bytes as `png(_:)` and `svg(_:idPrefix:)`, but the text is measured once
  /// rather than once per format (measuring was most of a render besides PNG compression).
  public func render(_ spec: ChartSpec, png wantsPNG: Bool, svg wantsSVG: Bool, idPrefix: String? = nil)
    throws(ChartRenderError) -> (png: [UInt8]?, svg: [UInt8]?)
  {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    let layout = try layout(spec, engine)
    let png = wantsPNG ? try png(spec, layout, engine) : nil
    let svg = wantsSVG ? try svg(spec, layout, engine, idPrefix: idPrefix) : nil
    return (png, svg)
  }

  private func png(_ spec: ChartSpec, _ layout: ChartLayout, _ engine: PangoTextEngine) throws(ChartRenderError) -> [UInt8] {
    let surface = try imageSurface(spec, layout, engine)
    defer { cairo_surface_destroy(surface) }
    // Same pixels as cairo_surface_write_to_png_stream, a third of the time (PNGEncoder).
    guard let png = PNGEncoder.encode(surface) else {
      throw .cairo(stage: "encoding the PNG", status: "zlib failed")
    }
    return png
  }

  /// The chart drawn on a new ARGB32 image surface (`pngScale` × the logical size); the
  /// caller destroys it.
  func imageSurface(_ spec: ChartSpec) throws(ChartRenderError) -> OpaquePointer {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    return try imageSurface(spec, try layout(spec, engine), engine)
  }

  private func imageSurface(_ spec: ChartSpec, _ layout: ChartLayout, _ engine: PangoTextEngine) throws(ChartRenderError)
    -> OpaquePointer
  {
    let width = Int32((spec.size.width * pngScale).rounded(.up))
    let height = Int32((spec.size.height * pngScale).rounded(.up))
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
      throw .cairo(stage: "creating the PNG surface", status: "no surface")
    }
    do {
      try Self.check(cairo_surface_status(surface), "creating the \(width)×\(height) PNG surface")
      cairo_surface_set_device_scale(surface, pngScale, pngScale)
      try paint(spec, layout, engine, on: surface)
    } catch {
      cairo_surface_destroy(surface)
      throw error
    }
    return surface
  }

  /// Cairo's own PNG writer on `surface`: the reference the tests compare PNGEncoder with.
  static func cairoPNG(_ surface: OpaquePointer) -> [UInt8] {
    let sink = ByteSink()
    let context = Unmanaged.passRetained(sink)
    defer { context.release() }
    _ = cairo_surface_write_to_png_stream(surface, ByteSink.write, context.toOpaque())
    return sink.bytes
  }

  /// An SVG document (unit px, the logical size) of the chart, with surface ids
  /// renumbered for byte-stable output. With `idPrefix`, every id and reference is
  /// prefixed so the SVG can be inlined into a page next to other charts.
  public func svg(_ spec: ChartSpec, idPrefix: String? = nil) throws(ChartRenderError) -> [UInt8] {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    return try svg(spec, try layout(spec, engine), engine, idPrefix: idPrefix)
  }

  private func svg(_ spec: ChartSpec, _ layout: ChartLayout, _ engine: PangoTextEngine, idPrefix: String?)
    throws(ChartRenderError) -> [UInt8]
  {
    let sink = ByteSink()
    let context = Unmanaged.passRetained(sink)
    defer { context.release() }
    guard
      let surface = cairo_svg_surface_create_for_stream(
        ByteSink.write, context.toOpaque(), spec.size.width, spec.size.height)
    else { throw .cairo(stage: "creating the SVG surface", status: "no surface") }
    defer { cairo_surface_destroy(surface) }
    try Self.check(cairo_surface_status(surface), "creating the SVG surface")
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
    try paint(spec, layout, engine, on: surface)
    cairo_surface_finish(surface)
    try Self.check(cairo_surface_status(surface), "writing the SVG")
    let document = try SVGPostProcessor.rewrite(sink.bytes, normalizeSurfaces: true, prefix: idPrefix)
    return document.serialized()
  }

  /// The texts in the chart that contain characters no available font can draw
  /// (they would show as boxes), e.g. Chinese titles on a machine without a CJK font.
  /// Empty when every glyph is covered; a report can warn with
  /// "install fonts-wqy-microhei" otherwise.
  public func textsWithMissingGlyphs(in spec: ChartSpec) throws(ChartRenderError) -> [String] {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    let layout = try layout(spec, engine)
    var seen: Set<String> = []
    return layout.allTexts.filter { text in
      engine.unknownGlyphCount(of: text.text, font: text.font) > 0 && seen.insert(text.text).inserted
    }.map(\.text)
  }

  /// How many characters of `text` no available font can draw at the theme's tick size.
  public func missingGlyphCount(in text: String) throws(ChartRenderError) -> Int {
    let engine = try PangoTextEngine.forCurrentThread(families: theme.fontFamilies, fonts: fonts)
    return engine.unknownGlyphCount(of: text, font: theme.tickLabelFont)
  }

  /// The Cairo version in use (e.g. "1.16.0"). SVG bytes are only comparable between
  /// runs with the same Cairo version.
  public static var cairoVersion: String {
    String(cString: cairo_version_string())
  }

  /// The Pango version in use (e.g. "1.50.12").
  public static var pangoVersion: String {
    String(cString: pango_version_string())
  }

  // MARK: - Shared drawing

  private func layout(_ spec: ChartSpec, _ engine: PangoTextEngine) throws(ChartRenderError) -> ChartLayout {
    do {
      return try ChartLayout(spec: spec, theme: theme, measurer: engine)
    } catch {
      throw .invalidSpec(error)
    }
  }

  private func paint(
    _ spec: ChartSpec, _ layout: ChartLayout, _ engine: PangoTextEngine, on surface: OpaquePointer
  ) throws(ChartRenderError) {
    guard let cairo = cairo_create(surface) else {
      throw .cairo(stage: "creating a drawing context", status: "no context")
    }
    defer { cairo_destroy(cairo) }
    try Self.check(cairo_status(cairo), "creating a drawing context")
    ChartPainter(cairo: cairo, theme: theme, text: engine).paint(spec, layout)
    try Self.check(cairo_status(cairo), "drawing the chart")
  }

  private static func check(_ status: cairo_status_t, _ stage: String) throws(ChartRenderError) {
    guard status == CAIRO_STATUS_SUCCESS else {
      throw .cairo(stage: stage, status: String(cString: cairo_status_to_string(status)))
    }
  }

  /// Collects what Cairo writes through its stream callback.
  private final class ByteSink {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
      guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
      let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
      sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
      return CAIRO_STATUS_SUCCESS
    }
  }
}
