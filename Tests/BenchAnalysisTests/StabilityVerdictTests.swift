import BenchModel
import Testing

@testable import BenchAnalysis

struct StabilityVerdictTests {
  func verdict(maxStable: LoadLevel?, firstUnstable: LoadLevel?) -> StabilityVerdict {
    StabilityVerdict(
      maxStable: maxStable, firstUnstable: firstUnstable, reasons: [], uncheckedCriteria: [])
  }

  @Test func limitNotReachedOnlyWhenEveryLevelWasStable() {
    #expect(verdict(maxStable: .concurrency(8), firstUnstable: nil).limitNotReached)
    #expect(!verdict(maxStable: .concurrency(4), firstUnstable: .concurrency(8)).limitNotReached)
    #expect(!verdict(maxStable: nil, firstUnstable: .concurrency(1)).limitNotReached)
    // No level at all: nothing was reached, but nothing was shown stable either.
    #expect(!verdict(maxStable: nil, firstUnstable: nil).limitNotReached)
  }
}
