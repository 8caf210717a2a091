import BenchAnalysis
import BenchCharts
import BenchModel
import BenchReport
import Foundation

/// Inputs for the report tests, built in code, and the paths of the repository's templates.
enum ReportFixtures {
  /// The package root: this file is `<root>/Tests/BenchReportTests/ReportFixtures.swift`.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var templatesDirectory: String { packageRoot.appendingPathComponent("templates").path }
  static var weeklyTemplate: String {
    packageRoot.appendingPathComponent("templates/weekly.md").path
  }
  static var htmlTemplate: String { packageRoot.appendingPathComponent("templates/weekly.html").path }
  static var prTemplate: String { packageRoot.appendingPathComponent("templates/pr-comment.md").path }

  static func strings(_ language: ReportLanguage) throws -> StringsCatalogue {
    try StringsCatalogue.load(language, templatesDirectory: templatesDirectory)
  }

  // MARK: - Runs

  static let vllmV6 = SourceFormat(tool: .vllmServe, schema: "V6")
  static let sglang = SourceFormat(tool: .sglang, schema: "S2")

  static func summary(
    mean: Double?, median: Double?, std: Double? = nil, _ percentiles: [Double: Double]
  ) -> LatencySummary {
    LatencySummary(mean: mean, median: median, standardDeviation: std, percentiles: percentiles)
  }

  /// A vLLM run at `concurrency` with the fields every test needs.
  static func run(
    concurrency: Int, outputThroughput: Double, model: String = "test-model",
    file: String? = nil, edit: (inout Run) -> Void = { _ in }
  ) -> Run {
    var run = Run(source: SourceLocation(path: file ?? "c\(concurrency).json"), format: vllmV6)
    run.model = model
    run.backend = "openai"
    run.maxConcurrency = concurrency
    run.numPrompts = 100
    run.completed = 100
    run.outputThroughput = outputThroughput
    run.requestThroughput = outputThroughput / 170
    run.latency[.ttft] = summary(mean: 50, median: 45, [99: 90])
    run.latency[.tpot] = summary(mean: 8, median: 8, [99: 9])
    edit(&run)
    return run
  }

  /// Groups runs into a sweep the way the ingest does: levels ascending, runs by source.
  static func sweep(
    _ runs: [Run], variable: LoadVariable = .concurrency, identity: SweepIdentity? = nil
  ) -> Sweep {
    var byLevel: [LoadLevel: [Run]] = [:]
    for run in runs {
      if let level = run.level(on: variable) { byLevel[level, default: []].append(run) }
    }
    let levels = byLevel.keys.sorted().map { level in
      SweepLevel(level: level, runs: byLevel[level]!.sorted { $0.source < $1.source })
    }
    let first = runs[0]
    return Sweep(
      identity: identity
        ?? SweepIdentity(
          model: first.model, backend: first.backend, label: first.label, dataset: first.dataset,
          configuredInputLength: first.configuredInputLength,
          configuredOutputLength: first.configuredOutputLength, metadata: [], sourceHint: nil),
      variable: variable, levels: levels)
  }

  /// A small concurrency sweep (1, 2, 4, 8; throughput doubling, no failures).
  static func smallSweep(model: String = "test-model") -> Sweep {
    sweep(
      zip([1, 2, 4, 8], [100.0, 200, 400, 800]).map {
        run(concurrency: $0, outputThroughput: $1, model: model)
      })
  }

  // MARK: - The golden input

