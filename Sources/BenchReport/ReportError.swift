/// Problems producing a report, each naming the file to fix.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  case templatesNotFound(searched: [String])
  case missingTemplate(path: String)
  case invalidTemplate(path: String, line: Int, column: Int, message: String)
  case missingStrings(path: String)
  case invalidStrings(path: String, message: String)
  case cannotWrite(path: String, message: String)

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
    }
  }
}
