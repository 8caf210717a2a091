import BenchModel
import Foundation

/// The words of a report in one language, from `templates/strings/<lang>.json`: labels and
/// sentence patterns with `{name}` placeholders. One template set serves every language; only
/// the catalogue differs.
public struct StringsCatalogue: Sendable {
  public let language: ReportLanguage
  public private(set) var entries: [String: String]

  public init(language: ReportLanguage, entries: [String: String]) {
    self.language = language
    self.entries = entries
  }

  /// Loads the catalogue for `language` from `directory/strings/`, on top of the English one
  /// so a partial user catalogue still yields a complete report.
  public static func load(_ language: ReportLanguage, templatesDirectory directory: String) throws(ReportError) -> StringsCatalogue {
    var entries = try readEntries(language: .en, directory: directory)
    if language != .en {
      entries.merge(try readEntries(language: language, directory: directory)) { _, localized in localized }
    }
    return StringsCatalogue(language: language, entries: entries)
  }

  private static func readEntries(language: ReportLanguage, directory: String) throws(ReportError) -> [String: String] {
    let path = (directory as NSString).appendingPathComponent("strings/\(language.rawValue).json")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .missingStrings(path: path)
    }
    do {
      return try JSONDecoder().decode([String: String].self, from: data)
    } catch {
      throw .invalidStrings(path: path, message: "\(error)")
    }
  }

  /// The entry for `key`; a missing key shows as `[key]` so it is noticed, not hidden.
  public subscript(key: String) -> String { entries[key] ?? "[\(key)]" }

  /// The entry with `{name}` placeholders replaced (see `TextPattern`).
  public func format(_ key: String, _ values: [String: String]) -> String {
    TextPattern(self[key]).filled(with: values)
  }
}

/// Report languages: Chinese is the default (the weekly report's audience), English on request.
public enum ReportLanguage: String, Sendable, CaseIterable {
  case zh
  case en
}
