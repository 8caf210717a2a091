import BenchAnalysis
import BenchModel
import Testing

@testable import BenchCharts

/// The ITL histogram is counted in parts of a run's requests on all cores; the parts must cover
/// every request once, in order, and their counts must add up to one pass over the run.
struct ITLHistogramPartsTests {
  /// `requests` requests of 0–40 gaps each (some with none), every fifth one failed.
  static func samples(requests: Int) -> RequestSamples {
    var gaps: [Double] = []
    var offsets = [0]
    var succeeded: [Bool] = []
    for index in 0..<requests {
      for gap in 0..<(index * 7 % 41) { gaps.append(0.02 + Double((index * 31 + gap * 17) % 1000) / 20_000) }
      offsets.append(gaps.count)
      succeeded.append(index % 5 != 0)
    }
    return RequestSamples(
      timeToFirstToken: Array(repeating: 0.1, count: requests), interTokenGaps: gaps, gapOffsets: offsets, succeeded: succeeded)
  }

  @Test(arguments: [1, 7, 100, 1_000, 100_000])
  func rangesCoverEveryRequestOnce(gapsPerPart: Int) {
    let samples = Self.samples(requests: 500)
    let ranges = SweepChartBuilder.requestRanges(of: samples, gapsPerPart: gapsPerPart)
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == samples.count)
    for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    // Every part but the last holds at least `gapsPerPart` gaps.
    for range in ranges.dropLast() {
      #expect(samples.gapOffsets[range.upperBound] - samples.gapOffsets[range.lowerBound] >= gapsPerPart)
    }
  }

  @Test func emptyRunIsOneEmptyRange() {
    #expect(SweepChartBuilder.requestRanges(of: RequestSamples(), gapsPerPart: 10) == [0..<0])
  }

  @Test func partsAddUpToOnePass() {
    let samples = Self.samples(requests: 700)
    let whole = SweepChartBuilder.histogramCounts(binWidth: 2, upper: 60) { body in
      SampleStatistics.forEachInterTokenGapMilliseconds(of: samples, body)
    }
    var bins = [Int](repeating: 0, count: whole.bins.count)
    var count = 0
    for range in SweepChartBuilder.requestRanges(of: samples, gapsPerPart: 333) {
      let part = SweepChartBuilder.histogramCounts(binWidth: 2, upper: 60) { body in
        SampleStatistics.forEachInterTokenGapMilliseconds(of: samples, requests: range, body)
      }
      for bin in bins.indices { bins[bin] += part.bins[bin] }
      count += part.count
    }
    #expect(bins == whole.bins)
    #expect(count == whole.count)
    #expect(whole.count > 1000)
  }
}
