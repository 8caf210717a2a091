import Foundation

/// Writes report files atomically (temporary file in the same folder, then rename), so a
/// crash or Ctrl-C never leaves a half-written report where the previous one was.
///
/// With a `stagingDirectory`, files go there instead and the paths returned are where they
/// will be once the staging folder is swapped into `directory` (see `OutputTransaction`), so
/// the set replaces the previous report only when every file of it was written.
public struct OutputWriter: Sendable {
  public let directory: String
  /// Where files are really written, when not `directory` itself.
  public let stagingDirectory: String?

  public init(directory: String, stagingDirectory: String? = nil) {
    self.directory = directory
    self.stagingDirectory = stagingDirectory
  }

  /// Writes `contents` to `name` inside the output folder, creating folders as needed, and
  /// returns the path written.
  @discardableResult
  public func write(_ contents: Data, to name: String) throws(ReportError) -> String {
    // Names come from sweep slugs and fixed file names; still, nothing may land outside --out.
    let components = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.hasPrefix("/"), !name.isEmpty, !components.contains(where: { $0 == ".." || $0.isEmpty }) else {
      throw .cannotWrite(path: name, message: "refusing to write outside the output folder")
    }
    let shown = (directory as NSString).appendingPathComponent(name)
    let path = ((stagingDirectory ?? directory) as NSString).appendingPathComponent(name)
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try contents.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .cannotWrite(path: path, message: error.localizedDescription)
    }
    return shown
  }

  @discardableResult
  public func write(_ text: String, to name: String) throws(ReportError) -> String {
    try write(Data(text.utf8), to: name)
  }
}
