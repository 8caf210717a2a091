import BenchCharts
import BenchIngest
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
    let jobs = charts.enumerated().flatMap { index, chart in
      (formats.contains("png") ? [(index, chart, "png")] : []) + (wantsSVG ? [(index, chart, "svg")] : [])
    }
    // The inline markup (ids prefixed, parsed again by libxml2) is made in the SVG's job too,
    // rather than one chart after another once all are rendered.
    let inlineSVG = self.inlineSVG
    let rendered = ParallelMap.map(jobs) { index, chart, format in
      Result { () throws(ChartRenderError) -> (bytes: [UInt8], markup: String?) in
        guard format == "svg" else { return (try renderer.png(chart.spec), nil) }
        let bytes = try renderer.svg(chart.spec)
        guard inlineSVG else { return (bytes, nil) }
        return (bytes, try SVGPostProcessor.inlineElement(bytes, idPrefix: "c\(index + 1)-"))
      }
    }
    var links: [ChartLink] = []
    var paths: [String] = []
    var next = 0
    for chart in charts {
      var png: String?
      var svg: String?
      var markup: String?
      if formats.contains("png") {
        png = "charts/\(chart.fileStem).png"
        paths.append(try writer.write(Data(try rendered[next].get().bytes), to: png!))
        next += 1
      }
      if wantsSVG {
        let (bytes, inline) = try rendered[next].get()
        next += 1
        if formats.contains("svg") {
          svg = "charts/\(chart.fileStem).svg"
          paths.append(try writer.write(Data(bytes), to: svg!))
        }
        markup = inline
      }
      links.append(ChartLink(chart: chart, png: png, svg: svg, svgMarkup: markup))
    }
    return (links, paths)
  }
}
