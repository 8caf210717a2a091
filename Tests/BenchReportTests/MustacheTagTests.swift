import Testing

@testable import BenchReport

struct MustacheTagTests {
  @Test func everyKindWithItsPosition() throws {
    let text = """
      {{! a comment
      over two lines }}
      {{% CONTENT_TYPE: TEXT}}
      # {{title}} {{{raw}}} {{& amp }}
      {{#sweeps}}{{^hasNotes}}{{/hasNotes}}
        {{> summary-table.md}} {{<parent}}{{/parent}}
      {{/sweeps}}
      """
    let tags = try #require(MustacheTag.scan(text))
    let summary = tags.map { "\($0.kind) \($0.name) \($0.line):\($0.column)" }
    #expect(
      summary == [
        "comment a comment\nover two lines 1:1", "pragma CONTENT_TYPE: TEXT 3:1", "variable title 4:3",
        "unescaped raw 4:13", "unescaped amp 4:23", "open sweeps 5:1", "open hasNotes 5:12", "close hasNotes 5:25",
        "partial summary-table.md 6:3", "parent parent 6:26", "close parent 6:37", "close sweeps 7:1",
      ])
  }

  @Test func changedDelimitersStopTheScan() {
    #expect(MustacheTag.scan("{{=<% %>=}}\n<% title %>") == nil)
  }

  @Test func unclosedTagEndsTheScan() throws {
    let tags = try #require(MustacheTag.scan("{{a}} {{b"))
    #expect(tags.map(\.name) == ["a"])
  }

  /// Lines end at LF also when a CR comes before it (a template saved on Windows); columns
  /// count characters, not bytes.
  @Test func windowsLineEndsAndWideCharacters() throws {
    let tags = try #require(MustacheTag.scan("{{a}}\r\n  中文 {{b}}\r\n{{! x\r\ny }}{{c}}"))
    #expect(tags.map { "\($0.name) \($0.line):\($0.column)" } == ["a 1:1", "b 2:6", "x\r\ny 3:1", "c 4:5"])
  }
}
