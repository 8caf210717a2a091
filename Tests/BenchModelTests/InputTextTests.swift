import BenchModel
import Testing

/// Input text is made safe for the terminal, Markdown and XHTML; ordinary text is untouched.
struct InputTextTests {
  @Test func ordinaryTextIsReturnedAsItIs() {
    for text in ["neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8", "模型 ∞ µs", "a|b <c>", ""] {
      #expect(InputText.clean(text) == text)
    }
  }

  @Test func controlCharactersBecomeVisiblePictures() {
    #expect(InputText.clean("a\u{1B}[31mred\u{1B}[0m") == "a␛[31mred␛[0m")
    #expect(InputText.clean("nul\u{0}one\u{1}tab\tnl\n") == "nul␀one␁tab␉nl␊")
    #expect(InputText.clean("del\u{7F} c1\u{85} nonchar\u{FFFE}\u{FFFF}") == "del␡ c1\u{FFFD} nonchar\u{FFFD}\u{FFFD}")
    #expect(InputText.clean("line 1\nline 2\ttab\u{1B}", limit: 100, keepsLineBreaks: true) == "line 1\nline 2\ttab␛")
  }

  @Test func longTextIsCut() {
    let long = String(repeating: "x", count: 5_000_000)
    let cleaned = InputText.clean(long)
    #expect(cleaned.count == InputText.nameLimit + 1)
    #expect(cleaned.hasSuffix("…"))
    #expect(InputText.clean(String(repeating: "é", count: 200)) == String(repeating: "é", count: 200))
  }
}
