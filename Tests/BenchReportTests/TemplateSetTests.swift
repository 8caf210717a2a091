import Foundation
import Testing

@testable import BenchReport

struct TemplateSetTests {
  typealias F = ReportFixtures

  var defaults: TemplateSet { TemplateSet(directory: F.templatesDirectory) }

  static func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("benchreport-templates-\(UUID().uuidString)")
  }

  @Test func listsTemplatesThenPartialsThenStrings() throws {
    let names = try defaults.entries().map(\.name)
    #expect(
      Array(names.prefix(8)) == [
        "compare-pr.md", "compare.html", "compare.md", "pr-comment.md", "trend.html", "trend.md", "weekly.html", "weekly.md",
      ])
    #expect(names.contains("partials/comparison-sweeps.md.mustache"))
    #expect(names.contains("partials/style.html.mustache"))
    #expect(names.contains("partials/targets.md.mustache"))
    #expect(names.suffix(3) == ["strings/en.json", "strings/zh.json", "README.md"])
  }

  @Test func everyTemplateAndPartialSaysWhatItIs() throws {
    for entry in try defaults.entries() {
      #expect(!entry.summary.isEmpty, "\(entry.name) has no leading {{! … }} comment")
    }
  }

  @Test func showFindsFilesAndPartialsByName() throws {
    let html = try String(contentsOfFile: F.htmlTemplate, encoding: .utf8)
    #expect(try defaults.contents(of: "weekly.html") == html)
    #expect(try defaults.contents(of: "style.html") == defaults.contents(of: "partials/style.html.mustache"))
    #expect(try defaults.contents(of: "strings/zh.json").contains("\"html_lang\": \"zh-CN\""))
  }

  @Test func unknownNameListsWhatExists() {
    do {
      _ = try defaults.contents(of: "weekly.pdf")
      Issue.record("expected unknownTemplate")
    } catch {
      guard case .unknownTemplate(let name, _, let available) = error else {
        Issue.record("expected unknownTemplate, got \(error)")
        return
      }
      #expect(name == "weekly.pdf")
      #expect(available.contains("weekly.html"))
      #expect(error.description.contains("available: compare-pr.md, compare.html, compare.md, pr-comment.md, trend.html, trend.md, weekly.html"))
    }
    #expect(throws: ReportError.self) { try defaults.contents(of: "../Package.swift") }
  }

  @Test func initCopiesTheWholeSetAndRefusesToOverwrite() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try defaults.copy(to: folder.path, overwrite: false)
    let names = try defaults.entries().map(\.name)
    #expect(written.count == names.count)
    for name in names {
      let copy = try Data(contentsOf: folder.appendingPathComponent(name))
      #expect(
        copy == (try Data(contentsOf: URL(fileURLWithPath: F.templatesDirectory).appendingPathComponent(name))),
        "\(name)")
    }
    // An edited copy is not replaced without overwrite…
    let weekly = folder.appendingPathComponent("weekly.md")
    try Data("mine".utf8).write(to: weekly)
    #expect(throws: ReportError.self) { try defaults.copy(to: folder.path, overwrite: false) }
    #expect(try String(contentsOf: weekly, encoding: .utf8) == "mine")
    // …and is with it.
    try defaults.copy(to: folder.path, overwrite: true)
    #expect(try String(contentsOf: weekly, encoding: .utf8) != "mine")
    // The copy is a working templates folder.
    #expect(TemplatesDirectory.isTemplatesFolder(folder.path))
  }
}
