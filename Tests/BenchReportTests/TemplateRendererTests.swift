import BenchAnalysis
import BenchModel
import Foundation
import Testing

@testable import BenchReport

struct TemplateRendererTests {
  typealias F = ReportFixtures

  /// Sweeps that between them reach most sentences of the catalogue: the golden input plus a
  /// sweep whose lowest level fails, one with only two levels, one still scaling linearly
  /// (no knee, limit not reached) and one with data missing (unchecked criteria).
  static func wideInput() -> ReportInput {
    var input = F.goldenInput()
    let failing = F.sweep(
      [1, 2, 4].map { concurrency in
        F.run(
          concurrency: concurrency, outputThroughput: Double(concurrency) * 100, model: "failing"
        ) {
          $0.completed = 60
          $0.failed = 40
        }
      })
    let twoLevels = F.sweep(
      [1, 2].map { F.run(concurrency: $0, outputThroughput: Double($0) * 100, model: "two-levels") }
    )
    let linear = F.smallSweep(model: "still-scaling")
    let missing = F.sweep(
      [1, 2, 4].map { concurrency in
        F.run(
          concurrency: concurrency, outputThroughput: Double(concurrency) * 100, model: "sparse"
        ) {
          $0.latency = [:]
          $0.numPrompts = nil
        }
      })
    input.analyses += [failing, twoLevels, linear, missing].map { SweepAnalyzer.analyze($0) }
    return input
  }

  func render(
    _ input: ReportInput, _ language: ReportLanguage, template: String = F.weeklyTemplate,
    mode: TemplateRenderer.Mode = .text, fallback: [String] = []
  ) throws -> String {
    let escaping: TextEscaping = mode == .html ? .html : .markdown
    let context = ReportContextBuilder(strings: try F.strings(language), escaping: escaping).build(input)
    return try TemplateRenderer(mode: mode, fallbackPartialFolders: fallback).render(templateAt: template, context: context)
  }

  /// `|` characters that end a table cell (not escaped by an odd run of backslashes).
  static func unescapedPipes(in line: Substring) -> Int {
    var count = 0
    var backslashes = 0
    for character in line {
      if character == "|", backslashes % 2 == 0 { count += 1 }
      backslashes = character == "\\" ? backslashes + 1 : 0
    }
    return count
  }

