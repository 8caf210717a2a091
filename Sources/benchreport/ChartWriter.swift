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
    // Every chart × format is rendered on its own thread (rendering, mostly PNG encoding, was
    // most of the run's time; the renderer is safe to share); files are written afterwards in
    // chart order.
    let wantsSVG = formats.contains("svg") || inlineSVG
    let jobs = charts.flatMap { chart in
      (formats.contains("png") ? [(chart, "png")] : []) + (wantsSVG ? [(chart, "svg")] : [])
    }
    let rendered = ParallelMap.map(jobs) { chart, format in
      Result { () throws(ChartRenderError) -> [UInt8] in
        format == "png" ? try renderer.png(chart.spec) : try renderer.svg(chart.spec)
      }
    }
    var links: [ChartLink] = []
    var paths: [String] = []
    var next = 0
    for (index, chart) in charts.enumerated() {
      var png: String?
      var svg: String?
      var markup: String?
      if formats.contains("png") {
        png = "charts/\(chart.fileStem).png"
        paths.append(try writer.write(Data(try rendered[next].get()), to: png!))
        next += 1
      }
      if wantsSVG {
        let bytes = try rendered[next].get()
        next += 1
        if formats.contains("svg") {
          svg = "charts/\(chart.fileStem).svg"
          paths.append(try writer.write(Data(bytes), to: svg!))
        }
        if inlineSVG {
          markup = try SVGPostProcessor.inlineElement(bytes, idPrefix: "c\(index + 1)-")
        }
      }
      links.append(ChartLink(chart: chart, png: png, svg: svg, svgMarkup: markup))
    }
    return (links, paths)
  }
}