  /// What `vllm bench serve` reported for neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8 on one
  /// H100 (aurotripathy/vllm-bench, FP8-1xH100-results-8B-llama-date-2025-03-26, commit
  /// f504e179a603897537b43e801f0da58e25ff87bc; see shared/samples-public/benchmark_serving/
  /// SOURCES.md rows 22–30): the summary keys of the nine result files, copied verbatim.
  /// Columns: concurrency, date, duration, request, output, total tok/s, then TTFT, TPOT and
  /// ITL as (mean, median, std, p99) in ms. Every file: 100 prompts, 100 completed,
  /// 93 766 input and 17 000 output tokens, `--request-rate 10`, burstiness 1.
  static let h100Rows:
    [(Int, String, Double, Double, Double, Double, [Double], [Double], [Double])] = [
      (
        1, "20250326-214428", 130.77195883500008, 0.7646899296367793, 129.99728803825246,
        847.0164474614749,
        [44.21049740001763, 44.09883850030383, 2.4629407294537695, 50.94235884000682],
        [7.46679940899412, 7.52415742899434, 0.13966365589651591, 7.744096614733981],
        [7.466804696331559, 7.437112999696183, 0.3880997666837161, 8.547087269657819]
      ),
      (
        2, "20250326-214543", 69.90103384999975, 1.430594005441886, 243.20098092512063,
        1584.6117560677594,
        [47.809509269991395, 45.72632750000594, 6.175464230023909, 67.80128218997561],
        [7.978333500295804, 7.930717594676156, 0.2517354226132375, 8.482762767042344],
        [7.978337063195392, 7.817523000312576, 1.5797228203646754, 9.910203170247756]
      ),
      (
        4, "20250326-214628", 37.709582426, 2.6518458589732887, 450.8137960254591,
        2937.3435841503533,
        [47.36329529998329, 46.810935000166864, 3.1265702840518674, 53.61398699996699],
        [8.579872004082967, 8.482181733726986, 0.33473469217833923, 9.278724443018495],
        [8.579877776153769, 8.156989500093914, 2.4861108283761095, 21.140733990032434]
      ),
      (
        8, "20250326-214658", 21.19340005999993, 4.718450070158319, 802.1365119269143,
        5226.438404711564,
        [54.06652967002174, 52.10275049989832, 10.471904896050997, 82.8080178000164],
        [9.246140754260404, 9.161269292900005, 0.38733778101121874, 9.83756606011753],
        [9.246144449881747, 8.383792999893558, 3.6119791578827445, 28.187689439941956]
      ),
      (
        16, "20250326-214717", 14.307172443999661, 6.989501272275457, 1188.2152162868279,
        7741.990979248633,
        [59.39391326999612, 55.95068649995483, 11.187128715413014, 90.61611987992367],
        [11.736336908165812, 11.893566914200138, 0.5916089893552379, 12.33988366609368],
        [11.736341111952685, 10.103309999976773, 5.435297153530571, 33.99223962011085]
      ),
      (
        32, "20250326-214734", 11.159001616000296, 8.961375169676053, 1523.433778844929,
        9926.156820443377,
        [77.0115978099966, 69.81729449989871, 25.117955575804427, 133.8436533196455],
        [13.865409124674661, 14.557775804733817, 1.936131105395811, 16.10025257284119],
        [13.865412664911204, 11.23645799998485, 7.874829242594673, 50.36390010004651]
      ),
      (
        64, "20250326-214751", 11.032195511999817, 9.06437888009047, 1540.9444096153798,
        10040.24991032101,
        [77.41146387002118, 69.3703454999195, 23.676603713322905, 136.12096719016336],
        [14.317240640769114, 14.522663653847221, 2.2303763092370974, 17.35614314088731],
        [14.317244669230782, 11.398747999919578, 8.387089825907667, 55.612978139815795]
      ),
      (
        128, "20250326-214808", 11.211500201000035, 8.919412942710403, 1516.3002002607684,
        9879.676940122605,
        [78.98049210001318, 73.08334650019788, 25.259554081930048, 143.8481750698657],
        [14.559738441952526, 15.252907630177713, 1.858463553096349, 16.958735440414426],
        [14.559742411005756, 11.295245999917825, 12.60654659091675, 56.03364752961164]
      ),
      (
        256, "20250326-214824", 11.01781674699987, 9.076208317517153, 1542.9554139779161,
        10053.35290498105,
        [75.35407324998232, 72.23613950009167, 23.57415320905433, 142.5694047599928],
        [14.182571015857988, 14.598313215975992, 1.9946274976904845, 17.14864040153714],
        [14.182574383372685, 11.42886799993903, 8.31219876470711, 54.64610086969045]
      ),
    ]

  static func h100Sweep() -> Sweep {
    let model = "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8"
    let runs = h100Rows.map { row in
      let (concurrency, date, duration, requests, output, total, ttft, tpot, itl) = row
      let file =
        "FP8-1xH100-results-8B-llama-date-2025-03-26/openai-10.0qps-itkns-1024-otkns-170-"
        + "concurrency\(concurrency)-Meta-Llama-3.1-8B-Instruct-FP8-\(date).json"
      var run = Run(source: SourceLocation(path: file), format: vllmV6)
      run.model = model
      run.tokenizer = model
      run.backend = "openai"
      run.date = date
      run.requestRate = .finite(10)
      run.burstiness = 1
      run.maxConcurrency = concurrency
      run.numPrompts = 100
      run.completed = 100
      run.duration = duration
      run.totalInputTokens = 93766
      run.totalOutputTokens = 17000
      run.requestThroughput = requests
      run.outputThroughput = output
      run.totalTokenThroughput = total
      for (metric, values) in [(LatencyMetric.ttft, ttft), (.tpot, tpot), (.itl, itl)] {
        run.latency[metric] = summary(
          mean: values[0], median: values[1], std: values[2], [99: values[3]])
      }
      return run
    }
    return sweep(runs)
  }

