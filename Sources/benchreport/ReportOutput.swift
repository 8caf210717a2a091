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
/// file and line, the first in format order) leaves the previous reports in place. A chart
/// that cannot be drawn (a value no axis can hold) is left out with a note — the documents
/// are rendered again without it — never the whole report.
struct ReportOutput {
  let selection: OutputSelection
  let writer: OutputWriter

  /// A document's file name and text, or its template's error.
  typealias Document = Result<(name: String, text: String), ReportError>

  /// Renders a group of formats that share a view model with the given chart links and notes
  /// about charts left out (to list with the skipped inputs), returning each format's document.
  typealias Render = @Sendable ([ReportFormat], [ChartLink], [SkippedInput]) -> [Document]

  /// Writes `charts` and the selected documents. The paths written, the links as the
  /// documents saw them (with the inline markup in place) and a note per chart left out.
  func produce(
    charts: [NamedChart], render: @escaping Render
  ) throws -> (written: [String], links: [ChartLink], leftOut: [SkippedInput]) {
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
      case chart(Int, Result<ChartWriter.Rendered, ChartRenderError>)
    }
    // The documents first: each takes several charts' time (the HTML report the longest), and
    // the charts then fill both cores to the end.
    var jobs = selection.documentGroups.map(Job.documents)
    if chartWriter != nil { jobs += charts.indices.map(Job.chart) }
    let outputs = ParallelMap.map(jobs) { job -> Output in
      switch job {
      case .documents(let formats): return .documents(Array(zip(formats, render(formats, links, []))))
      case .chart(let index): return .chart(index, chartWriter!.render(charts[index], index: index))
      }
    }

    var documents: [ReportFormat: Document] = [:]
    var rendered: [ChartWriter.Rendered] = []
    var keptLinks: [ChartLink] = []
    var leftOut: [SkippedInput] = []
    for output in outputs {
      switch output {
      case .documents(let results): for (format, result) in results { documents[format] = result }
      case .chart(let index, .success(let chart)):
        rendered.append(chart)
        keptLinks.append(links[index])
      case .chart(let index, .failure(let error)):
        leftOut.append(
          SkippedInput(
            location: SourceLocation(path: links[index].png ?? links[index].svg ?? charts[index].fileStem),
            kind: .unsupported, reason: "chart left out: it cannot be drawn (\(error))"))
      }
    }
    if !leftOut.isEmpty {
      // Rare: render the documents again, without the charts that are not there. The inline
      // placeholders are numbered by planned index, so the kept links keep their markup.
      for group in selection.documentGroups {
        for (format, result) in zip(group, render(group, keptLinks, leftOut)) { documents[format] = result }
      }
    }
    let texts: [(format: ReportFormat, name: String, text: String)]
    do {
      texts = try selection.requestedFormats.map { format in
        let document = try documents[format]!.get()
        return (format, document.name, document.text)
      }
    } catch {
      FileHandle.standardError.write(Data("benchreport: \(error)\n".utf8))
      throw ExitCode(2)
    }
    // Placeholders carry the planned index; `rendered` is indexed by kept position.
    var renderedByPlannedIndex = [ChartWriter.Rendered](repeating: ChartWriter.Rendered(), count: links.count)
    var keptIndex = 0
    for output in outputs {
      if case .chart(let index, .success) = output {
        renderedByPlannedIndex[index] = rendered[keptIndex]
        keptIndex += 1
      }
    }
    var written: [String] = []
    if let chartWriter { written += try chartWriter.write(keptLinks, rendered) }
    for (format, name, text) in texts {
      // Only the HTML report inlines charts; input text that happens to look like a
      // placeholder must stay text in analysis.json and the Markdown files.
      let filled = format == .html ? ChartWriter.fillInlineMarkup(in: text, renderedByPlannedIndex) : text
      written.append(try writer.write(filled, to: name))
    }
    let finalLinks = zip(keptLinks, rendered).map { link, output in
      var link = link
      if link.hasSVGMarkup { link.svgMarkup = output.markup ?? "" }
      return link
    }
    return (written, finalLinks, leftOut)
  }
}
