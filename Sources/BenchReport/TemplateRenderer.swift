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
      let tag = Self.tagPosition(of: error, in: text)
      let line = tag?.line ?? error.context.lineNumber
      let column = tag?.column ?? error.context.columnNumber
      let lineText = tag?.text ?? error.context.line
      throw .invalidTemplate(
        path: path, line: line, column: column,
        message: "\(Self.explain(error.error)) near “\(lineText.trimmingCharacters(in: .whitespaces))”")
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

  /// Where the broken tag starts (1-based line and column, and the line's text). Mustache reports
  /// where it gave up: the end of the file for a section that is never closed, the next line for
  /// a tag without `}}`. With the default delimiters, point at the innermost section still open
  /// at the end, or at the last `{{` before mustache's position; nil when that cannot be told.
  static func tagPosition(of error: MustacheTemplate.ParserError, in text: String) -> (line: Int, column: Int, text: String)? {
    guard !text.contains("{{=") else { return nil }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Array.init)
    var tags: [(line: Int, column: Int, opens: Bool?)] = []
    for (lineIndex, line) in lines.enumerated() {
      for index in line.indices.dropLast()
      where line[index] == "{" && line[index + 1] == "{" && (index == 0 || line[index - 1] != "{") {
        let opens: Bool?
        switch line[(index + 2)...].first(where: { !$0.isWhitespace && $0 != "{" }) {
        case "#", "^", "$", "<": opens = true
        case "/": opens = false
        default: opens = nil
        }
        tags.append((lineIndex, index, opens))
      }
    }
    let found: (line: Int, column: Int)?
    if case .expectedSectionEnd = error.error as? MustacheTemplate.Error {
      var open: [(line: Int, column: Int)] = []
      for tag in tags {
        if tag.opens == true { open.append((tag.line, tag.column)) }
        if tag.opens == false { _ = open.popLast() }
      }
      found = open.last
    } else {
      let errorLine = error.context.lineNumber - 1
      let errorColumn = error.context.columnNumber - 1
      found = tags.last(where: { $0.line < errorLine || ($0.line == errorLine && $0.column < errorColumn) })
        .map { ($0.line, $0.column) }
    }
    guard let found, found.line < lines.count else { return nil }
    return (found.line + 1, found.column + 1, String(lines[found.line]))
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
