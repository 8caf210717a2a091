import BenchAnalysis
import BenchCharts
import BenchModel
import Foundation
import Testing

@testable import BenchReport

/// Text from input files reaches every output as text: never as markup, never as a template
/// tag, never splitting a Markdown table, never escaped twice. The names below come through
/// every path the report has: model, GPU, notes, environment extras, error messages, file
/// names and skip reasons.
struct TextEscapingTests {
  typealias F = ReportFixtures

  static let script = "<script>alert('x')</script>"
  static let model = "evil|model\nrow \(script) `tick` {{title}} {{{s}}} & \"quoted\" 'single' *b* _i_ [x](y)"

  /// A sweep whose model, notes and errors are hostile, and a hostile skipped file.
  static func hostileInput() -> ReportInput {
    let runs = [1, 2, 4].map { concurrency in
      F.run(concurrency: concurrency, outputThroughput: Double(concurrency) * 100, model: model) {
        $0.notes = ["note with | pipe, <b>tag</b> & {{title}}"]
        $0.completed = 98
        $0.failed = 2
        var samples = RequestSamples(
          outputLengths: [170, 0], timeToFirstToken: [0.05, 0], gapOffsets: [0, 0, 0], endToEndLatency: [1.2, 0],
          succeeded: [true, false])
        samples.errorCounts = [ErrorCount(message: "HTTP 500 <html>\(script)</html> | `oops` & \"boom\"", count: 2)]
        $0.samples = samples
      }
    }
    let skipped = SkippedInput(
      location: SourceLocation(path: "dir|x/<bad>&\"q\".json"), kind: .unreadable,
      reason: "broken | really\nbroken \(script)")
    return ReportInput(
      analyses: [SweepAnalyzer.analyze(F.sweep(runs))], skipped: [skipped], filesExamined: 4,
      environment: EnvironmentFacts(
        gpu: "GPU|<x>&y", notes: ["*note* \(script)"], extra: [MetadataEntry(key: "<k>|", value: "v & \(script)")]))
  }

  func render(_ format: ReportFormat, _ language: ReportLanguage) throws -> String {
    try ReportRenderer(strings: try F.strings(language), templatesDirectory: F.templatesDirectory)
      .render(format, Self.hostileInput())
  }

  @Test(arguments: ReportLanguage.allCases)
  func htmlShowsHostileTextAsText(_ language: ReportLanguage) throws {
    let html = try render(.html, language)
    let root = try XMLElementValue.parse(html).get()
    // No element came from input text: the only elements are the template's.
    #expect(root.elements(named: "script").isEmpty)
    #expect(root.elements(named: "b").isEmpty)
    #expect(root.elements(named: "bad").isEmpty)
    #expect(root.elements(named: "html").count == 1)
    // The text reads exactly as in the input, escaped once (no “&amp;lt;” shown to the reader).
    let text = root.textContent
    #expect(text.contains(Self.script))
    #expect(
      text.contains("evil|model\nrow \(Self.script) `tick` {{title}} {{{s}}} & \"quoted\" 'single' *b* _i_ [x](y)"))
    #expect(text.contains("GPU|<x>&y"))
    #expect(text.contains("HTTP 500 <html>\(Self.script)</html> | `oops` & \"boom\""))
    #expect(text.contains("dir|x/<bad>&\"q\".json"))
    #expect(text.contains("note with | pipe, <b>tag</b> & {{title}}"))
    #expect(!text.contains("&lt;"))
    #expect(!text.contains("&amp;"))
    #expect(!text.contains("\\|"))
    // The title is the model's, as text.
    #expect(root.elements(named: "title").first?.textContent.contains(Self.script) == true)
  }

  @Test(arguments: ReportLanguage.allCases)
  func markdownShowsHostileTextAsText(_ language: ReportLanguage) throws {
    for format in [ReportFormat.markdown, .prComment] {
      let markdown = try render(format, language)
      #expect(TemplateRendererTests.tablesAreRectangular(markdown) == [], "\(format)")
      let prose = TemplateRendererTests.outsideCodeBlocks(markdown)
      #expect(!prose.contains("<script>"), "\(format)")
      #expect(!prose.contains("<b>"), "\(format)")
      #expect(!prose.contains("<bad>"), "\(format)")
      #expect(!prose.contains("<html>"), "\(format)")
      #expect(!prose.contains("&amp;lt;"), "\(format): escaped twice")
      // Values are inserted as text, never rendered as template tags.
      #expect(markdown.contains("{{title}}"), "\(format)")
      #expect(markdown.contains(#"evil\|model row &lt;script&gt;alert('x')&lt;/script&gt; \`tick\`"#), "\(format)")
    }
  }

  @Test func eachFormatEscapesInOnePlace() {
    let text = "a|b <c> & \"d\""
    #expect(TextEscaping.markdown.inline(text) == #"a\|b &lt;c&gt; & "d""#)
    #expect(TextEscaping.html.inline(text) == text)
    #expect(TextEscaping.none.inline(text) == text)
    #expect(ReportFormat.markdown.escaping.inline(text) == TextEscaping.markdown.inline(text))
    #expect(ReportFormat.prComment.escaping.inline(text) == TextEscaping.markdown.inline(text))
    #expect(ReportFormat.html.escaping.inline(text) == text)
    #expect(ReportFormat.html.templateMode == .html)
    #expect(ReportFormat.markdown.templateMode == .text)
  }

  @Test func builderUsesTheInjectedEscaping() throws {
    let strings = try F.strings(.en)
    let input = Self.hostileInput()
    let markdown = ReportContextBuilder(strings: strings, escaping: .markdown).build(input)
    let html = ReportContextBuilder(strings: strings, escaping: .html).build(input)
    #expect(html.sweeps[0].title.hasPrefix("evil|model\nrow <script>"))
    #expect(markdown.sweeps[0].title.hasPrefix(#"evil\|model row &lt;script&gt;"#))
    #expect(html.skipped[0].file == "dir|x/<bad>&\"q\".json")
    #expect(html.sweeps[0].command.contains("--model 'evil|model\nrow <script>"))
    #expect(markdown.sweeps[0].levelDetails[0].errors[0].message.hasPrefix(#"HTTP 500 &lt;html&gt;"#))
    #expect(html.sweeps[0].levelDetails[0].errors[0].message.hasPrefix("HTTP 500 <html>"))
  }
}
