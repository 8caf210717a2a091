import BenchModel
import Testing

@Suite struct TextPatternTests {
  @Test func fillsEveryPlaceholder() {
    let pattern = TextPattern("at {level} throughput grew only {value} (< {limit})")
    #expect(pattern.filled(with: ["level": "128", "value": "+12%", "limit": "20%"]) == "at 128 throughput grew only +12% (< 20%)")
  }

  @Test func insertedValuesAreNotExpandedAgain() {
    // A model name that looks like a placeholder must appear verbatim, whatever the order.
    let pattern = TextPattern("{a} and {b}")
    #expect(pattern.filled(with: ["a": "{b}", "b": "x"]) == "{b} and x")
    #expect(pattern.filled(with: ["b": "{a}", "a": "y"]) == "y and {a}")
  }

  @Test func unknownPlaceholdersAndStrayBracesStay() {
    #expect(TextPattern("{known} {unknown} {").filled(with: ["known": "1"]) == "1 {unknown} {")
    #expect(TextPattern("no placeholders").filled(with: ["x": "1"]) == "no placeholders")
  }
}
