// Golden files: Tests/BenchReportTests/Golden/ holds the report (zh and en, Markdown and HTML),
// the PR comment (zh and en) and analysis.json that benchreport produces for
// ReportFixtures.goldenInput() (the H100 sweep copied from aurotripathy/vllm-bench plus a small
// synthetic SGLang rate sweep; the HTML and PR comment with small synthetic charts linked). The
// test compares them byte for byte and prints a unified diff on a mismatch.
//
// When a change to the report is intended, regenerate them explicitly and review the diff:
//
//   BENCHREPORT_UPDATE_GOLDEN=1 swift test --filter BenchReportTests.ReportGoldenTests
//
// With BENCHREPORT_UPDATE_GOLDEN=1 the test writes the files instead of comparing (and records
// an issue so an update run is never mistaken for a passing one).

import BenchAnalysis
import BenchCharts
import BenchModel
import Foundation
import Testing

@testable import BenchReport

struct ReportGoldenTests {
  typealias F = ReportFixtures

  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")
  static let regenerateCommand =
    "BENCHREPORT_UPDATE_GOLDEN=1 swift test --filter BenchReportTests.ReportGoldenTests"
  static var updating: Bool {
    ProcessInfo.processInfo.environment["BENCHREPORT_UPDATE_GOLDEN"] == "1"
  }

  func markdown(_ language: ReportLanguage) throws -> String {
    let context = ReportContextBuilder(strings: try F.strings(language)).build(F.goldenInput())
    return try TemplateRenderer().render(templateAt: F.weeklyTemplate, context: context)
  }

  /// A document rendered the way `analyze` renders it (view model escaped for the format).
  func document(_ format: ReportFormat, _ language: ReportLanguage) throws -> String {
    try ReportRenderer(strings: try F.strings(language), templatesDirectory: F.templatesDirectory)
      .render(format, try F.goldenInputWithCharts())
  }

  func analysisJSON() throws -> String {
    AnalysisJSONWriter(strings: try F.strings(.en)).render(F.goldenInput())
  }

  /// Compares `actual` with the golden file `name`, or writes it when updating.
  func check(_ actual: String, against name: String) throws {
    let url = Self.goldenDirectory.appendingPathComponent(name)
    if Self.updating {
      try FileManager.default.createDirectory(
        at: Self.goldenDirectory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      Issue.record("wrote \(url.path) (BENCHREPORT_UPDATE_GOLDEN=1); review the diff and rerun")
      return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "golden file \(url.path) is missing; create it with:\n  \(Self.regenerateCommand)")
      return
    }
    if expected != Data(actual.utf8) {
      Issue.record(
        """
        \(name) differs from the golden file:
        \(try Self.unifiedDiff(expected: url, actual: actual, name: name))
        If the change is intended, regenerate the golden files and review them:
          \(Self.regenerateCommand)
        """)
    }
  }

  /// `diff -u golden actual`, or the first differing line when `diff` cannot run.
  static func unifiedDiff(expected: URL, actual: String, name: String) throws -> String {
    let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "benchreport-\(UUID().uuidString)-\(name)")
    try Data(actual.utf8).write(to: actualURL)
    defer { try? FileManager.default.removeItem(at: actualURL) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    process.arguments = [
      "-u", "--label", "golden/\(name)", "--label", "actual/\(name)", expected.path, actualURL.path,
    ]
    let output = Pipe()
    process.standardOutput = output
    do {
      try process.run()
    } catch {
      let expectedLines =
        (try? String(contentsOf: expected, encoding: .utf8))?.split(
          separator: "\n", omittingEmptySubsequences: false) ?? []
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let index =
        zip(expectedLines, actualLines).enumerated().first { $1.0 != $1.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
      return "first difference at line \(index + 1):\n- "
        + (index < expectedLines.count ? String(expectedLines[index]) : "<end of file>") + "\n+ "
        + (index < actualLines.count ? String(actualLines[index]) : "<end of file>")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func chineseReportMatchesGolden() throws {
    try check(try markdown(.zh), against: "report.zh.md")
  }

  @Test func englishReportMatchesGolden() throws {
    try check(try markdown(.en), against: "report.en.md")
  }

  @Test(arguments: ReportLanguage.allCases)
  func htmlReportMatchesGolden(_ language: ReportLanguage) throws {
    let html = try document(.html, language)
    #expect(XMLWellFormedness.issues(in: html).isEmpty)
    try check(html, against: "report.\(language.rawValue).html")
  }

  @Test(arguments: ReportLanguage.allCases)
  func prCommentMatchesGolden(_ language: ReportLanguage) throws {
    try check(try document(.prComment, language), against: "pr-comment.\(language.rawValue).md")
  }

  @Test func analysisJSONMatchesGolden() throws {
    try check(try analysisJSON(), against: "analysis.json")
  }

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    for language in ReportLanguage.allCases {
      #expect(Data(try markdown(language).utf8) == Data(try markdown(language).utf8))
    }
    #expect(Data(try analysisJSON().utf8) == Data(try analysisJSON().utf8))
    #expect(Data(try document(.html, .zh).utf8) == Data(try document(.html, .zh).utf8))
  }

  @Test func goldenJSONParses() throws {
    let data = Data(try analysisJSON().utf8)
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
  }
}
