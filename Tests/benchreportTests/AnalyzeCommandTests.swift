import BenchCharts
import Foundation
import Testing

/// End-to-end tests of `benchreport analyze`: the built executable run on real sample folders,
/// as a user runs it. Expected numbers come from the sample files and from kneed / the stop
/// criteria applied by hand (see comments), never from benchreport itself.
@Suite struct AnalyzeCommandTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `benchreport` executable built next to the test bundle.
  static var executable: URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("benchreport"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("benchreport"),
      packageRoot.appendingPathComponent(".build/debug/benchreport"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
  }

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("benchreport-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func json(_ url: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: url)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// `--timings` prints one line per phase and per input format to stderr, nothing to stdout.
  @Test func timingsGoToStandardError() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run([
      "analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--quiet", "--timings", "--charts", "none",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
    for phase in ["ingest", "analysis", "chart-specs", "output"] {
      #expect(result.stderr.contains("timings: phase name=\(phase) seconds="), "\(phase)")
    }
    #expect(result.stderr.contains("timings: ingest format=vllm-bench-serve files=9 bytes="))
    #expect(result.stderr.contains("timings: total seconds="))
  }

  @Test func concurrencySweepGivesKneeMaxStableAndRecommendation() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--lang", "en"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("concurrency: 1, 2, 4, 8, 16, 32, 64, 128, 256"))

    let analysis = try Self.json(out.appendingPathComponent("analysis.json"))
    let sweeps = try #require(analysis["sweeps"] as? [[String: Any]])
    #expect(sweeps.count == 1)
    let sweep = sweeps[0]
    #expect(sweep["variable"] as? String == "concurrency")
    #expect(sweep["model"] as? String == "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8")
    let runs = try #require(sweep["runs"] as? [[String: Any]])
    #expect(runs.map { $0["concurrency"] as? Int } == [1, 2, 4, 8, 16, 32, 64, 128, 256])
    // output_throughput written by vLLM in …concurrency32…json.
    #expect(abs((runs[5]["outputThroughput"] as? Double ?? 0) - 1523.43) < 0.01)
    // kneed 0.8.6 on these points (shared/reference/kneedle.md, "H100 sweep"): 32 on both axes.
    let knee = try #require(sweep["knee"] as? [String: Any])
    #expect(knee["concurrency"] as? Int == 32)
    #expect((knee["log2"] as? [String: Any])?["concurrency"] as? Int == 32)
    // Every run used --request-rate 10 (request_rate in the files): from 32 on vLLM printed
    // request_throughput 8.96–9.08 req/s, the cap, and 128/256 exceed the 100 prompts. The client
    // limited the load there, so the max stable level is 16, the last level the server really
    // saw, the limit was not reached and 70–80 % of 16 (11–12) is only a lower bound.
    let maxStable = try #require(sweep["maxStable"] as? [String: Any])
    #expect(maxStable["concurrency"] as? Int == 16)
    #expect(maxStable["firstUnstable"] is NSNull)
    #expect(maxStable["limitReached"] as? Bool == false)
    let recommended = try #require(sweep["recommended"] as? [String: Any])
    #expect(recommended["low"] as? Int == 11)
    #expect(recommended["high"] as? Int == 12)
    #expect(recommended["lowerBound"] as? Bool == true)
    #expect((recommended["sentence"] as? String)?.contains("11–12") == true)
    let findings = try #require(sweep["findings"] as? [[String: Any]])
    // Per-stream speed 133.9 → 85.2 tok/s from 1 to 16 (TPOT ×1.6) with TTFT flat: decode slowdown.
    #expect(findings.compactMap { $0["code"] as? String } == ["client-rate-cap", "prompts-below-concurrency", "decode-slowdown"])
    #expect(knee["atClientLimit"] as? Bool == true)

    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("## 1. Test environment"))
    #expect(report.contains("1× NVIDIA H100 80GB"))  // from the folder's benchreport.yaml
    #expect(report.contains("for c in 1 2 4 8 16 32 64 128 256; do"))
    #expect(report.contains("Max stable concurrency: 16"))
    #expect(report.contains("Client rate cap: from 32 on"))
  }

  @Test func defaultLanguageIsChinese() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run(["analyze", "samples/vllm-request-rate-sweep-h100", "--out", out.path, "--quiet"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    for heading in ["测试环境", "压测命令", "测试结果汇总", "性能分析", "关键发现", "结论"] {
      #expect(report.contains(heading), "missing section \(heading)")
    }
    let analysis = try Self.json(out.appendingPathComponent("analysis.json"))
    let sweeps = try #require(analysis["sweeps"] as? [[String: Any]])
    // results.json holds a vLLM and an SGLang server (metadata framework=vllm|sgl): two rate sweeps.
    #expect(sweeps.count == 2)
    for sweep in sweeps {
      #expect(sweep["variable"] as? String == "requestRate")
      let rates = (sweep["runs"] as? [[String: Any]])?.map { "\($0["requestRate"] ?? "nil")" }
      #expect(rates == ["1", "10", "20", "30", "35", "inf"])
      // The ∞ runs completed 1015 of 2000 prompts (results.json): success 50.75 %.
      let last = (sweep["runs"] as? [[String: Any]])?.last
      #expect(abs((last?["successRate"] as? Double ?? 0) - 0.5075) < 1e-9)
    }
  }

  @Test func folderWithBrokenFileStillAnalysesTheRestAndExitsOne() throws {
    let input = try Self.temporaryFolder()
    let out = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: out)
    }
    let sample = Self.packageRoot.appendingPathComponent("samples/sglang-request-rate-sweep-h200/llama_405b_online_output.jsonl")
    try FileManager.default.copyItem(at: sample, to: input.appendingPathComponent("good.jsonl"))
    try Data("{\"backend\": \"vllm\", \"completed\": 10, \"request_throughput\": ".utf8)
      .write(to: input.appendingPathComponent("broken.json"))
    let result = try Self.run(["analyze", input.path, "--out", out.path, "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("broken.json"))
    #expect(result.stdout.contains("line 1"))
    let analysis = try Self.json(out.appendingPathComponent("analysis.json"))
    #expect((analysis["sweeps"] as? [Any])?.count == 2)
    let skipped = try #require(analysis["skipped"] as? [[String: Any]])
    #expect(skipped.contains { ($0["file"] as? String) == "broken.json" && ($0["kind"] as? String) == "unreadable" })
  }

  @Test func nothingToAnalyseExitsTwo() throws {
    let input = try Self.temporaryFolder()
    let out = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: out)
    }
    try Data("not a result\n".utf8).write(to: input.appendingPathComponent("notes.txt"))
    let result = try Self.run(["analyze", input.path, "--out", out.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no benchmark results"))
  }

  @Test func invalidSLOIsAUsageErrorNamingTheItem() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--slo", "ttft_p99=fast"])
    #expect(result.status == 2)  // usage error (README: exit codes)
    #expect(result.stderr.contains("ttft_p99=fast"))
  }

  @Test func sloChangesTheMaxStableLevel() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    // E2E p99 from the files' per-request arrays with numpy (np.percentile(ttft + Σ itl, 99) over
    // successful requests): 2148.05 ms at concurrency 16, 2793.23 ms at 32. An SLO of 2.5 s
    // therefore stops at 32: max stable 16, 70–80 % → 11–12.
    let result = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--slo", "e2el_p99=2.5s", "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let analysis = try Self.json(out.appendingPathComponent("analysis.json"))
    let sweep = try #require((analysis["sweeps"] as? [[String: Any]])?.first)
    #expect((sweep["maxStable"] as? [String: Any])?["concurrency"] as? Int == 16)
    #expect((sweep["recommended"] as? [String: Any])?["low"] as? Int == 11)
    #expect((sweep["recommended"] as? [String: Any])?["high"] as? Int == 12)
  }

  @Test func outputInsideInputIsRefusedWithoutForce() throws {
    let result = try Self.run(["analyze", "samples/vllm-request-rate-sweep-h100", "--out", "samples/vllm-request-rate-sweep-h100/out"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--force"))
  }

  @Test func writesTheStandardChartSetAsPNGAndSVGAndEmbedsIt() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let slug = "neuralmagic-meta-llama-3-1-8b-instruct-fp8-openai-concurrency"
    let kinds = ["throughput", "efficiency", "latency", "ttft", "tpot", "per-stream", "ttft-cdf", "e2el-cdf", "itl-histogram"]
    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    for stem in kinds.map({ "\(slug)-\($0)" }) + ["all-sweeps-tradeoff"] {
      let png = try Data(contentsOf: out.appendingPathComponent("charts/\(stem).png"))
      // PNG signature, then IHDR width and height (big-endian) at bytes 16–23: 1600×900 (800×450 at 2×).
      #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
      let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
      let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
      #expect(width == 1600 && height == 900, "\(stem).png is \(width)×\(height)")
      let svg = try String(contentsOf: out.appendingPathComponent("charts/\(stem).svg"), encoding: .utf8)
      #expect(svg.contains("<svg"))
      #expect(report.contains("](charts/\(stem).png)"), "report.md does not embed \(stem).png")
    }
  }

  @Test func sameInputsGiveByteIdenticalOutputs() throws {
    let first = try Self.temporaryFolder()
    let second = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for out in [first, second] {
      let result = try Self.run(["analyze", "samples/sglang-request-rate-sweep-h200", "--out", out.path, "-q", "--charts", "svg"])
      #expect(result.status == 0, "stderr: \(result.stderr)")
    }
    let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") || $0.hasSuffix(".svg") }.sorted()
    #expect(files.count > 5)
    for file in files {
      let a = try Data(contentsOf: first.appendingPathComponent(file))
      let b = try Data(contentsOf: second.appendingPathComponent(file))
      #expect(a == b, "\(file) differs between two runs")
    }
  }

  // MARK: - Formats and templates

  static func files(in folder: URL) throws -> Set<String> {
    Set(try FileManager.default.subpathsOfDirectory(atPath: folder.path))
  }

  @Test func writesMarkdownHTMLAndJSONByDefaultAndThePRCommentOnRequest() throws {
    let out = try Self.temporaryFolder()
    let withComment = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: withComment)
    }
    let result = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--lang", "en"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let written = try Self.files(in: out)
    #expect(written.isSuperset(of: ["report.md", "report.html", "analysis.json"]))
    #expect(!written.contains("pr-comment.md"))
    #expect(result.stdout.contains("wrote \(out.path)/report.html"))

    // One self-contained, well-formed page: every chart inline, ids unique, glyph references resolve.
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    let root = try XMLElementValue.parse(html).get()
    #expect(root.attributes["lang"] == "en")
    let svgs = root.elements(named: "svg")
    #expect(svgs.count == 10)  // the nine charts of the sweep and the trade-off
    // Rendered beside the charts, the page had placeholders for them: none may be left.
    #expect(!html.contains("benchreport-inline-chart"))
    let ids = root.elements.compactMap { $0.attributes["id"] }
    #expect(Set(ids).count == ids.count)
    let references = root.elements(named: "use").compactMap { $0.attributes["href"] }
    #expect(!references.isEmpty)
    #expect(references.allSatisfy { ids.contains(String($0.dropFirst())) })
    #expect(root.elements(named: "script").isEmpty)
    #expect(root.elements.allSatisfy { $0.attributes["src"] == nil })
    #expect(root.textContent.contains("Max stable concurrency: 16"))

    let comment = try Self.run([
      "analyze", "samples/vllm-concurrency-sweep-h100", "--out", withComment.path, "--format", "pr,json", "--charts", "png",
      "--link-base", "https://ci.example/42", "-q",
    ])
    #expect(comment.status == 0, "stderr: \(comment.stderr)")
    #expect(try Self.files(in: withComment).intersection(["report.md", "report.html", "pr-comment.md", "analysis.json"]) == ["pr-comment.md", "analysis.json"])
    let pr = try String(contentsOf: withComment.appendingPathComponent("pr-comment.md"), encoding: .utf8)
    #expect(pr.contains("| **16** | **11–12** | 32 |"))
    #expect(pr.hasPrefix("### ⚠️ "))  // the client capped the load: no verdict on the server's limit
    #expect(pr.contains("](https://ci.example/42/charts/all-sweeps-tradeoff.png)"))
  }

  @Test func htmlInlinesChartsEvenWhenNoSVGFileIsWritten() throws {
    let out = try Self.temporaryFolder()
    let none = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: none)
    }
    #expect(try Self.run(["analyze", "samples/sglang-request-rate-sweep-h200", "--out", out.path, "--format", "html", "--charts", "png", "-q"]).status == 0)
    let written = try Self.files(in: out)
    #expect(!written.contains { $0.hasSuffix(".svg") })
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<svg ").count - 1 == written.filter { $0.hasSuffix(".png") }.count)
    #expect(!html.contains("benchreport-inline-chart"))

    #expect(try Self.run(["analyze", "samples/sglang-request-rate-sweep-h200", "--out", none.path, "--format", "html", "--charts", "none", "-q"]).status == 0)
    let bare = try String(contentsOf: none.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!bare.contains("<svg"))
    #expect(XMLWellFormedness.issues(in: bare).isEmpty)
  }

  @Test func userTemplatesPerFormat() throws {
    let out = try Self.temporaryFolder()
    let mine = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: mine)
    }
    try FileManager.default.createDirectory(at: mine.appendingPathComponent("partials"), withIntermediateDirectories: true)
    try Data("<p>{{> badge}} {{#sweeps}}{{maxStableValue}}{{/sweeps}} {{> style.html}}</p>\n".utf8)
      .write(to: mine.appendingPathComponent("mine.html"))
    try Data("<b>mine</b>".utf8).write(to: mine.appendingPathComponent("partials/badge.mustache"))
    try Data("PR {{#sweeps}}{{recommendedValue}}{{/sweeps}}\n".utf8).write(to: mine.appendingPathComponent("pr.md"))
    let result = try Self.run([
      "analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--format", "html,pr", "--charts", "none",
      "--template", mine.appendingPathComponent("mine.html").path, "--template", "pr=" + mine.appendingPathComponent("pr.md").path, "-q",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    // Its own partial, and the default style.html partial from templates/partials.
    #expect(html.hasPrefix("<p><b>mine</b> 16 :root {"))
    #expect(try String(contentsOf: out.appendingPathComponent("pr-comment.md"), encoding: .utf8) == "PR 11–12\n")
  }

  @Test func brokenTemplatesAndBadOptionsSayWhatToFix() throws {
    let out = try Self.temporaryFolder()
    let mine = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: mine)
    }
    let broken = mine.appendingPathComponent("broken.html")
    try Data("<html>\n<body>\n{{#sweeps}}\n<p>{{title}}</p>\n</body>\n</html>\n".utf8).write(to: broken)
    let result = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--charts", "none", "--template", broken.path])
    #expect(result.status == 2)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.md").path), "nothing is written")
    #expect(result.stderr.contains("\(broken.path):3:1: template error: a section {{#…}} or {{^…}} is never closed"))

    let missing = mine.appendingPathComponent("missing.md")
    try Data("# {{title}}\n{{> nowhere}}\n".utf8).write(to: missing)
    let partial = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--charts", "none", "--template", "md=" + missing.path])
    #expect(partial.status == 2)
    #expect(partial.stderr.contains("\(missing.path):2:1: template error: partial “nowhere” does not exist"))

    let format = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--format", "md,pdf"])
    #expect(format.status != 0)
    #expect(format.stderr.contains("unknown --format value(s): pdf"))
    let json = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--template", "json=x.json"])
    #expect(json.stderr.contains("analysis.json has a fixed schema"))
    let notWritten = try Self.run(["analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--template", "pr=x.md"])
    #expect(notWritten.stderr.contains("--format does not include pr"))
  }

  @Test func templatesListShowAndInit() throws {
    let list = try Self.run(["templates", "list"])
    #expect(list.status == 0, "stderr: \(list.stderr)")
    for name in ["weekly.md", "weekly.html", "pr-comment.md", "partials/style.html.mustache", "strings/zh.json", "README.md"] {
      #expect(list.stdout.contains("  \(name) "), "\(name) not listed")
    }

    let show = try Self.run(["templates", "show", "weekly.html"])
    #expect(show.status == 0)
    #expect(show.stdout == (try String(contentsOf: Self.packageRoot.appendingPathComponent("templates/weekly.html"), encoding: .utf8)))
    let unknown = try Self.run(["templates", "show", "weekly.pdf"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("no template “weekly.pdf”"))

    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("my-templates")
    let first = try Self.run(["templates", "init", target.path])
    #expect(first.status == 0, "stderr: \(first.stderr)")
    #expect(try Self.files(in: target).isSuperset(of: ["weekly.md", "weekly.html", "pr-comment.md", "strings/en.json", "strings/zh.json", "partials/style.html.mustache", "README.md"]))
    let again = try Self.run(["templates", "init", target.path])
    #expect(again.status != 0)
    #expect(again.stderr.contains("--force"))
    #expect(try Self.run(["templates", "init", target.path, "--force"]).status == 0)

    // The copy is a complete template set: analyze renders every format from it.
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let analyzed = try Self.run([
      "analyze", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--templates", target.path, "--format", "md,html,pr",
      "--charts", "none", "-q",
    ])
    #expect(analyzed.status == 0, "stderr: \(analyzed.stderr)")
    #expect(try Self.files(in: out).isSuperset(of: ["report.md", "report.html", "pr-comment.md"]))
  }

  /// A folder of Locust runs at 1…128 users (samples/locust-user-sweep-gateway, Locust 2.47.0).
  /// Expected numbers were computed with Python from the runs' --json files (sum of the entries,
  /// Locust's percentile rule on the summed histograms; duration = last request − start).
  @Test func locustUserSweepIsAnalysedLikeAConcurrencySweep() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run(["analyze", "samples/locust-user-sweep-gateway", "--out", out.path, "--lang", "en"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("users: 1, 2, 4, 8, 16, 32, 64, 128"))

    let analysis = try Self.json(out.appendingPathComponent("analysis.json"))
    let sweeps = try #require(analysis["sweeps"] as? [[String: Any]])
    // The aggregate and one sweep per model (task).
    #expect(sweeps.map { $0["task"] as? String } == [nil, "llama3", "qwen2"])
    let sweep = sweeps[0]
    #expect(sweep["variable"] as? String == "users")
    let runs = try #require(sweep["runs"] as? [[String: Any]])
    #expect(runs.map { $0["users"] as? Int } == [1, 2, 4, 8, 16, 32, 64, 128])
    // u128.json: 3213 requests, 392 failures over 19.72 s → 162.9562 req/s in all, 143.0749 successful.
    let top = runs[7]
    #expect(top["requests"] as? Int == 3213)
    #expect(abs((top["failureRate"] as? Double ?? 0) - 392.0 / 3213) < 1e-12)
    #expect(abs((top["requestThroughput"] as? Double ?? 0) - 143.0749) < 1e-3)
    #expect(abs((top["totalRequestThroughput"] as? Double ?? 0) - 162.9562) < 1e-3)
    // Little's law: 162.9562 req/s × 481.160 ms = 78.41 in flight, far below 128 users.
    #expect(abs((top["concurrency"] as? Double ?? 0) - 78.408) < 0.01)
    #expect((top["e2elMs"] as? [String: Any])?["p99"] as? Double == 650)
    #expect((top["files"] as? [String])?.sorted() == [
      "u128.html", "u128.json", "u128_exceptions.csv", "u128_failures.csv", "u128_stats.csv", "u128_stats_history.csv",
    ])
    // p99 per level 77, 83, 160, 80, 95, 180, 330, 650 ms: the folder's SLO e2el_p99=300ms first
    // breaks at 64 users → max stable 32, 70–80 % → 22–25 users.
    let maxStable = try #require(sweep["maxStable"] as? [String: Any])
    #expect(maxStable["users"] as? Int == 32)
    #expect(maxStable["firstUnstable"] as? Int == 64)
    let recommended = try #require(sweep["recommended"] as? [String: Any])
    #expect(recommended["low"] as? Int == 22)
    #expect(recommended["high"] as? Int == 25)
    let checks = try #require(sweep["targetChecks"] as? [[String: Any]])
    #expect(checks.count == 24)
    let failures = try #require(sweep["failures"] as? [[String: Any]])
    #expect(failures.reduce(0) { $0 + ($1["occurrences"] as? Int ?? 0) } == 392)

    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("#### Target checks"))
    #expect(report.contains("#### Failures"))
    #expect(report.contains("#### Load over time"))
    #expect(report.contains("-u128-timeline-load.png"))
  }

  @Test func orderOfInputArgumentsDoesNotChangeTheOutput() throws {
    let first = try Self.temporaryFolder()
    let second = try Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let inputs = ["samples/sglang-request-rate-sweep-h200", "samples/vllm-request-rate-sweep-h100"]
    for (out, order) in [(first, inputs), (second, Array(inputs.reversed()))] {
      let result = try Self.run(
        ["analyze"] + order + [
          "--out", out.path, "-q", "--charts", "svg", "--lang", "en", "--config", "samples/vllm-request-rate-sweep-h100/benchreport.yaml",
        ])
      #expect(result.status == 0, "stderr: \(result.stderr)")
    }
    for file in ["report.md", "analysis.json"] {
      let a = try Data(contentsOf: first.appendingPathComponent(file))
      let b = try Data(contentsOf: second.appendingPathComponent(file))
      #expect(a == b, "\(file) depends on the order of the inputs")
    }
  }

  @Test func differentConfigurationsInTheInputFoldersAreAUsageError() throws {
    let out = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try Self.run(
      ["analyze", "samples/sglang-request-rate-sweep-h200", "samples/vllm-request-rate-sweep-h100", "--out", out.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--config"))
    #expect(result.stderr.contains("sglang-request-rate-sweep-h200/benchreport.yaml"))
  }
}
