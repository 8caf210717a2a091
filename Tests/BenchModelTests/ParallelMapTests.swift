import Testing

import BenchModel

struct ParallelMapTests {
  /// Results come back in input order whatever the scheduling (outputs are byte-compared).
  @Test func resultsAreInInputOrder() {
    let input = Array(0..<1000)
    #expect(ParallelMap.map(input) { $0 * $0 } == input.map { $0 * $0 })
    #expect(ParallelMap.map([Int]()) { $0 } == [])
    #expect(ParallelMap.map([7]) { $0 + 1 } == [8])
  }
}
