import BenchAnalysis
import BenchCharts
import BenchModel
import Foundation
import Testing

@testable import BenchReport

/// The rendered documents as a whole: HTML well-formed and self-contained, the PR comment
/// compact and complete, errors that name the template.
struct ReportRendererTests {
  typealias F = ReportFixtures

  func renderer(_ language: ReportLanguage, linkBase: String? = nil) throws -> ReportRenderer {
    ReportRenderer(strings: try F.strings(language), templatesDirectory: F.templatesDirectory, linkBase: linkBase)
  }

  @Test(arguments: ReportLanguage.allCases)
  func htmlIsWellFormedAndSelfContained(_ language: ReportLanguage) throws {
    var input = TemplateRendererTests.wideInput()
    input.charts = try F.goldenInputWithCharts().charts
    let html = try renderer(language).render(.html, input)
    #expect(XMLWellFormedness.issues(in: html) == [])
    let root = try XMLElementValue.parse(html).get()
    #expect(root.attributes["lang"] == (language == .zh ? "zh-CN" : "en"))
    // Nothing is fetched: no external scripts, styles, images or fonts, and the page says so.
    for element in root.elements {
      #expect(element.attributes["src"] == nil, "\(element.name) loads \(element.attributes["src"] ?? "")")
      #expect(!["script", "link", "img", "iframe", "object", "embed"].contains(element.name), "\(element.name)")
    }
    #expect(!html.contains("@import"))
    #expect(!html.contains("url(http"))
    let csp = root.elements(named: "meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
    #expect(csp?.attributes["content"]?.hasPrefix("default-src 'none'") == true)
    // Ids are unique (charts inlined side by side do not share glyph ids) and every in-page link
    // and glyph reference resolves.
    let ids = root.elements.compactMap { $0.attributes["id"] }
    #expect(
      Set(ids).count == ids.count,
      "duplicate ids: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys.sorted())")
    for reference in root.elements.compactMap({ $0.attributes["href"] }) where reference.hasPrefix("#") {
      #expect(ids.contains(String(reference.dropFirst())), "\(reference) points nowhere")
    }
    #expect(root.elements(named: "svg").count == input.charts.count)
    // Every sweep has its section, its targets and its per-level details.
    #expect(root.elements(named: "section").filter { $0.attributes["class"] == "sweep" }.count == input.analyses.count)
    let details = root.elements(named: "details").filter { $0.attributes["class"]?.hasPrefix("level") == true }
    #expect(details.count == input.analyses.map(\.levels.count).reduce(0, +))
  }

  @Test func htmlMarksStableAndUnstableLevels() throws {
    let html = try renderer(.en).render(.html, F.goldenInput())
    let root = try XMLElementValue.parse(html).get()
    let rows = root.elements(named: "tr").filter { $0.attributes["class"] != nil }
    let maxStable = rows.filter { $0.attributes["class"] == "max-stable" }.map {
      $0.elements(named: "th").first?.textContent
    }
    let unstable = rows.filter { $0.attributes["class"] == "unstable" }.map {
      $0.elements(named: "th").first?.textContent
    }
    // H100: max stable 16, the client's rate cap from 32 on (no failing level); rate sweep: max
    // stable 8, unstable ∞ (see the golden report).
    #expect(maxStable == ["16", "8"])
    #expect(unstable == ["∞"])
    let badges = root.elements(named: "span").filter { $0.attributes["class"] == "badge fail" }.map(\.textContent)
    #expect(badges.contains("fail"), "the rate sweep misses the success-rate target")
    #expect(badges.contains("unstable"))
    let warnings = root.elements(named: "span").filter { $0.attributes["class"] == "badge warn" }.map(\.textContent)
    #expect(warnings.contains("client-limited"))
  }

  @Test func prCommentIsCompact() throws {
    let comment = try renderer(.en, linkBase: "https://ci.example/run/7").render(
      .prComment, try F.goldenInputWithCharts())
    // The H100 sweep's load was capped by the client: no verdict on the server, so a warning
    // headline (the rate sweep's failures are beyond its max stable level).
    #expect(comment.hasPrefix("### ⚠️ "))
    #expect(comment.contains("| **16** | **11–12** | 32 | 1,543.0 output tok/s |"))
    #expect(comment.contains("- ⚠️ Client rate cap: from 32 on"))
    #expect(comment.contains("- ✅ **TTFT P99 ≤ 1,000 ms** — met at all 9 levels (worst 143.8 ms at 128)"))
    #expect(comment.contains("- ❌ **Success rate ≥ 95%** — met up to 8 req/s; first missed at ∞ (80%)"))
    #expect(comment.contains("<details><summary>Full results table · 9 levels tested</summary>"))
    #expect(comment.contains("](https://ci.example/run/7/charts/all-sweeps-tradeoff.png)"))
    #expect(TemplateRendererTests.tablesAreRectangular(comment) == [])
    #expect(comment.count < 10_000)
  }

  @Test func jsonNeedsNoTemplate() throws {
    let json = try renderer(.en).render(.json, F.goldenInput())
    #expect(json == AnalysisJSONWriter(strings: try F.strings(.en)).render(F.goldenInput()))
  }

  @Test func malformedHTMLFromAUserTemplateNamesTheTemplate() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("benchreport-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("mine.html").path
    try Data("<html>\n<body>\n<p>{{title}}<br></p>\n</body>\n</html>\n".utf8).write(to: URL(fileURLWithPath: path))
    let renderer = try renderer(.en)
    do {
      _ = try renderer.render(.html, F.goldenInput(), template: path)
      Issue.record("expected malformedHTML")
    } catch {
      guard case .malformedHTML(let template, let line, _, _) = error else {
        Issue.record("expected malformedHTML, got \(error)")
        return
      }
      #expect(template == path)
      #expect(line == 3)
      #expect(error.description.contains("<br/>"))
    }
  }

  @Test func formatsByTheirCommandLineNames() {
    #expect(ReportFormat(argument: "md") == .markdown)
    #expect(ReportFormat(argument: "HTML") == .html)
    #expect(ReportFormat(argument: "pr-comment") == .prComment)
    #expect(ReportFormat(argument: "pdf") == nil)
    #expect(ReportFormat.defaults.map(\.fileName) == ["report.md", "report.html", "analysis.json"])
    #expect(ReportFormat.prComment.defaultTemplate == "pr-comment.md")
    #expect(ReportFormat.json.defaultTemplate == nil)
  }
}