  /// Every row of every Markdown table has as many cell borders as the table's header.
  static func tablesAreRectangular(_ markdown: String) -> [String] {
    var problems: [String] = []
    var headerPipes: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        headerPipes = nil
        continue
      }
      let pipes = unescapedPipes(in: line)
      if let expected = headerPipes {
        if pipes != expected { problems.append("\(pipes) borders, expected \(expected): \(line)") }
      } else {
        headerPipes = pipes
      }
    }
    return problems
  }

  /// The lines of `markdown` outside ``` fences (inside them text is shown verbatim).
  static func outsideCodeBlocks(_ markdown: String) -> String {
    var inFence = false
    var lines: [Substring] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inFence.toggle()
      } else if !inFence {
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }

  @Test(arguments: ReportLanguage.allCases)
  func weeklyTemplateLeavesNothingUnfilled(_ language: ReportLanguage) throws {
    let markdown = try render(Self.wideInput(), language)
    #expect(markdown.hasPrefix("# "))
    #expect(!markdown.contains("{{"))
    #expect(!markdown.contains("}}"))
    let missingKeys = markdown.matches(of: try Regex(#"\[[a-z]+_[A-Za-z0-9]+\]"#)).map {
      String(markdown[$0.range])
    }
    #expect(missingKeys == [], "catalogue keys without an entry")
    let unfilled = markdown.matches(of: try Regex(#"\{[A-Za-z0-9]+\}"#)).map {
      String(markdown[$0.range])
    }
    #expect(unfilled == [], "placeholders without a value")
    #expect(Self.tablesAreRectangular(markdown) == [])
    // Every sweep got its section.
    for number in 2...7 { #expect(markdown.contains("\n## \(number). ")) }
  }

  @Test func chineseReportUsesChineseWords() throws {
    let markdown = try render(F.goldenInput(), .zh)
    let zh = try F.strings(.zh)
    #expect(markdown.contains(zh["section_environment"]))
    #expect(markdown.contains(zh["section_conclusions"]))
    #expect(!markdown.contains(try F.strings(.en)["section_conclusions"]))
  }

  @Test(arguments: ReportLanguage.allCases)
  func hostileNamesCannotBreakTheReport(_ language: ReportLanguage) throws {
    let model = "evil|model\nrow <script>alert(1)</script> `tick` {{title}} *b* _i_ [x](y)"
    let sweep = F.sweep(
      [1, 2, 4].map { concurrency in
        F.run(concurrency: concurrency, outputThroughput: Double(concurrency) * 100, model: model) {
          $0.notes = ["note with | pipe and <b>tag</b>"]
        }
      })
    let skipped = SkippedInput(
      location: SourceLocation(path: "dir|x/<bad>.json"), kind: .unreadable,
      reason: "broken | really\nbroken")
    let input = ReportInput(
      analyses: [SweepAnalyzer.analyze(sweep)], skipped: [skipped], filesExamined: 4,
      environment: EnvironmentFacts(gpu: "GPU|<x>", notes: ["*note*"]))
    let markdown = try render(input, language)
    #expect(Self.tablesAreRectangular(markdown) == [])
    let prose = Self.outsideCodeBlocks(markdown)
    #expect(!prose.contains("<script>"))
    #expect(!prose.contains("<b>"))
    #expect(!prose.contains("<bad>"))
    // Values are inserted as text, never rendered as template tags.
    #expect(markdown.contains("{{title}}"))
    #expect(markdown.contains(#"evil\|model row &lt;script&gt;"#))
    // The model in the command block is shell-quoted, not Markdown-escaped, inside the fence.
    #expect(markdown.contains("--model 'evil|model\nrow <script>"))
  }

  // MARK: - Broken templates

  func temporaryTemplate(_ text: String, partials: [String: String] = [:], name: String = "report.md") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "benchreport-template-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
    for (name, body) in partials {
      try Data(body.utf8).write(to: folder.appendingPathComponent("partials/\(name).mustache"))
    }
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The `invalidTemplate` error rendering the template at `path` throws.
  func templateError(at path: String, mode: TemplateRenderer.Mode = .text) throws -> (path: String, line: Int, message: String)? {
    do {
      _ = try render(F.goldenInput(), .en, template: path, mode: mode)
      return nil
    } catch {
      guard let reportError = error as? ReportError,
        case .invalidTemplate(let errorPath, let line, _, let message) = reportError
      else {
        Issue.record("expected invalidTemplate, got \(error)")
        return nil
      }
      return (errorPath, line, message)
    }
  }

  @Test func sectionClosedWithTheWrongNameNamesTheClosingLine() throws {
    let path = try temporaryTemplate(
      """
      {{% CONTENT_TYPE: TEXT}}
      # {{title}}

      {{#sweeps}}
      ## {{title}}
      {{#hasNotes}}
      notes
      {{/sweeps}}

      end
      """)
    // `{{#hasNotes}}` (line 6) is never closed, so `{{/sweeps}}` closes the wrong section.
    let error = try #require(try templateError(at: path))
    #expect(error.path == path)
    #expect(error.line == 8)
  }

  @Test func sectionNeverClosedNamesTheLineItOpensOn() throws {
    let path = try temporaryTemplate(
      """
      {{% CONTENT_TYPE: TEXT}}
      # {{title}}

      {{#sweeps}}
      ## {{title}}

      end of file
      """)
    let error = try #require(try templateError(at: path))
    #expect(error.path == path)
    #expect(error.line == 4)
    #expect(error.message.contains("never closed"))
    #expect(
      ReportError.invalidTemplate(path: path, line: 4, column: 1, message: "x").description
        .hasPrefix("\(path):4:1: template error:"))
  }

  @Test func unfinishedTagNamesItsLine() throws {
    let path = try temporaryTemplate("line 1\nline 2\n{{title\nline 4\n")
    let error = try #require(try templateError(at: path))
    #expect(error.path == path)
    #expect(error.line == 3)
  }

  @Test func brokenPartialNamesThePartialFile() throws {
    let path = try temporaryTemplate("{{> footer}}\n", partials: ["footer": "ok\n{{#x}}\n"])
    let error = try #require(try templateError(at: path))
    #expect(error.path.hasSuffix("partials/footer.mustache"))
    #expect(error.line == 2)
  }

  @Test func missingTemplate() {
    #expect(throws: ReportError.missingTemplate(path: "/nonexistent/report.md")) {
      try render(F.goldenInput(), .en, template: "/nonexistent/report.md")
    }
  }

  @Test func partialsBesideTheTemplateAreUsed() throws {
    let path = try temporaryTemplate(
      "{{% CONTENT_TYPE: TEXT}}\n# {{title}}\n{{> footer}}\n",
      partials: ["footer": "{{s.skipped_none}} <{{language}}>\n"])
    let markdown = try render(F.goldenInput(), .en, template: path)
    #expect(markdown.hasSuffix("Every input file was analysed. <en>\n"))
  }

  // MARK: - Partials and escaping modes

  /// The `missingPartial` error rendering `path` throws.
  func missingPartial(at path: String, fallback: [String] = []) throws -> ReportError? {
    do {
      _ = try render(F.goldenInput(), .en, template: path, fallback: fallback)
      return nil
    } catch let error as ReportError {
      guard case .missingPartial = error else {
        Issue.record("expected missingPartial, got \(error)")
        return nil
      }
      return error
    }
  }

  @Test func missingPartialNamesTheFileLineAndColumnThatAskForIt() throws {
    let path = try temporaryTemplate("# {{title}}\n\n{{#sweeps}}\n  {{> nowhere}}\n{{/sweeps}}\n")
    let error = try #require(try missingPartial(at: path))
    guard case .missingPartial(let errorPath, let line, let column, let name, let searched) = error else { return }
    #expect(errorPath == path)
    #expect((line, column) == (4, 3))
    #expect(name == "nowhere")
    #expect(searched == [TemplateRenderer.partialsFolder(besideTemplate: path) + "/nowhere.mustache"])
    #expect(error.description.hasPrefix("\(path):4:3: template error: partial “nowhere” does not exist"))
  }

  @Test func missingPartialInsideAPartialNamesThePartial() throws {
    let path = try temporaryTemplate("{{> outer}}\n", partials: ["outer": "line 1\nline 2 {{> inner}}\n"])
    let error = try #require(try missingPartial(at: path))
    guard case .missingPartial(let errorPath, let line, let column, let name, _) = error else { return }
    #expect(errorPath.hasSuffix("partials/outer.mustache"))
    #expect((line, column, name) == (2, 8, "inner"))
  }

  @Test func defaultPartialsServeATemplateElsewhere() throws {
    // A lone user template can use the shared partials of the default set; its own win.
    let path = try temporaryTemplate("{{#sweeps}}\n{{> targets.md}}\n{{/sweeps}}\n{{> mine}}\n", partials: ["mine": "own <{{language}}>\n"])
    let fallback = [F.packageRoot.appendingPathComponent("templates/partials").path]
    let markdown = try render(F.goldenInput(), .en, template: path, fallback: fallback)
    #expect(markdown.contains("- ✅ **Success rate ≥ 95%** — met at all 9 levels"))
    #expect(markdown.hasSuffix("own <en>\n"))
    #expect(try missingPartial(at: path) != nil, "without the fallback targets.md is missing")
  }

  @Test func markdownPartialsAreNotHTMLEscaped() throws {
    // swift-mustache renders partials in HTML mode unless told otherwise; the renderer tells it.
    let path = try temporaryTemplate("{{> skipped}}", partials: ["skipped": "{{#skipped}}{{reason}}|{{/skipped}}"])
    let markdown = try render(F.goldenInput(), .en, template: path)
    #expect(markdown == "line 3: expected ',' or '}' after an object member|a warm-up file, not a benchmark result|")
  }

  @Test func htmlModeEscapesEvenWithoutAPragma() throws {
    let path = try temporaryTemplate("<p>{{#skipped}}{{reason}}{{/skipped}}</p>", name: "report.html")
    let html = try render(F.goldenInput(), .en, template: path, mode: .html)
    #expect(html == "<p>line 3: expected &#39;,&#39; or &#39;}&#39; after an object membera warm-up file, not a benchmark result</p>")
  }

  @Test func htmlTemplateMayNotSwitchEscapingOff() throws {
    for (text, line) in [("<p>\n{{{title}}}</p>", 2), ("<p>{{& title}}</p>", 1), ("{{% CONTENT_TYPE: TEXT}}\n<p>{{title}}</p>", 1)] {
      let path = try temporaryTemplate(text, name: "report.html")
      let error = try #require(try templateError(at: path, mode: .html), "\(text)")
      #expect(error.line == line, "\(text)")
      #expect(error.message.contains("escaping"), "\(text)")
    }
    // The chart SVG, serialized by libxml2, is the one exception.
    let path = try temporaryTemplate("{{#charts}}{{{svgMarkup}}}{{/charts}}", name: "report.html")
    #expect(try render(F.goldenInput(), .en, template: path, mode: .html) == "")
  }

  @Test func brokenHTMLPartialNamesThePartialFileAndLine() throws {
    let path = try temporaryTemplate("<div>{{> card.html}}</div>", partials: ["card.html": "<p>\n{{#sweeps}}\n</p>\n"], name: "report.html")
    let error = try #require(try templateError(at: path, mode: .html))
    #expect(error.path.hasSuffix("partials/card.html.mustache"))
    #expect(error.line == 2)
  }

  @Test func defaultTemplatesParseInTheirModes() throws {
    for (template, mode) in [(F.weeklyTemplate, TemplateRenderer.Mode.text), (F.prTemplate, .text), (F.htmlTemplate, .html)] {
      let text = try render(Self.wideInput(), .zh, template: template, mode: mode)
      #expect(!text.contains("{{"), "\(template)")
      #expect(!text.contains("[section_"), "\(template)")
    }
  }
}