  /// A synthetic SGLang request-rate sweep (2, 4, 8 req/s and ∞) whose ∞ level loses 8 of 40
  /// requests, with per-request samples so the errors table is filled.
  static func rateSweep() -> Sweep {
    let rows: [(RequestRate, Double, Int)] = [
      (.finite(2), 1.98, 0), (.finite(4), 3.9, 0), (.finite(8), 7.6, 0), (.infinite, 8.1, 8),
    ]
    let runs = rows.enumerated().map { index, row in
      let (rate, throughput, failures) = row
      var run = Run(
        source: SourceLocation(path: "sglang/rates.jsonl", line: index + 1), format: sglang)
      run.model = "synthetic/Qwen-7B"
      run.backend = "sglang"
      run.dataset = "random"
      run.configuredInputLength = 1024
      run.configuredOutputLength = 256
      run.requestRate = rate
      run.numPrompts = 40
      run.completed = 40 - failures
      run.failed = failures
      run.requestThroughput = throughput
      run.outputThroughput = throughput * 256
      let successes = 40 - failures
      var samples = RequestSamples(
        outputLengths: Array(repeating: 256, count: successes)
          + Array(repeating: 0, count: failures),
        timeToFirstToken: (0..<40).map {
          $0 < successes ? 0.05 + Double(index) * 0.1 + Double($0) * 0.01 : 0
        },
        gapOffsets: Array(repeating: 0, count: 41),
        endToEndLatency: (0..<40).map {
          $0 < successes ? 2.5 + Double(index) * 0.5 + Double($0) * 0.02 : 0
        },
        succeeded: (0..<40).map { $0 < successes })
      if failures > 0 {
        samples.errorCounts = [
          ErrorCount(message: "Server disconnected | retry <later>", count: failures)
        ]
        run.notes = ["request_rate is Infinity: every request sent at t = 0"]
      }
      run.samples = samples
      return run
    }
    return sweep(runs, variable: .requestRate)
  }

  static func goldenInput() -> ReportInput {
    let analyses = [h100Sweep(), rateSweep()].map { SweepAnalyzer.analyze($0) }
    let skipped = [
      SkippedInput(
        location: SourceLocation(path: "broken.json"), kind: .unreadable,
        reason: "line 3: expected ',' or '}' after an object member"),
      SkippedInput(
        location: SourceLocation(path: "warmup.json"), kind: .notAResult,
        reason: "a warm-up file, not a benchmark result"),
    ]
    let environment = EnvironmentFacts(
      gpu: "1× NVIDIA H100 80GB", framework: "vLLM", frameworkVersion: "0.7.x",
      notes: ["H100 numbers from aurotripathy/vllm-bench; the rate sweep is synthetic."],
      extra: [MetadataEntry(key: "Region", value: "test-lab")])
    return ReportInput(
      analyses: analyses, skipped: skipped, filesExamined: 12, environment: environment)
  }

  // MARK: - Charts

  /// A tiny SVG shaped like Cairo's output: a glyph `<symbol>` used through `xlink:href`, so
  /// inlining it twice shows whether ids are prefixed.
  static let chartSVG = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="80px" height="45px" viewBox="0 0 80 45" version="1.1">
    <defs><g><symbol overflow="visible" id="glyph0-0"><path style="stroke:none;" d="M 0 0 L 4 0 L 4 -6 Z"/></symbol></g></defs>
    <g id="surface1"><rect x="0" y="0" width="80" height="45" style="fill:rgb(100%,100%,100%);"/><path style="fill:none;stroke:rgb(12%,47%,71%);" d="M 5 40 L 40 20 L 75 10"/><use xlink:href="#glyph0-0" x="10" y="10"/></g>
    </svg>
    """

  /// The golden input with charts as `analyze` links them: per sweep a throughput and a latency
  /// chart, and the report-wide trade-off, each with inline SVG (ids prefixed `c1-`, `c2-`, …).
  static func goldenInputWithCharts() throws -> ReportInput {
    var input = goldenInput()
    var charts: [(title: String, stem: String, sweep: String?, isLatency: Bool)] = []
    for slug in input.sweepSlugs {
      charts.append(("Throughput", "\(slug)-throughput", slug, false))
      charts.append(("End-to-end latency", "\(slug)-latency", slug, true))
    }
    charts.append(("Latency–throughput trade-off", "all-sweeps-tradeoff", nil, false))
    input.charts = try charts.enumerated().map { index, chart in
      ChartLink(
        title: chart.title, png: "charts/\(chart.stem).png", svg: "charts/\(chart.stem).svg", sweep: chart.sweep,
        isLatency: chart.isLatency,
        svgMarkup: try SVGPostProcessor.inlineElement(Array(chartSVG.utf8), idPrefix: "c\(index + 1)-"))
    }
    return input
  }
}
