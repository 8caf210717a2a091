import Foundation

/// A templates folder as a set of files a user can list, read and copy: the report templates,
/// their shared `partials/`, the `strings/` catalogues and the README that documents the
/// variables. `benchreport templates list|show|init` are thin wrappers around it.
public struct TemplateSet {
  /// One file of the set.
  public struct Entry: Sendable, Equatable {
    /// The path inside the folder, with `/` (`weekly.html`, `partials/style.html.mustache`).
    public var name: String
    /// What the file is for: the template's leading `{{! … }}` comment, or a fixed description.
    public var summary: String
  }

  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// Every file of the set, templates first, then partials, catalogues and the README.
  public func entries() throws(ReportError) -> [Entry] {
    let names: [String]
    do {
      names = try FileManager.default.subpathsOfDirectory(atPath: directory)
    } catch {
      throw .cannotRead(path: directory, message: error.localizedDescription)
    }
    let files = names.filter { name in
      var isDirectory: ObjCBool = false
      let path = (directory as NSString).appendingPathComponent(name)
      return !name.split(separator: "/").contains { $0.hasPrefix(".") }
        && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
    return files.sorted { (Self.rank($0), $0) < (Self.rank($1), $1) }.map { Entry(name: $0, summary: summary(of: $0)) }
  }

  /// Templates, then partials, then catalogues, then everything else.
  static func rank(_ name: String) -> Int {
    if !name.contains("/") && name != "README.md" { return 0 }
    if name.hasPrefix("partials/") { return 1 }
    if name.hasPrefix("strings/") { return 2 }
    return 3
  }

  func summary(of name: String) -> String {
    if name == "README.md" { return "how templates work: every variable, partial and transform" }
    if name.hasPrefix("strings/"), name.hasSuffix(".json") {
      let language = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
      return "labels and sentence patterns for --lang \(language)"
    }
    guard let text = try? contents(of: name) else { return "" }
    return Self.leadingComment(text) ?? ""
  }

  /// The text of the first `{{! … }}` comment of a template, on one line.
  static func leadingComment(_ text: String) -> String? {
    guard let tag = MustacheTag.scan(text)?.first(where: { $0.kind == .comment }), tag.line <= 3 else { return nil }
    return tag.name.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
      separator: " ")
  }

  /// The path of `name`: a file of the set (`weekly.html`, `strings/zh.json`), or a partial by
  /// the name templates use for it (`style.html` → `partials/style.html.mustache`).
  public func path(of name: String) throws(ReportError) -> String {
    let candidates = [name, "partials/\(name).mustache", "partials/\(name)"]
    for candidate in candidates where !candidate.split(separator: "/").contains("..") {
      let path = (directory as NSString).appendingPathComponent(candidate)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return path }
    }
    throw .unknownTemplate(name: name, directory: directory, available: try entries().map(\.name))
  }

  /// The text of `name` (see `path(of:)`).
  public func contents(of name: String) throws(ReportError) -> String {
    let path = try path(of: name)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotRead(path: path, message: "unreadable")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Copies every file of the set into `destination` (created as needed) and returns the paths
  /// written. Refuses, before writing anything, when a file would be replaced and `overwrite`
  /// is false.
  @discardableResult
  public func copy(to destination: String, overwrite: Bool) throws(ReportError) -> [String] {
    let names = try entries().map(\.name)
    let targets = names.map { (destination as NSString).appendingPathComponent($0) }
    let existing = targets.filter { FileManager.default.fileExists(atPath: $0) }
    if !overwrite, !existing.isEmpty { throw .wouldOverwrite(paths: existing) }
    let writer = OutputWriter(directory: destination)
    var written: [String] = []
    for name in names {
      let source = (directory as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: source) else {
        throw .cannotRead(path: source, message: "unreadable")
      }
      written.append(try writer.write(data, to: name))
    }
    return written
  }
}
