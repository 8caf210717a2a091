import Foundation
import Testing

@testable import BenchIngest

/// Percentiles recomputed from the `--json` histograms against the numbers Locust itself printed
/// for the same run in its HTML report (`window.templateArgs.response_time_statistics`, read with
/// Python's json module from samples/locust-user-sweep-gateway/u128.html).
@Suite struct LocustJSONReaderTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples/locust-user-sweep-gateway")

  @Test func histogramPercentilesMatchWhatLocustPrinted() throws {
    let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("u128.json")))
    let read = try LocustJSONReader.read(try TolerantJSONParser().parse(bytes), path: "u128.json")
    let aggregate = try #require(read.aggregate)
    let html = try LocustHTMLReport.read([UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("u128.html"))), path: "u128.html")
    let printed = try #require(html.aggregate)
    #expect(aggregate.requests == printed.requests)
    #expect(aggregate.failures == printed.failures)
    for p in [50.0, 80, 90, 95, 99, 100] {
      #expect(aggregate.percentiles[p] == printed.percentiles[p], "p\(p)")
    }
    #expect(isClose(aggregate.averageMilliseconds, printed.averageMilliseconds, relative: 1e-9))
    #expect(aggregate.medianMilliseconds == printed.medianMilliseconds)
    #expect(Set(read.entries.map(\.name)) == ["qwen2", "llama3"])
  }

  @Test func locustPercentileRule() {
    // calculate_response_time_percentile (locust/stats.py), worked by hand: 10 requests in
    // buckets 10 (×5), 20 (×4), 30 (×1); p = the largest bucket with count − (requests at or
    // above it) ≤ int(10 × fraction).
    let histogram: [Double: Int] = [10: 5, 20: 4, 30: 1]
    #expect(LocustJSONReader.percentile(histogram, count: 10, fraction: 0.4) == 10)
    #expect(LocustJSONReader.percentile(histogram, count: 10, fraction: 0.5) == 20)
    #expect(LocustJSONReader.percentile(histogram, count: 10, fraction: 0.9) == 30)
    #expect(LocustJSONReader.percentile(histogram, count: 10, fraction: 0.95) == 30)
    #expect(LocustJSONReader.percentile(histogram, count: 10, fraction: 1.0) == 30)
  }
}
