import Foundation
import Testing

@testable import BenchReport

struct StringsCatalogueTests {
  typealias F = ReportFixtures

  /// The raw entries of `templates/strings/<language>.json`, without the English fallback.
  static func entries(_ language: ReportLanguage) throws -> [String: String] {
    let path = F.packageRoot.appendingPathComponent("templates/strings/\(language.rawValue).json")
    return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: path))
  }

  /// `{name}` placeholders of a catalogue entry.
  static func placeholders(_ text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
      names.insert(String(rest[afterOpen..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  @Test func englishAndChineseHaveTheSameKeys() throws {
    let en = try Self.entries(.en)
    let zh = try Self.entries(.zh)
    #expect(Set(en.keys).subtracting(zh.keys).sorted() == [], "keys missing in zh.json")
    #expect(Set(zh.keys).subtracting(en.keys).sorted() == [], "keys missing in en.json")
  }

  @Test func everyEnglishPlaceholderIsInTheChineseEntry() throws {
    let en = try Self.entries(.en)
    let zh = try Self.entries(.zh)
    for (key, english) in en.sorted(by: { $0.key < $1.key }) {
      guard let chinese = zh[key] else { continue }
      let missing = Self.placeholders(english).subtracting(Self.placeholders(chinese))
      #expect(missing.isEmpty, "zh.json \(key) lacks \(missing.sorted())")
      // A placeholder only zh has would be printed literally: nothing fills it.
      let extra = Self.placeholders(chinese).subtracting(Self.placeholders(english))
      #expect(extra.isEmpty, "zh.json \(key) has unknown \(extra.sorted())")
    }
  }

  @Test func noEntryIsEmpty() throws {
    for language in ReportLanguage.allCases {
      for (key, value) in try Self.entries(language) where key != "sentence_join" {
        #expect(!value.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key)")
      }
    }
  }

  /// Keys are written as string literals in the sources (`strings["knee_found"]`,
  /// `strings.format("reason_slo", …)`), so a scan finds every key the report can ask for.
  @Test func everyKeyTheSourcesUseExists() throws {
    let en = try Self.entries(.en)
    let folder = F.packageRoot.appendingPathComponent("Sources/BenchReport")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".swift")
    }
    let pattern = try Regex(#""([a-z]+_[A-Za-z0-9]+)""#)
    var used: Set<String> = []
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: pattern) {
        if let key = match.output[1].substring { used.insert(String(key)) }
      }
    }
    #expect(used.count > 40)
    #expect(used.subtracting(en.keys).sorted() == [])
  }

  @Test func everyKeyTheTemplatesUseExists() throws {
    let en = try Self.entries(.en)
    let folder = F.packageRoot.appendingPathComponent("templates")
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".mustache") || $0.hasSuffix(".md") && $0 != "README.md" || $0.hasSuffix(".html")
    }
    #expect(files.count >= 7)
    var used: Set<String> = []
    for file in files {
      let template = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let keys = template.matches(of: try Regex(#"\{\{s\.([A-Za-z0-9_]+)\}\}"#)).compactMap {
        $0.output[1].substring.map(String.init)
      }
      #expect(Set(keys).subtracting(en.keys).sorted() == [], "\(file)")
      used.formUnion(keys)
    }
    #expect(used.contains("html_toc"))
  }

  // MARK: - Loading and lookup

  @Test func loadingChineseFallsBackToEnglishPerKey() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "benchreport-strings-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("strings"), withIntermediateDirectories: true)
    try Data(#"{"a": "A", "b": "B"}"#.utf8).write(
      to: folder.appendingPathComponent("strings/en.json"))
    try Data(#"{"a": "甲"}"#.utf8).write(to: folder.appendingPathComponent("strings/zh.json"))
    let zh = try StringsCatalogue.load(.zh, templatesDirectory: folder.path)
    #expect(zh.language == .zh)
    #expect(zh["a"] == "甲")
    #expect(zh["b"] == "B")
    #expect(zh["c"] == "[c]")
  }

  @Test func loadErrorsNameTheFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "benchreport-strings-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: ReportError.missingStrings(path: folder.path + "/strings/en.json")) {
      try StringsCatalogue.load(.en, templatesDirectory: folder.path)
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("strings"), withIntermediateDirectories: true)
    try Data(#"{"a": 1}"#.utf8).write(to: folder.appendingPathComponent("strings/en.json"))
    do {
      _ = try StringsCatalogue.load(.en, templatesDirectory: folder.path)
      Issue.record("expected invalidStrings")
    } catch {
      guard case .invalidStrings(let path, _) = error else {
        Issue.record("expected invalidStrings, got \(error)")
        return
      }
      #expect(path == folder.path + "/strings/en.json")
    }
  }

  @Test func formatFillsEveryPlaceholder() {
    let strings = StringsCatalogue(
      language: .en, entries: ["k": "{a} and {b}, {a} again; {unknown} stays"])
    #expect(strings.format("k", ["a": "1", "b": "2"]) == "1 and 2, 1 again; {unknown} stays")
    #expect(strings.format("missing", [:]) == "[missing]")
  }

  @Test func realCataloguesLoad() throws {
    let en = try F.strings(.en)
    let zh = try F.strings(.zh)
    #expect(en["word_concurrency"] == "concurrency")
    #expect(zh["word_concurrency"] != en["word_concurrency"])
    #expect(Set(zh.entries.keys) == Set(en.entries.keys))
  }
}
