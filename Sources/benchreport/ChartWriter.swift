import BenchCharts
import BenchIngest
import BenchModel
import BenchReport
import Foundation

/// Renders the report's charts with Cairo and writes them to `charts/<stem>.png|svg`; for the
/// HTML report it also keeps each chart's `<svg>` element, ids prefixed per chart (`c1-`,
/// `c2-`, …) so the charts inlined into one page do not share glyph ids.
struct ChartWriter {
  let formats: Set<String>
  let writer: OutputWriter
  /// Whether to produce inline SVG markup (the HTML report is written).
  var inlineSVG = false

  func write(_ charts: [NamedChart]) throws -> (links: [ChartLink], paths: [String]) {
    let renderer = try CairoChartRenderer(theme: .standard, fonts: .system, pngScale: 2)
    // One job per chart, on all cores (rendering, mostly PNG encoding, was most of the run's
    // time; the renderer is safe to share): PNG and SVG from one layout, and the SVG's inline
    // form (ids prefixed per chart) made there too. Files are written afterwards in chart order.
    let wantsPNG = formats.contains("png")
    let wantsSVG = formats.contains("svg") || inlineSVG
    let inlineSVG = self.inlineSVG
    let rendered = ParallelMap.map(Array(charts.enumerated())) { index, chart in
      Result { () throws(ChartRenderError) -> (png: [UInt8]?, svg: [UInt8]?, markup: String?) in
        let (png, svg) = try renderer.render(chart.spec, png: wantsPNG, svg: wantsSVG)
        guard inlineSVG, let svg else { return (png, svg, nil) }
        return (png, svg, try SVGPostProcessor.inlineElement(svg, idPrefix: "c\(index + 1)-"))
      }
    }
    var links: [ChartLink] = []
    var paths: [String] = []
    for (chart, result) in zip(charts, rendered) {
      let output = try result.get()
      var png: String?
      var svg: String?
      if let bytes = output.png {
        png = "charts/\(chart.fileStem).png"
        paths.append(try writer.write(Data(bytes), to: png!))
      }
      if formats.contains("svg"), let bytes = output.svg {
        svg = "charts/\(chart.fileStem).svg"
        paths.append(try writer.write(Data(bytes), to: svg!))
      }
      links.append(ChartLink(chart: chart, png: png, svg: svg, svgMarkup: output.markup))
    }
    return (links, paths)
  }
}
