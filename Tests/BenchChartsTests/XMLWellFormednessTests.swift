import BenchCharts
import Testing

@Suite struct XMLWellFormednessTests {
  @Test func wellFormedDocumentHasNoIssues() {
    #expect(XMLWellFormedness.issues(in: "<svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"a\"/></svg>").isEmpty)
    #expect(XMLWellFormedness.isWellFormed(Array("<a>吞吐量 &amp; 并发数</a>".utf8)))
  }

  @Test func bareAmpersandIsReportedWithItsPosition() throws {
    let issues = XMLWellFormedness.issues(in: "<a>A & B</a>")
    let first = try #require(issues.first)
    #expect(first.line == 1)
    #expect(first.column > 0)
    #expect(first.severity != .warning)
    #expect(first.message.contains("EntityRef"))
  }

  @Test func mismatchedTagsAreReportedOnTheirLine() throws {
    let xhtml = """
      <html>
        <body>
          <table><tr><td>1</td></table>
        </body>
      </html>
      """
    let issues = XMLWellFormedness.issues(in: xhtml)
    #expect(!issues.isEmpty)
    let first = try #require(issues.first)
    #expect(first.line == 3)
    #expect(first.message.contains("mismatch"))
    #expect(first.description.hasPrefix("line 3, column"))
  }

  @Test func libxml2VersionIsKnown() {
    #expect(XMLWellFormedness.libxml2Version.hasPrefix("2."))
  }
}
