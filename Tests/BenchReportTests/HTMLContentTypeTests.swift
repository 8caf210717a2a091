import Mustache
import Testing

@testable import BenchReport

/// The reference is swift-mustache's own HTML content type: the same text in, the same text out.
struct HTMLContentTypeTests {
  @Test(arguments: [
    "", "plain", "32", "1,543.0 tok/s", "<b>", "a & b", "\"quoted\"", "it's", "<&>\"'", "&amp;",
    "并发数 <32> “引号” & 'x'", "😀<😀>", "tail<", ">head", "x\r\ny<", "∞ — ≥95 %",
  ])
  func escapesAsSwiftMustacheDoes(text: String) throws {
    _ = HTMLContentType.registered
    let ours = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLContentType.name)}}{{value}}")
    let theirs = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}{{value}}")
    #expect(ours.render(["value": text]) == theirs.render(["value": text]))
  }

  @Test func plainTextIsReturnedUnchanged() {
    let text = String(repeating: "并发数 32 · 1,543.0 tok/s ", count: 100)
    #expect(HTMLContentType().escapeText(text) == text)
  }
}
