import BenchCharts
import BenchIngest
import BenchModel
import BenchReport
import Foundation

/// Renders the report's charts with Cairo and writes them to `charts/<stem>.png|svg`; for the
/// HTML report it also keeps each chart's `<svg>` element, ids prefixed per chart (`c1-`,
/// `c2-`, …) so the charts inlined into one page do not share glyph ids.
///
/// The links to the charts are known before any is drawn (`plannedLinks`), so the documents can
/// be rendered while the charts are: the inline `<svg>` of a link is then a placeholder comment
/// that `fillInlineMarkup` replaces once the chart exists (see `ReportOutput`).
struct ChartWriter: Sendable {
  let formats: Set<String>
  let writer: OutputWriter
  /// Whether to produce inline SVG markup (the HTML report is written).
  var inlineSVG = false
  let renderer: CairoChartRenderer

  init(formats: Set<String>, writer: OutputWriter, inlineSVG: Bool = false) throws {
    self.formats = formats
    self.writer = writer
    self.inlineSVG = inlineSVG
    renderer = try CairoChartRenderer(theme: .standard, fonts: .system, pngScale: 2)
  }

  /// One chart's files, and its inline `<svg>` element when the HTML report wants one.
  struct Rendered: Sendable {
    var png: [UInt8]?
    var svg: [UInt8]?
    var markup: String?
  }

  var wantsPNG: Bool { formats.contains("png") }
  var writesSVG: Bool { formats.contains("svg") }

  /// The links the charts will have once written: paths by format, and in place of the inline
  /// markup a placeholder (`placeholder(index:)`).
  func plannedLinks(_ charts: [NamedChart]) -> [ChartLink] {
    charts.enumerated().map { index, chart in
      ChartLink(
        chart: chart, png: wantsPNG ? "charts/\(chart.fileStem).png" : nil,
        svg: writesSVG ? "charts/\(chart.fileStem).svg" : nil,
        svgMarkup: inlineSVG ? Self.placeholder(index: index) : nil)
    }
  }

  /// Draws chart `index`: PNG and SVG from one layout, and the SVG's inline form.
  func render(_ chart: NamedChart, index: Int) -> Result<Rendered, ChartRenderError> {
    Result { () throws(ChartRenderError) -> Rendered in
      let (png, svg) = try renderer.render(chart.spec, png: wantsPNG, svg: writesSVG || inlineSVG)
      guard inlineSVG, let svg else { return Rendered(png: png, svg: svg) }
      return Rendered(png: png, svg: svg, markup: try SVGPostProcessor.inlineElement(svg, idPrefix: "c\(index + 1)-"))
    }
  }

  /// Writes the rendered charts' files in chart order, to the paths of their planned links;
  /// the paths written.
  func write(_ links: [ChartLink], _ rendered: [Rendered]) throws -> [String] {
    var paths: [String] = []
    for (link, output) in zip(links, rendered) {
      if let path = link.png, let bytes = output.png { paths.append(try writer.write(Data(bytes), to: path)) }
      if let path = link.svg, let bytes = output.svg { paths.append(try writer.write(Data(bytes), to: path)) }
    }
    return paths
  }

  // MARK: Inline markup

  /// An XML comment standing for chart `index`'s `<svg>` element until it is drawn: it passes
  /// through the templates (written with `{{{svgMarkup}}}`) and the XHTML check unchanged,
  /// and cannot occur in text, which the templates escape. It carries a random token drawn
  /// once per run, so no input (a file named like a placeholder) can predict it; and only the
  /// HTML report is searched for it.
  static func placeholder(index: Int) -> String { "\(placeholderPrefix)\(index)-->" }
  static let placeholderPrefix: String = {
    var generator = SystemRandomNumberGenerator()
    let token = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
    return "<!--benchreport-inline-chart-\(token)-"
  }()

  /// `document` with every placeholder replaced by its chart's `<svg>` element. Searched as
  /// bytes: Foundation's `range(of:)` took a quarter of a second on a 5 MB report.
  static func fillInlineMarkup(in document: String, _ rendered: [Rendered]) -> String {
    var document = document
    let prefix = Array(placeholderPrefix.utf8)
    let filled: [UInt8]? = document.withUTF8 { bytes in
      var result: [UInt8] = []
      var copied = 0
      var index = 0
      while let found = ByteSearch.firstOccurrence(of: prefix, in: bytes, from: index) {
        // The chart number and the closing "-->".
        var end = found + prefix.count
        var number = 0
        while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, number < 1 << 40 {
          number = number * 10 + Int(bytes[end] - 0x30)
          end += 1
        }
        let closes = end + 3 <= bytes.count && bytes[end] == 0x2D && bytes[end + 1] == 0x2D && bytes[end + 2] == 0x3E
        guard end > found + prefix.count, closes, rendered.indices.contains(number) else {
          index = found + 1
          continue
        }
        if result.isEmpty { result.reserveCapacity(bytes.count + rendered.reduce(0) { $0 + ($1.markup?.utf8.count ?? 0) }) }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<found]))
        result.append(contentsOf: (rendered[number].markup ?? "").utf8)
        copied = end + 3
        index = copied
      }
      guard copied > 0 else { return nil }
      result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
      return result
    }
    return filled.map { String(decoding: $0, as: UTF8.self) } ?? document
  }
}
