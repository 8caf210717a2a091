import BenchCharts
import Foundation

/// Renders one output document from the report input: the view model built with the format's
/// escaping, its template rendered in the format's mode, and HTML checked with libxml2 to be
/// well-formed XHTML before anyone writes it.
public struct ReportRenderer: Sendable {
  public let strings: StringsCatalogue
  /// The default templates (and `partials/`), e.g. `templates/` or a user's copy of it.
  public let templatesDirectory: String
  /// Prefix for chart links in the templates (`ChartLink.url`); nil keeps them relative.
  public var linkBase: String?

  public init(strings: StringsCatalogue, templatesDirectory: String, linkBase: String? = nil) {
    self.strings = strings
    self.templatesDirectory = templatesDirectory
    self.linkBase = linkBase
  }

  /// The default template of `format` in `templatesDirectory`.
  public func defaultTemplatePath(for format: ReportFormat) -> String? {
    format.defaultTemplate.map { (templatesDirectory as NSString).appendingPathComponent($0) }
  }

  /// The document for `format`, from `template` (a path) or the format's default template.
  public func render(_ format: ReportFormat, _ input: ReportInput, template: String? = nil) throws(ReportError)
    -> String
  {
    try render([format], input, templates: template.map { [format: $0] } ?? [:])[0].get()
  }

  /// The documents for `formats`, in that order: formats that escape text alike (the weekly
  /// report and the PR comment) share one view model, built and boxed once. Each result is the
  /// document or the error of its template.
  public func render(_ formats: [ReportFormat], _ input: ReportInput, templates: [ReportFormat: String] = [:])
    -> [Result<String, ReportError>]
  {
    var contexts: [String: Any] = [:]
    return formats.map { format in
      Result { () throws(ReportError) -> String in
        guard let templatePath = templates[format] ?? defaultTemplatePath(for: format) else {
          return AnalysisJSONWriter(strings: strings).render(input)
        }
        let context =
          contexts[format.escaping.name]
          ?? MustacheBox.box(
            ReportContextBuilder(strings: strings, escaping: format.escaping, linkBase: linkBase).build(input))
        contexts[format.escaping.name] = context
        return try render(templateAt: templatePath, context: context, format: format)
      }
    }
  }

  /// The comparison document for `format`, from `template` or the format's default
  /// comparison template (`compare.md`, `compare.html`, `compare-pr.md`).
  public func renderComparison(_ format: ReportFormat, _ input: ComparisonReportInput, template: String? = nil)
    throws(ReportError) -> String
  {
    guard let templatePath = template ?? format.comparisonTemplate.map({ (templatesDirectory as NSString).appendingPathComponent($0) })
    else {
      return ComparisonJSONWriter().render(input)
    }
    let context = ComparisonContextBuilder(strings: strings, escaping: format.escaping, linkBase: linkBase).build(input)
    return try render(templateAt: templatePath, context: context, format: format)
  }

  /// `context` through the template in the format's mode (partials from beside the template,
  /// then the default set), HTML checked for well-formedness.
  func render(templateAt templatePath: String, context: Any, format: ReportFormat) throws(ReportError) -> String {
    let renderer = TemplateRenderer(
      mode: format.templateMode,
      fallbackPartialFolders: [(templatesDirectory as NSString).appendingPathComponent("partials")])
    let text = try renderer.render(templateAt: templatePath, context: context)
    if format == .html {
      try Self.checkWellFormed(text, template: templatePath)
    }
    return text
  }

  /// Throws `malformedHTML` at the first error libxml2 finds in `html`.
  static func checkWellFormed(_ html: String, template: String) throws(ReportError) {
    guard let issue = XMLWellFormedness.issues(in: html).first(where: { $0.severity != .warning }) else { return }
    throw .malformedHTML(template: template, line: issue.line, column: issue.column, message: issue.message)
  }
}
