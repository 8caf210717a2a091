/// A history file that cannot be used, with what to do. None of these changes the file.
public enum HistoryError: Error, Equatable, CustomStringConvertible {
  case missing(path: String)
  case notAHistory(path: String, detail: String)
  case corrupt(path: String, detail: String)
  case newerSchema(path: String, found: [String], supported: Int)
  case locked(path: String)
  case readOnly(path: String)
  case sqlite(path: String, detail: String)
  case noSuchAnalysis(path: String, id: Int)

  public var description: String {
    switch self {
    case .missing(let path):
      "\(path): no such history file (benchreport analyze … --history \(path) creates it)"
    case .notAHistory(let path, let detail):
      "\(path): not a benchreport history file (\(detail)); give another --history path, nothing was written"
    case .corrupt(let path, let detail):
      "\(path): the history file is damaged (\(detail)); nothing was written to it. Restore it from version control or a backup; `sqlite3 \(path) .recover` may save its rows"
    case .newerSchema(let path, let found, let supported):
      "\(path): written by a newer benchreport (schema migrations \(found.joined(separator: ", ")); this one knows \(supported)); nothing was written: update benchreport"
    case .locked(let path):
      "\(path): the history file is locked by another process (waited 5 s); nothing was written: try again when it has finished"
    case .readOnly(let path):
      "\(path): the history file or its folder is read-only; nothing was written"
    case .sqlite(let path, let detail):
      "\(path): \(detail)"
    case .noSuchAnalysis(let path, let id):
      "\(path): no recorded analysis #\(id) (benchreport history list \(path) shows them)"
    }
  }
}
