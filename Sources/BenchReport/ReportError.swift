/// Problems producing a report, each naming the file to fix.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  case templatesNotFound(searched: [String])
  case missingTemplate(path: String)
  case invalidTemplate(path: String, line: Int, column: Int, message: String)
  case missingStrings(path: String)
  case invalidStrings(path: String, message: String)
  case cannotWrite(path: String, message: String)
  /// `{{> name}}` names a partial that is in none of the searched folders.
  case missingPartial(path: String, line: Int, column: Int, name: String, searched: [String])
  /// The HTML rendered from `template` is not well-formed XML (position in the output).
  case malformedHTML(template: String, line: Int, column: Int, message: String)
  /// `templates show NAME` named no file of the template set.
  case unknownTemplate(name: String, directory: String, available: [String])
  /// `templates init` would replace files that exist.
  case wouldOverwrite(paths: [String])
  case cannotRead(path: String, message: String)

  public var description: String {
    switch self {
    case .templatesNotFound(let searched):
      "cannot find the templates folder (looked in: \(searched.joined(separator: ", "))); pass --templates DIR"
    case .missingTemplate(let path): "template \(path) does not exist"
    case .invalidTemplate(let path, let line, let column, let message):
      "\(path):\(line):\(column): template error: \(message)"
    case .missingStrings(let path): "strings catalogue \(path) does not exist"
    case .invalidStrings(let path, let message): "\(path): not a JSON object of strings: \(message)"
    case .cannotWrite(let path, let message): "cannot write \(path): \(message)"
    case .missingPartial(let path, let line, let column, let name, let searched):
      "\(path):\(line):\(column): template error: partial “\(name)” does not exist (looked for "
        + searched.joined(separator: ", ") + "); create it or correct the name"
    case .malformedHTML(let template, let line, let column, let message):
      "the HTML rendered from \(template) is not well-formed XHTML at output line \(line), column \(column): \(message); "
        + "HTML templates must be XHTML (close every element, e.g. <br/>; write & as &amp;). "
        + "Text from input files is cleaned of the characters XML forbids, so with an unchanged default "
        + "template this is a benchreport bug: please report it with the input"
    case .unknownTemplate(let name, let directory, let available):
      "no template “\(name)” in \(directory); available: \(available.joined(separator: ", "))"
    case .wouldOverwrite(let paths):
      "refusing to overwrite \(paths.count) existing file(s): \(paths.prefix(5).joined(separator: ", "))"
        + (paths.count > 5 ? ", …" : "") + "; pass --force to replace them"
    case .cannotRead(let path, let message): "cannot read \(path): \(message)"
    }
  }
}
