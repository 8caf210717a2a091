import Foundation

/// The trend report alone (`benchreport trend`): `trend.md` and `trend.html` from the
/// `trend.md` / `trend.html` templates, and `trend.json`.
public struct TrendDocuments: Sendable {
  public let renderer: ReportRenderer

  public init(renderer: ReportRenderer) {
    self.renderer = renderer
  }

  /// The document of `format` (`md`, `html` or `json`).
  public func render(_ format: ReportFormat, _ input: TrendReportInput) throws(ReportError) -> String {
    guard format == .markdown || format == .html else { return TrendJSONWriter().render(input) }
    let strings = renderer.strings
    var context = TrendContextBuilder(strings: strings, escaping: format.escaping).build(input)
    context.sweeps = context.sweeps.map { sweep in
      var sweep = sweep
      sweep.charts = sweep.charts.map { link in
        var link = link
        if let base = renderer.linkBase { link.url = base + "/" + link.image }
        return link
      }
      return sweep
    }
    let view = TrendDocumentContext(
      s: strings.entries, language: strings.language.rawValue,
      title: strings["section_trends"], subtitle: context.intro, trends: context)
    let template = (renderer.templatesDirectory as NSString).appendingPathComponent(
      format == .html ? "trend.html" : "trend.md")
    return try renderer.render(templateAt: template, context: MustacheBox.box(view), format: format)
  }
}

/// What `trend.md` / `trend.html` see: the weekly report's top-level names that apply, and
/// `trends` as in the weekly templates.
struct TrendDocumentContext: Sendable {
  var s: [String: String]
  var language: String
  var title: String
  var subtitle: String
  var trends: TrendContext
}
