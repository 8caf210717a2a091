import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Locust ingest on the real files of `Fixtures/locust/` (copied from
/// shared/samples-public/locust with their SOURCES.md). Expected numbers were read from the same
/// files with pandas 2.x (`pd.read_csv`, the `Aggregated` row), never from benchreport.
@Suite struct LocustRunAssemblerTests {
  static var folder: URL { TestFixtures.root.appendingPathComponent("locust") }

  static func scan() -> IngestResult {
    InputScanner().scan([folder.path])
  }

  static func wholeRun(_ result: IngestResult, _ path: String) -> Run? {
    result.runs.first { $0.task == nil && $0.files.contains(path) }
  }

  /// Every public Locust file is read into a run or skipped with a stated reason — which one
  /// is listed here file by file.
  @Test func everyPublicFileIsReadOrSkippedWithAReason() throws {
    let result = Self.scan()
    let read = Set(result.runs.flatMap(\.files))
    let skipped = Dictionary(result.skipped.map { ($0.location.path, $0.reason) }, uniquingKeysWith: { a, _ in a })
    let files = try FileManager.default.subpathsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".csv") }.sorted()
    #expect(files.count == 46)
    // Files expected to be skipped, with a word of their reason: a history cut off after its
    // header, 0.x files without a user count anywhere, failures without statistics.
    let expectedSkipped: [String: String] = [:]
    for file in files {
      if let reason = expectedSkipped[file] {
        #expect(skipped[file]?.contains(reason) == true, "\(file): \(skipped[file] ?? "not skipped")")
      } else {
        #expect(read.contains(file) || skipped[file] != nil, "\(file) was neither read nor skipped")
        #expect(!(skipped[file] ?? "x").isEmpty)
      }
    }
    // The failures-only file of a run whose statistics were not committed.
    #expect(skipped["ylmzunal__scalable-llm-over-kubernetes/poster_load_test_failures.csv"]?.contains("without the run's statistics") == true)
    #expect(skipped["ONSdigital__eq-survey-runner-benchmark/0007-uwsgi/uwsgi-threads-50-threads/runner-benchmark-fz9-r44xk_output_failures.csv"]?.contains("without the run's statistics") == true)
    // 0.x requests/distribution and other runs without any user count are unplaced by the
    // grouper, not here: they are runs.
    #expect(Self.wholeRun(result, "jmath1__ChatOps-LocustIO/example_requests.csv") != nil)
  }

  @Test func fixedRunTakesUsersFromTheHistoryAfterTheRamp() throws {
    let result = Self.scan()
    let prefix = "ONSdigital__eq-survey-runner-benchmark/0012-cores/16_cores-4_pods/runner-benchmark-1su-6ksqh_output_"
    let run = try #require(Self.wholeRun(result, prefix + "stats.csv"))
    // pandas: Aggregated Request Count 394487, Failure Count 18, Requests/s 328.6391419946301,
    // 99% 610, Average Response Time 261.4040298695063; User Count 256 in 1111 of 1122 rows.
    #expect(run.users == 256)
    #expect(run.numPrompts == 394_487)
    #expect(run.failed == 18)
    #expect(run.totalRequestThroughput == 328.6391419946301)
    #expect(run.latency[.e2el]?.percentile(99) == 610)
    #expect(run.latency[.e2el]?.mean == 261.4040298695063)
    #expect(isClose(run.requestThroughput, 328.6391419946301 * (394_487 - 18) / 394_487, relative: 1e-12))
    #expect(run.files == [prefix + "stats.csv", prefix + "failures.csv", prefix + "stats_history.csv"])
    #expect(run.failureRecords.reduce(0) { $0 + $1.occurrences } == 18)
    #expect(run.format.schema == "csv-D")
  }

  @Test func idleTailIsCutAndStreamingNamesAreTasks() throws {
    let result = Self.scan()
    let run = try #require(Self.wholeRun(result, "rishabhpoddar__llm-inference/results/locust_stats.csv"))
    // pandas: User Count 40 in 200 rows; the last change of Total Request Count is row 239 of
    // 476, so 236 idle rows follow.
    #expect(run.users == 40)
    #expect(run.notes.contains { $0.contains("236 idle row(s)") })
    // Three request names (STREAM E2E, STREAM TTFT, POST chat (headers)) → three task runs.
    let tasks = result.runs.filter { $0.source == run.source && $0.task != nil }.compactMap(\.task).sorted()
    #expect(tasks == ["E2E", "TTFT", "chat (headers)"])
  }

  @Test func windowsGBKFileIsDecodedAndShortHistoryGivesItsHighestUserCount() throws {
    let result = Self.scan()
    let run = try #require(Self.wholeRun(result, "zhajiangmian2342__20200823/locust_stats.csv"))
    // pandas (encoding gb18030): GET get接口, 15 requests; the history's User Count peaks at 10
    // before the final write repeats the second with 0.
    #expect(run.numPrompts == 15)
    #expect(run.users == 10)
    #expect(run.notes.contains { $0.contains("GB18030") })
    #expect(run.format.schema == "csv-C")
  }

  @Test func oldHistoryWithoutUserCountFallsBackToTheFileName() throws {
    let result = Self.scan()
    let run = try #require(Self.wholeRun(result, "ONSdigital__eq-survey-runner-benchmark/0003-session/baseline_25_clients_stats_history.csv"))
    // pandas: the last Aggregated row has # requests 9751, # failures 0.
    #expect(run.users == 25)
    #expect(run.numPrompts == 9751)
    #expect(run.notes.contains { $0.contains("taken from the file name") })
  }

  @Test func truncatedHistoryLeavesTheRunWithoutUsers() throws {
    let result = Self.scan()
    // The history holds only its header and one N/A row (User Count 0): no user count.
    let run = try #require(Self.wholeRun(result, "BerriAI__proxy_load_tester/5d1aced/load_test_stats.csv"))
    #expect(run.users == nil)
    let grouped = SweepGrouper.group(result.runs)
    #expect(grouped.unplaced.contains { $0.location.path == run.source.path && $0.reason.contains("without a user count") })
  }

  @Test func locust0xRequestsAndDistributionAreOneRun() throws {
    let result = Self.scan()
    let run = try #require(Self.wholeRun(result, "ONSdigital__eq-survey-runner-benchmark/0001-grpc/baseline_requests.csv"))
    #expect(run.files.contains("ONSdigital__eq-survey-runner-benchmark/0001-grpc/baseline_distribution.csv"))
    #expect(run.format.schema == "csv-A")
    #expect(run.latency[.e2el]?.percentile(100) != nil)
  }
}
