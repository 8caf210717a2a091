import BenchCharts
import BenchReport
import Foundation

/// Renders the report's charts with Cairo and writes them to `charts/<stem>.png|svg`.
struct ChartWriter {
  let formats: Set<String>
  let writer: OutputWriter

  func write(_ charts: [NamedChart]) throws -> (links: [ChartLink], paths: [String]) {
    let renderer = try CairoChartRenderer(theme: .standard, fonts: .system, pngScale: 2)
    var links: [ChartLink] = []
    var paths: [String] = []
    for chart in charts {
      var png: String?
      var svg: String?
      if formats.contains("png") {
        png = "charts/\(chart.fileStem).png"
        paths.append(try writer.write(Data(try renderer.png(chart.spec)), to: png!))
      }
      if formats.contains("svg") {
        svg = "charts/\(chart.fileStem).svg"
        paths.append(try writer.write(Data(try renderer.svg(chart.spec)), to: svg!))
      }
      links.append(ChartLink(chart: chart, png: png, svg: svg))
    }
    return (links, paths)
  }
}
