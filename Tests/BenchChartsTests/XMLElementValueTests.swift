import BenchCharts
import Testing

@Suite struct XMLElementValueTests {
  @Test func elementsAttributesAndTextAsValues() throws {
    let xhtml = """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:xlink="http://www.w3.org/1999/xlink" lang="zh-CN">
      <body><p class="a">吞吐量 &amp; &lt;script&gt; &#39;q&#39;</p><use xlink:href="#c1-glyph0-1"/><![CDATA[raw <b>]]></body>
      </html>
      """
    let root = try XMLElementValue.parse(xhtml).get()
    #expect(root.name == "html")
    #expect(root.attributes["lang"] == "zh-CN")
    let paragraph = try #require(root.elements(named: "p").first)
    #expect(paragraph.attributes == ["class": "a"])
    #expect(paragraph.textContent == "吞吐量 & <script> 'q'")
    #expect(root.elements(named: "script").isEmpty)
    #expect(root.elements(named: "use").first?.attributes["href"] == "#c1-glyph0-1")
    #expect(root.textContent.contains("raw <b>"))
    #expect(root.elements.map(\.name) == ["html", "body", "p", "use"])
  }

  @Test func malformedDocumentGivesTheIssuesWithTheirLine() {
    switch XMLElementValue.parse("<a>\n<b>A & B</b>\n</a>") {
    case .success: Issue.record("a bare & is not well-formed")
    case .failure(let failure):
      #expect(failure.issues.first?.line == 2)
      #expect(failure.description.contains("line 2"))
    }
  }
}
