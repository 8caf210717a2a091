import CCairo
import Testing

@testable import BenchCharts

/// The reference is Cairo's own PNG writer: both files, decoded by Cairo (libpng), must give
/// the same pixels.
struct PNGEncoderTests {
  /// Decodes a PNG with Cairo: (width, height, ARGB32 rows without stride padding).
  static func decode(_ png: [UInt8]) -> (Int, Int, [UInt32])? {
    final class Source {
      var bytes: [UInt8]
      var offset = 0
      init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let source = Source(png)
    let context = Unmanaged.passRetained(source)
    defer { context.release() }
    let read: cairo_read_func_t = { closure, data, length in
      guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
      let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
      let count = Int(length)
      guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
      for index in 0..<count { data[index] = source.bytes[source.offset + index] }
      source.offset += count
      return CAIRO_STATUS_SUCCESS
    }
    guard let surface = cairo_image_surface_create_from_png_stream(read, context.toOpaque()),
      cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
    else { return nil }
    defer { cairo_surface_destroy(surface) }
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let data = cairo_image_surface_get_data(surface) else { return nil }
    var pixels: [UInt32] = []
    for y in 0..<height {
      for x in 0..<width {
        pixels.append(UnsafeRawPointer(data).loadUnaligned(fromByteOffset: y * stride + x * 4, as: UInt32.self))
      }
    }
    return (width, height, pixels)
  }

  static func expectSamePixels(_ surface: OpaquePointer, _ comment: Comment) throws {
    let ours = try #require(PNGEncoder.encode(surface))
    let cairos = CairoChartRenderer.cairoPNG(surface)
    let decodedOurs = try #require(Self.decode(ours), comment)
    let decodedCairos = try #require(Self.decode(cairos), comment)
    #expect(decodedOurs.0 == decodedCairos.0 && decodedOurs.1 == decodedCairos.1, comment)
    #expect(decodedOurs.2 == decodedCairos.2, comment)
    #expect(TestSupport.pngDimensions(ours)?.width == decodedCairos.0)
  }

  @Test func chartsHaveCairosPixels() throws {
    let renderer = try TestSupport.pinnedRenderer()
    for (name, spec) in [
      ("throughput", TestSupport.throughputChart(chinese: true)), ("rate", TestSupport.requestRateChart()),
      ("histogram", TestSupport.histogramChart()), ("percentiles", TestSupport.percentileChart()),
    ] {
      let surface = try renderer.imageSurface(spec)
      defer { cairo_surface_destroy(surface) }
      try Self.expectSamePixels(surface, "\(name)")
    }
  }

  /// Translucent and fully transparent pixels: RGBA, unpremultiplied with Cairo's rounding.
  @Test func translucentImagesAreRGBAWithCairosRounding() throws {
    let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 67, 41))
    defer { cairo_surface_destroy(surface) }
    let cairo = try #require(cairo_create(surface))
    for index in 0..<40 {
      cairo_set_source_rgba(cairo, Double(index % 7) / 6, Double(index % 5) / 4, Double(index % 3) / 2, Double(index) / 40)
      cairo_rectangle(cairo, Double(index), Double(index % 13), 9.5, 17.25)
      cairo_fill(cairo)
    }
    cairo_destroy(cairo)
    let png = try #require(PNGEncoder.encode(surface))
    #expect(png[25] == 6)  // IHDR colour type: RGBA
    try Self.expectSamePixels(surface, "translucent")
  }
}
