import BenchCharts
import Testing

@Suite struct SVGPostProcessorTests {
  /// The shape of cairo 1.16's SVG: glyph symbols used through xlink:href, a clip path
  /// used through url(#…), and a surface id from the process-wide counter.
  static let cairoLike = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="80px" height="40px" viewBox="0 0 80 40" version="1.1">
    <defs>
    <g>
    <symbol overflow="visible" id="glyph0-0"><path style="stroke:none;" d="M 0 0 L 1 1 Z"/></symbol>
    </g>
    <clipPath id="clip1"><path d="M 0 0 L 80 0 L 80 40 Z"/></clipPath>
    </defs>
    <g id="surface154">
    <g clip-path="url(#clip1)"><use xlink:href="#glyph0-0" x="1" y="2"/></g>
    <g id="surface159"><use xlink:href="#surface154"/></g>
    </g>
    </svg>
    """

  static var bytes: [UInt8] { Array(cairoLike.utf8) }

  func ids(_ svg: String) -> [String] {
    svg.split(separator: "id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  @Test func surfaceIDsAreRenumberedInDocumentOrder() throws {
    let output = String(decoding: try SVGPostProcessor.normalizingSurfaceIDs(Self.bytes), as: UTF8.self)
    #expect(output.contains("id=\"surface1\""))
    #expect(output.contains("id=\"surface2\""))
    #expect(output.contains("xlink:href=\"#surface1\""))
    #expect(!output.contains("surface154"))
    #expect(!output.contains("surface159"))
    // Everything else is untouched.
    #expect(output.contains("id=\"glyph0-0\""))
    #expect(output.contains("url(#clip1)"))
  }

  @Test func prefixingRewritesIDsHrefsAndURLs() throws {
    let output = String(decoding: try SVGPostProcessor.prefixingIDs(Self.bytes, with: "chart2-"), as: UTF8.self)
    #expect(ids(output).allSatisfy { $0.hasPrefix("chart2-") })
    #expect(output.contains("xlink:href=\"#chart2-glyph0-0\""))
    #expect(output.contains("clip-path=\"url(#chart2-clip1)\""))
    #expect(output.contains("xlink:href=\"#chart2-surface154\""))
    #expect(XMLWellFormedness.isWellFormed(Array(output.utf8)))
  }

  @Test func twoPrefixedChartsShareNoIDs() throws {
    let first = try SVGPostProcessor.inlineElement(Self.bytes, idPrefix: "c1-")
    let second = try SVGPostProcessor.inlineElement(Self.bytes, idPrefix: "c2-")
    #expect(Set(ids(first)).isDisjoint(with: ids(second)))
    #expect(first.hasPrefix("<svg"))
    // Both inlined into one XHTML page, the page is still well-formed.
    let page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(first)\(second)</body></html>"
    #expect(XMLWellFormedness.isWellFormed(Array(page.utf8)))
  }

  @Test func urlReferencesInsideStylesAreRewritten() {
    let rewritten = SVGPostProcessor.rewritingURLReferences(in: "fill:url(#a);stroke:url(#b)") { "p-" + $0 }
    #expect(rewritten == "fill:url(#p-a);stroke:url(#p-b)")
  }

  @Test(arguments: [
    ("matrix(1,0,0,1,2,3)", "matrix(1,0,0,1,2,3)"),
    ("", ""),
    ("url(#glyph0-1)", "url(#p-glyph0-1)"),
    ("url(#a) url(#b)url(#c)", "url(#p-a) url(#p-b)url(#p-c)"),
    ("图 url(#图) ✓", "图 url(#p-图) ✓"),
    ("url(#a) url(#unclosed", "url(#p-a) url(#unclosed"),
    ("url(#)", "url(#p-)"),
    ("url(a) url(#b)", "url(a) url(#p-b)"),
  ])
  func urlReferencesAreRewrittenWhereverTheyAre(value: String, expected: String) {
    #expect(SVGPostProcessor.rewritingURLReferences(in: value) { "p-" + $0 } == expected)
  }

  @Test func invalidPrefixIsRejected() {
    #expect(throws: ChartRenderError.invalidIDPrefix("1chart")) {
      try SVGPostProcessor.prefixingIDs(Self.bytes, with: "1chart")
    }
    #expect(throws: ChartRenderError.invalidIDPrefix("a\"b")) {
      try SVGPostProcessor.prefixingIDs(Self.bytes, with: "a\"b")
    }
    #expect(SVGPostProcessor.isValidIDPrefix("chart_1.a-"))
  }

  @Test func malformedSVGIsReportedWithPositions() {
    #expect {
      try SVGPostProcessor.normalizingSurfaceIDs(Array("<svg><g></svg>".utf8))
    } throws: { error in
      guard case ChartRenderError.malformedSVG(let issues) = error else { return false }
      return issues.first?.line == 1
    }
  }
}
