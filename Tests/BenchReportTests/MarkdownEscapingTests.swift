import Testing

@testable import BenchReport

struct MarkdownEscapingTests {
  typealias M = MarkdownEscaping

  @Test(arguments: [
    ("a|b", #"a\|b"#),
    ("line one\nline two", "line one line two"),
    ("windows\r\nline", "windows line"),
    ("old mac\rline", "old mac line"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("`rm -rf /`", #"\`rm -rf /\`"#),
    ("{{title}} {{{command}}}", "{{title}} {{{command}}}"),
    ("*bold*", #"\*bold\*"#),
    ("snake_case_name", #"snake\_case\_name"#),
    ("[x](y)", #"\[x\](y)"#),
    (#"back\slash"#, #"back\\slash"#),
    ("Meta-Llama-3.1-8B-Instruct", "Meta-Llama-3.1-8B-Instruct"),
    ("模型 · 中文", "模型 · 中文"),
    ("", ""),
  ])
  func inline(_ text: String, _ expected: String) {
    #expect(M.inline(text) == expected)
  }

  @Test func inlineOutputHasNoLineBreak() {
    let escaped = M.inline("a\nb\r\nc\rd\n\n")
    #expect(!escaped.contains("\n"))
    #expect(!escaped.contains("\r"))
  }

  /// The `|` characters of `row` that end a cell: not escaped by an odd run of backslashes.
  func unescapedPipes(in row: String) -> Int {
    var count = 0
    var backslashes = 0
    for character in row {
      if character == "|", backslashes % 2 == 0 { count += 1 }
      backslashes = character == "\\" ? backslashes + 1 : 0
    }
    return count
  }

  @Test func tableRowWithHostileCellsKeepsItsColumns() {
    let cells = [
      "a|b", "c\\", "x\\|y", "line\nbreak", "<script>|</script>", "`|`", "{{ }}", "*_[x](y)_*", "|",
    ]
    let row = "| " + cells.map(M.inline).joined(separator: " | ") + " |"
    #expect(unescapedPipes(in: row) == cells.count + 1)
    #expect(!row.contains("\n"))
    #expect(!row.contains("<"))
    // The helper itself: an escaped pipe does not count, an escaped backslash before a pipe does.
    #expect(unescapedPipes(in: #"| a\|b | c\\| "#) == 3)
  }

  @Test func codeBlockCannotCloseItsFence() {
    #expect(M.codeBlock("echo ```done```") == "echo ˋˋˋdoneˋˋˋ")
    #expect(!M.codeBlock("a\n```\nb").contains("```"))
    #expect(M.codeBlock("--model 'a|b' <x> `y`") == "--model 'a|b' <x> `y`")
  }
}
