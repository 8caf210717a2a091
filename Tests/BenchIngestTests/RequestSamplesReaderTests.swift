import BenchAnalysis
import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// The per-request arrays, and the proof that summaries recomputed from them match what vLLM
/// itself wrote into the same file.
///
/// References: the summary keys vLLM wrote (`mean_ttft_ms`, `p99_itl_ms`, …), and numpy 2.4.6
/// over the arrays as `json.load` reads them:
/// `ok = [e == "" for e in d["errors"]]`,
/// `ttft = [t*1000 for t, s in zip(d["ttfts"], ok) if s]`,
/// `itl = [g*1000 for l, s in zip(d["itls"], ok) if s for g in l]`,
/// `tpot = [(t + sum(l) - t) / (n - 1) * 1000 for … if s and n > 1]`, `e2el = [(t + sum(l))*1000 …]`,
/// then `np.mean`, `np.median`, `np.std`, `np.percentile(a, 90 / 99)`.
struct RequestSamplesReaderTests {
  // MARK: - Reading the arrays

  /// aurotripathy concurrency 1 (python): 100 requests, 100 ttfts, 16 900 gaps (169 per
  /// request), every error "", input_lens[0] == 921, output_lens all 170.
  @Test func arraysOfARealFile() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSample(TestFixtures.aurotripathy(concurrency: 1)))
    )
    let samples = try #require(run.samples)
    #expect(samples.count == 100)
    #expect(samples.inputLengths.count == 100 && samples.inputLengths.reduce(0, +) == 93766)  // = total_input_tokens
    #expect(samples.outputLengths == Array(repeating: 170, count: 100))
    #expect(samples.interTokenGaps.count == 16900)
    #expect(samples.gapOffsets == Array(stride(from: 0, through: 16900, by: 169)))
    #expect(samples.succeeded == Array(repeating: true, count: 100))
    #expect(samples.errorCounts.isEmpty)
    #expect(samples.endToEndLatency == nil)
    #expect(samples.timeToFirstToken.first == 0.05044245299995964)  // d["ttfts"][0]
    #expect(samples.gaps(of: 99).count == 169)
    #expect(samples.inputLengths.first == 921)
  }

  /// v2-arrays-with-failure.json: request 1 failed with a traceback; the error is counted by
  /// its last line; its empty `itls` list keeps the offsets aligned.
  @Test func failedRequestInTheArrays() throws {
    let samples = try #require(
      try TestFixtures.readSynthetic("v2-arrays-with-failure.json").runs.first?.samples)
    #expect(samples.succeeded == [true, false, true, true])
    #expect(samples.gapOffsets == [0, 3, 3, 5, 9])
    #expect(Array(samples.gaps(of: 2)) == [0.025, 0.018])
    #expect(samples.outputLengths == [4, 0, 3, 5])
    #expect(samples.inputLengths == [120, 98, 131, 87])
    #expect(
      samples.errorCounts == [
        ErrorCount(
          message: "aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected",
          count: 1)
      ])
  }

  // MARK: - Edge cases of the arrays (§1.6, §4 of the formats note)

  func samples(_ json: String) throws -> (RequestSamples?, [String]) {
    var notes: [String] = []
    let samples = RequestSamplesReader.read(try TestFixtures.object(json), notes: &notes)
    return (samples, notes)
  }

  @Test func noArraysNoSamples() throws {
    let (samples, notes) = try self.samples(#"{"completed": 3}"#)
    #expect(samples == nil && notes.isEmpty)
  }

  @Test func latenciesArrayIsUsedWhenPresent() throws {
    let (samples, notes) = try self.samples(
      #"{"ttfts": [0.1, 0.2], "output_lens": [3, 2], "itls": [[0.01, 0.02], [0.03]], "errors": ["", ""], "latencies": [0.5, 0.6], "queue_times": [0, 0]}"#
    )
    #expect(samples?.endToEndLatency == [0.5, 0.6])
    #expect(notes.isEmpty)
  }

  @Test func missingErrorsFallBackToOutputLengths() throws {
    let (samples, _) = try self.samples(
      #"{"ttfts": [0.1, 0.0, 0.2], "output_lens": [3, 0, 2], "itls": [[0.01, 0.02], [], [0.03]]}"#)
    #expect(samples?.succeeded == [true, false, true])
  }

  @Test func missingItlsMeansNoGaps() throws {
    let (samples, _) = try self.samples(
      #"{"ttfts": [0.1, 0.2], "output_lens": [1, 1], "errors": ["", ""]}"#)
    #expect(samples?.gapOffsets == [0, 0, 0])
    #expect(samples?.interTokenGaps == [])
  }

  @Test func nullErrorCountsAsSuccess() throws {
    let (samples, _) = try self.samples(
      #"{"ttfts": [0.1, 0.0], "output_lens": [2, 0], "itls": [[0.01], []], "errors": [null, "boom"]}"#
    )
    #expect(samples?.succeeded == [true, false])
    #expect(samples?.errorCounts == [ErrorCount(message: "boom", count: 1)])
  }

  @Test func errorsAreCountedByMessageMostFrequentFirst() throws {
    let (samples, _) = try self.samples(
      #"{"ttfts": [0, 0, 0, 0.1], "output_lens": [0, 0, 0, 2], "itls": [[], [], [], [0.01]], "errors": ["Traceback:\n  x\nTimeoutError\n", "B", "Traceback:\n  y\nTimeoutError", ""]}"#
    )
    #expect(
      samples?.errorCounts == [
        ErrorCount(message: "TimeoutError", count: 2), ErrorCount(message: "B", count: 1),
      ])
  }

  @Test func mismatchedItlsAreRejectedWithANote() throws {
    let (samples, notes) = try self.samples(
      #"{"ttfts": [0.1, 0.2], "output_lens": [2, 2], "itls": [[0.01]]}"#)
    #expect(samples == nil)
    #expect(notes == ["itls has 1 entries, expected 2 lists; per-request samples ignored"])
  }

  @Test func nonNumericTtftsAreRejectedWithANote() throws {
    let (samples, notes) = try self.samples(#"{"ttfts": [0.1, null], "output_lens": [2, 2]}"#)
    #expect(samples == nil)
    #expect(notes == ["ttfts is an array of non-numbers; per-request samples ignored"])
  }

  @Test func missingOutputLengthsAreRejectedWithANote() throws {
    let (samples, notes) = try self.samples(#"{"ttfts": [0.1], "itls": [[]]}"#)
    #expect(samples == nil)
    #expect(notes == ["output_lens missing or unusable; per-request samples ignored"])
  }

  @Test func inputLengthsOfTheWrongCountAreDroppedNotFatal() throws {
    let (samples, notes) = try self.samples(
      #"{"ttfts": [0.1], "output_lens": [2], "input_lens": [5, 6], "itls": [[0.01]], "errors": [""]}"#
    )
    #expect(samples?.inputLengths == [])
    #expect(samples?.count == 1)
    #expect(notes == ["input_lens has 2 entries but ttfts has 1; ignored"])
  }

  @Test func emptyArrays() throws {
    let (samples, notes) = try self.samples(
      #"{"ttfts": [], "output_lens": [], "itls": [], "errors": []}"#)
    #expect(samples?.count == 0)
    #expect(samples?.succeeded == [])
    #expect(notes.isEmpty)
  }

  // MARK: - Recomputed summaries vs vLLM's own numbers (aurotripathy, V6, `--backend openai`)

  struct VLLMReported: Sendable, CustomTestStringConvertible {
    var path: String
    /// (mean, median, std, p99) vLLM wrote for ttft, tpot, itl.
    var ttft: [Double]
    var tpot: [Double]
    var itl: [Double]
    /// numpy over the arrays (see the type comment): tpot (mean, median, std, p99), e2el
    /// (mean, median, std, p90, p99).
    var numpyTPOT: [Double]
    var numpyE2EL: [Double]
    /// Smallest output length, for the TPOT bound.
    var minimumOutputLength: Int
    var testDescription: String { (path as NSString).lastPathComponent }
  }

  static let reported: [VLLMReported] = [
    VLLMReported(
      path: TestFixtures.aurotripathy(concurrency: 1),
      ttft: [44.21049740001763, 44.09883850030383, 2.4629407294537695, 50.94235884000682],
      tpot: [7.46679940899412, 7.52415742899434, 0.13966365589651591, 7.744096614733981],
      itl: [7.466804696331559, 7.437112999696183, 0.3880997666837161, 8.547087269657819],
      numpyTPOT: [7.466804696331561, 7.524161618342202, 0.13966330305319222, 7.744102389349862],
      numpyE2EL: [
        1306.1004910800511, 1313.6397190000935, 23.256684219651653, 1328.9872209000805,
        1356.1347076503625,
      ],
      minimumOutputLength: 170),
    VLLMReported(
      path: TestFixtures.aurotripathy(concurrency: 32),
      ttft: [77.0115978099966, 69.81729449989871, 25.117955575804427, 133.8436533196455],
      tpot: [13.865409124674661, 14.557775804733817, 1.936131105395811, 16.10025257284119],
      itl: [13.865412664911204, 11.23645799998485, 7.874829242594673, 50.36390010004651],
      numpyTPOT: [13.86541266491121, 14.55778154733718, 1.936131003805403, 16.100257649409315],
      numpyE2EL: [
        2420.2663381799903, 2521.474965499692, 329.59967130532897, 2762.3029572999712,
        2793.225847190174,
      ],
      minimumOutputLength: 170),
    VLLMReported(
      path: TestFixtures.aurotripathy(concurrency: 256),
      ttft: [75.35407324998232, 72.23613950009167, 23.57415320905433, 142.5694047599928],
      tpot: [14.182571015857988, 14.598313215975992, 1.9946274976904845, 17.14864040153714],
      itl: [14.182574383372685, 11.42886799993903, 8.31219876470711, 54.64610086969045],
      numpyTPOT: [14.182574383372687, 14.598318215976931, 1.9946276417014508, 17.148644665502395],
      numpyE2EL: [
        2472.209144039966, 2547.221353500163, 343.7515814148863, 2919.349376299806,
        3003.973106200101,
      ],
      minimumOutputLength: 170),
    // surajssd qps_inf (V7a, `--backend vllm`, same request function): 200 requests, output
    // lengths 1…, so TPOT covers 186 requests.
    VLLMReported(
      path: TestFixtures.surajssdInf,
      ttft: [360.36056903502185, 349.84637349998593, 76.91157458391265, 450.3786364301777],
      tpot: [39.06266014106353, 36.973057458311075, 8.400645090308668, 75.76524432244929],
      itl: [34.188907868808926, 35.05137500019373, 7.0609606865235195, 43.595131400124956],
      numpyTPOT: [39.062664464948966, 36.97305817125884, 8.400651651875338, 75.76526071746461],
      numpyE2EL: [
        7573.878240275017, 6052.3237364998295, 6594.642224824186, 16997.857486600104,
        23543.052360140417,
      ],
      minimumOutputLength: 1),
  ]

  static func recomputed(_ path: String) throws -> [LatencyMetric: LatencySummary] {
    let run = try #require(TestFixtures.singleRun(try TestFixtures.readSample(path)))
    let samples = try #require(run.samples)
    return SampleStatistics.summaries(of: samples)
  }

  /// Element-wise `isClose`, one expectation per statistic.
  static func expectClose(
    _ got: [Double?], _ wanted: [Double], relative tolerance: Double, _ context: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(got.count == wanted.count, sourceLocation: sourceLocation)
    for index in 0..<min(got.count, wanted.count) {
      let value = got[index]
      let expected = wanted[index]
      #expect(
        isClose(value, expected, relative: tolerance),
        "\(context), statistic \(index): \(String(describing: value)) vs \(expected)",
        sourceLocation: sourceLocation)
    }
  }

  /// (mean, median, std, p99) of a summary.
  static func values(_ summary: LatencySummary?) -> [Double?] {
    [summary?.mean, summary?.median, summary?.standardDeviation, summary?.percentile(99)]
  }

  /// TTFT and ITL: vLLM's statistics are numpy over exactly the numbers in the file, in
  /// seconds, then × 1000; recomputed the same way, they are the same doubles.
  @Test(arguments: reported)
  func ttftAndITLMatchWhatVLLMWrote(_ reference: VLLMReported) throws {
    let summaries = try Self.recomputed(reference.path)
    #expect(Self.values(summaries[.ttft]) == reference.ttft, "ttft vs vLLM")
    #expect(Self.values(summaries[.itl]) == reference.itl, "itl vs vLLM")
  }

  /// TPOT cannot match vLLM to rounding, and the reason is in vLLM's request function
  /// (`benchmarks/backend_request_func.py`, `async_request_openai_completions`, e.g.
  /// aurotripathy/vllm-bench@1d4779cc): on the first chunk it takes `timestamp =
  /// time.perf_counter()` and then `ttft = time.perf_counter() - st` — a second clock read —
  /// while `latency = most_recent_timestamp - st` uses the first. So vLLM's per-request TPOT
  /// `(latency − ttft)/(n − 1)` equals `(Σ itl − δ)/(n − 1)`, where δ > 0 is the time between
  /// those two `perf_counter()` calls, which the file does not record. From the file only
  /// `Σ itl/(n − 1)` can be computed. Hence, for every request, ours exceeds vLLM's by
  /// δ/(n − 1): mean, median and p99 must be strictly larger, by less than 10 µs/(n − 1)
  /// (observed: mean δ ≈ 0.57–0.89 µs), and std agrees to 1e-5 relative (observed ≤ 7.7e-6).
  /// Our recomputation itself must equal numpy's over the same arrays to rounding.
  @Test(arguments: reported)
  func tpotDiffersFromVLLMOnlyByTheUnrecordedClockRead(_ reference: VLLMReported) throws {
    let got = Self.values(try Self.recomputed(reference.path)[.tpot])
    Self.expectClose(got, reference.numpyTPOT, relative: 1e-12, "tpot vs numpy")
    let boundMilliseconds = 0.010 / Double(max(reference.minimumOutputLength - 1, 1))
    for (index, name) in [(0, "mean"), (1, "median"), (3, "p99")] {
      let difference = (got[index] ?? .nan) - reference.tpot[index]
      #expect(
        difference > 0 && difference < boundMilliseconds,
        "tpot \(name): ours − vLLM = \(difference) ms")
    }
    #expect(isClose(got[2], reference.tpot[2], relative: 1e-5), "tpot std")
  }

  /// E2E: this file version has no e2el keys (default `--percentile-metrics`), so the
  /// reference is numpy over ttft + Σ itl.
  @Test(arguments: reported)
  func endToEndLatencyMatchesNumpy(_ reference: VLLMReported) throws {
    let summary = try Self.recomputed(reference.path)[.e2el]
    let got = [
      summary?.mean, summary?.median, summary?.standardDeviation, summary?.percentile(90),
      summary?.percentile(99),
    ]
    Self.expectClose(
      got, reference.numpyE2EL, relative: 1e-12, "e2el (mean, median, std, p90, p99) vs numpy")
  }

  // MARK: - Recomputed summaries vs the synthetic files (numpy in generate.py)

  /// v2: the failed request is left out, as vLLM leaves it out (file: mean_ttft_ms 53.5,
  /// median 52.0, p99 60.82, mean_tpot_ms 20.805555555555557, p99 21.483333333333334).
  @Test func failedRequestsAreLeftOut() throws {
    let samples = try #require(
      try TestFixtures.readSynthetic("v2-arrays-with-failure.json").runs.first?.samples)
    let summaries = SampleStatistics.summaries(of: samples)
    #expect(isClose(summaries[.ttft]?.mean, 53.5, relative: 1e-12))
    #expect(isClose(summaries[.ttft]?.median, 52.0, relative: 1e-12))
    #expect(isClose(summaries[.ttft]?.percentile(99), 60.82, relative: 1e-12))
    #expect(isClose(summaries[.tpot]?.mean, 20.805555555555557, relative: 1e-12))
    #expect(isClose(summaries[.tpot]?.median, 20.666666666666668, relative: 1e-12))
    #expect(isClose(summaries[.tpot]?.percentile(99), 21.483333333333334, relative: 1e-12))
  }

  /// v4: vLLM then wrote `mean_e2el_ms = np.median` (200.0) and `median_e2el_ms = np.mean`
  /// (315.0). The recomputation gives the right way round; p90/p99.9 are as written.
  @Test func swappedE2ELIsRecomputedTheRightWayRound() throws {
    let run = try #require(try TestFixtures.readSynthetic("v4-swapped-e2el.json").runs.first)
    let summaries = SampleStatistics.summaries(
      of: try #require(run.samples), extraPercentiles: [99.9])
    #expect(isClose(summaries[.e2el]?.mean, run.latency[.e2el]?.median, relative: 1e-12))
    #expect(isClose(summaries[.e2el]?.median, run.latency[.e2el]?.mean, relative: 1e-12))
    #expect(isClose(summaries[.e2el]?.mean, 315.0, relative: 1e-12))
    #expect(isClose(summaries[.e2el]?.median, 200.0, relative: 1e-12))
    #expect(isClose(summaries[.e2el]?.standardDeviation, 261.0884907459538, relative: 1e-12))
    #expect(isClose(summaries[.e2el]?.percentile(90), 601.2, relative: 1e-12))
    #expect(isClose(summaries[.e2el]?.percentile(99.9), 827.7120000000002, relative: 1e-12))
    #expect(isClose(summaries[.ttft]?.percentile(99.9), 478.60000000000014, relative: 1e-12))
    #expect(isClose(summaries[.itl]?.standardDeviation, 13.476252260921802, relative: 1e-12))
    #expect(isClose(summaries[.tpot]?.mean, 35.96666666666666, relative: 1e-12))
  }

  /// s3 line 2: SGLang's own statistics (numpy, successful requests only) of its details.
  @Test func sglangDetailsMatchTheLine() throws {
    let run = try TestFixtures.readSynthetic("s3-output-details.jsonl").runs[1]
    let summaries = SampleStatistics.summaries(
      of: try #require(run.samples), extraPercentiles: [95])
    for metric in LatencyMetric.allCases {
      let reported = try #require(run.latency[metric])
      let recomputed = summaries[metric]
      #expect(isClose(recomputed?.mean, reported.mean, relative: 1e-12), "\(metric) mean")
      #expect(isClose(recomputed?.median, reported.median, relative: 1e-12), "\(metric) median")
      #expect(
        isClose(recomputed?.standardDeviation, reported.standardDeviation, relative: 1e-12),
        "\(metric) std")
      for (p, value) in reported.percentiles {
        #expect(isClose(recomputed?.percentile(p), value, relative: 1e-12), "\(metric) p\(p)")
      }
    }
  }
}
