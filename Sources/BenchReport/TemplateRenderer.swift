import Foundation
import Mustache

/// Renders a report template (Mustache) with the view model. Partials (`{{> name}}`) come from
/// the template's own folder and its `partials/` subfolder, so a user's copied template set
/// works as a unit.
public struct TemplateRenderer {
  public init() {}

  public func render(templateAt path: String, context: ReportContext) throws(ReportError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw .missingTemplate(path: path) }
    let template = try parse(String(decoding: data, as: UTF8.self), path: path)
    let library = try partials(near: path)
    return template.render(context, library: library)
  }

  func parse(_ text: String, path: String) throws(ReportError) -> MustacheTemplate {
    do {
      return try MustacheTemplate(string: text)
    } catch let error as MustacheTemplate.ParserError {
      throw .invalidTemplate(
        path: path, line: error.context.lineNumber, column: error.context.columnNumber,
        message: "\(Self.explain(error.error)) near “\(error.context.line.trimmingCharacters(in: .whitespaces))”")
    } catch {
      throw .invalidTemplate(path: path, line: 1, column: 1, message: "\(error)")
    }
  }

  /// Every `*.mustache` file in `partials/` beside the template, registered by base name.
  func partials(near templatePath: String) throws(ReportError) -> MustacheLibrary {
    var library = MustacheLibrary()
    let folder = ((templatePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("partials")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return library }
    for name in names.sorted() where name.hasSuffix(".mustache") {
      let path = (folder as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      library.register(try parse(String(decoding: data, as: UTF8.self), path: path), named: String(name.dropLast(".mustache".count)))
    }
    return library
  }

  static func explain(_ error: Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened ({{#a}}…{{/b}})"
    case .unfinishedName: return "a tag is not closed with }}"
    case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed"
    case .invalidSetDelimiter: return "invalid set-delimiter tag"
    case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
    case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
    case .textInsideInheritSection: return "text inside an inheritance section"
    case .invalidConfigVariableSyntax: return "invalid pragma syntax ({{% NAME: value}})"
    case .unrecognisedConfigVariable: return "unknown pragma"
    }
  }
}
