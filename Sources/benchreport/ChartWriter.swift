import BenchCharts
import BenchIngest
import BenchReport
import Foundation

/// Renders the report's charts with Cairo and writes them to `charts/<stem>.png|svg`.
struct ChartWriter {
  let formats: Set<String>
  let writer: OutputWriter

  func write(_ charts: [NamedChart]) throws -> (links: [ChartLink], paths: [String]) {
    let renderer = try CairoChartRenderer(theme: .standard, fonts: .system, pngScale: 2)
    // Every chart × format is rendered on its own thread (rendering, mostly PNG encoding, was
    // most of the run's time; the renderer is safe to share); files are written afterwards in
    // chart order.
    let jobs = charts.flatMap { chart in ["png", "svg"].filter(formats.contains).map { (chart, $0) } }
    let rendered = ParallelMap.map(jobs) { chart, format in
      Result { () throws(ChartRenderError) -> [UInt8] in
        format == "png" ? try renderer.png(chart.spec) : try renderer.svg(chart.spec)
      }
    }
    var links: [ChartLink] = []
    var paths: [String] = []
    var next = 0
    for chart in charts {
      var files: [String: String] = [:]
      for format in ["png", "svg"] where formats.contains(format) {
        let name = "charts/\(chart.fileStem).\(format)"
        paths.append(try writer.write(Data(try rendered[next].get()), to: name))
        files[format] = name
        next += 1
      }
      links.append(ChartLink(chart: chart, png: files["png"], svg: files["svg"]))
    }
    return (links, paths)
  }
}
