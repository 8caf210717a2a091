import ArgumentParser
import BenchCharts
import BenchModel
import BenchReport
import Foundation

/// Draws the charts and renders the documents side by side, then writes them all.
///
/// Why: drawing the charts and rendering the documents were two phases, each on all cores;
/// the HTML report alone (the longest document, hundreds of milliseconds for a long Locust
/// sweep) then ran on one core while the other waited. The documents only need the charts'
/// links, known in advance (`ChartWriter.plannedLinks`), and the HTML its inline `<svg>`
/// elements, put in afterwards in place of placeholders. So everything is one list of jobs:
/// the documents, then the charts.
///
/// Nothing is written before everything rendered: a broken template (exit 2, reported with
/// file and line, the first in format order) or a chart that cannot be drawn leaves the
/// previous reports in place.
struct ReportOutput {
  let selection: OutputSelection
  let writer: OutputWriter

  /// A document's file name and text, or its template's error.
  typealias Document = Result<(name: String, text: String), ReportError>

  /// Writes `charts` and the selected documents; `render` gets a group of formats that share
  /// a view model and the chart links, and returns each format's document. The paths written,
  /// and the links as the documents saw them (with the inline markup in place).
  func produce(
    charts: [NamedChart], render: @escaping @Sendable ([ReportFormat], [ChartLink]) -> [Document]
  ) throws -> (written: [String], links: [ChartLink]) {
    let chartWriter: ChartWriter? =
      selection.chartFormats.isEmpty
      ? nil
      : try ChartWriter(formats: selection.chartFormats, writer: writer, inlineSVG: selection.formats.contains(.html))
    let links = chartWriter?.plannedLinks(charts) ?? []

    enum Job: Sendable {
      case documents([ReportFormat])
      case chart(Int)
    }
    enum Output: Sendable {
      case documents([(ReportFormat, Document)])
      case chart(Result<ChartWriter.Rendered, ChartRenderError>)
    }
    // The documents first: each takes several charts' time (the HTML report the longest), and
    // the charts then fill both cores to the end.
    var jobs = selection.documentGroups.map(Job.documents)
    if chartWriter != nil { jobs += charts.indices.map(Job.chart) }
    let outputs = ParallelMap.map(jobs) { job -> Output in
      switch job {
      case .documents(let formats): return .documents(Array(zip(formats, render(formats, links))))
      case .chart(let index): return .chart(chartWriter!.render(charts[index], index: index))
      }
    }

    var documents: [ReportFormat: Document] = [:]
    var rendered: [ChartWriter.Rendered] = []
    for output in outputs {
      switch output {
      case .documents(let results): for (format, result) in results { documents[format] = result }
      case .chart(let result): rendered.append(try result.get())
      }
    }
    let texts: [(name: String, text: String)]
    do {
      texts = try selection.requestedFormats.map { try documents[$0]!.get() }
    } catch {
      FileHandle.standardError.write(Data("benchreport: \(error)\n".utf8))
      throw ExitCode(2)
    }
    var written: [String] = []
    if let chartWriter { written += try chartWriter.write(links, rendered) }
    for (name, text) in texts {
      written.append(try writer.write(ChartWriter.fillInlineMarkup(in: text, rendered), to: name))
    }
    let finalLinks = zip(links, rendered).map { link, output in
      var link = link
      if link.hasSVGMarkup { link.svgMarkup = output.markup ?? "" }
      return link
    }
    return (written, finalLinks)
  }
}
