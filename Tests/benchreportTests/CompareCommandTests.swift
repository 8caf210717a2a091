import Foundation
import Testing

/// End-to-end tests of `benchreport compare` and `analyze --baseline`: the built executable on
/// real sample folders. Expected numbers are the values the result files hold (quoted below),
/// never benchreport's own output.
@Suite struct CompareCommandTests {
  typealias E2E = AnalyzeCommandTests

  static let vllmBase = "samples/compare/vllm-vs-sglang-h100/base"
  static let sglangNew = "samples/compare/vllm-vs-sglang-h100/new"

  func levels(of sweep: [String: Any]) -> [[String: Any]] { sweep["levels"] as? [[String: Any]] ?? [] }

  func metric(_ name: String, in level: [String: Any]) -> [String: Any]? {
    (level["metrics"] as? [[String: Any]])?.first { $0["metric"] as? String == name }
  }

  @Test func aFolderComparedWithItselfChangesNothingAndExitsZero() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try E2E.run([
      "compare", "samples/vllm-concurrency-sweep-h100", "samples/vllm-concurrency-sweep-h100", "--out", out.path,
      "--lang", "en",
      "--fail-on", "ttft_p99:+1%,output_throughput:-1%,success_rate:-0pt,max_stable:-0%", "--charts", "none",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("✓ no --fail-on rule fired"))
    let json = try E2E.json(out.appendingPathComponent("comparison.json"))
    #expect(json["failed"] as? Bool == false)
    let sweeps = try #require(json["sweeps"] as? [[String: Any]])
    #expect(sweeps.count == 1)
    let levels = levels(of: sweeps[0])
    #expect(levels.count == 9)
    for level in levels {
      for metric in level["metrics"] as? [[String: Any]] ?? [] {
        #expect(metric["assessment"] as? String == "unchanged", "\(metric)")
        #expect(metric["absolute"] as? Double == 0)
      }
    }
    // Per-request arrays on both sides: TTFT is judged by the bootstrap, not the threshold.
    let ttft = try #require(metric("ttft_p99", in: levels[0]))
    let evidence = try #require(ttft["evidence"] as? [String: Any])
    #expect(evidence["method"] as? String == "bootstrap")
    #expect(evidence["baseSamples"] as? Int == 100)
    #expect((evidence["lower"] as? Double ?? 1) <= 0 && (evidence["upper"] as? Double ?? -1) >= 0)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("compare.md").path))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("compare.html").path))
  }

  @Test func twoRealSweepsArePairedAndJudgedWithTheFileValues() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try E2E.run([
      "compare", Self.vllmBase, Self.sglangNew, "--out", out.path, "--lang", "en", "--format", "md,html,json,pr",
      "--fail-on", "output_throughput:-5%,success_rate:-1pt",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("differs: metadata framework vllm → sgl"))
    let json = try E2E.json(out.appendingPathComponent("comparison.json"))
    let sweep = try #require((json["sweeps"] as? [[String: Any]])?.first)
    #expect(sweep["title"] as? String == "meta-llama/Llama-3.1-8B-Instruct · vllm")
    let levels = levels(of: sweep)
    #expect(levels.map { "\($0["level"]!)" } == ["1", "10", "20", "30", "35", "inf"])
    // results.json line 4 vs line 10: output_throughput 2791.2195851349875 → 2707.684571994086
    // (−2.99 %, within the 5 % threshold); p99_ttft_ms at rate 1: 54.841249948367484 →
    // 628.9258978795276 (+1046.8 %, worse).
    // (JSONSerialization on Linux may read a number one ulp off, hence the tolerance.)
    func close(_ value: Any?, _ expected: Double) -> Bool {
      abs((value as? Double ?? .nan) - expected) <= 1e-12 * abs(expected)
    }
    let throughput = try #require(metric("output_throughput", in: levels[3]))
    #expect(close(throughput["base"], 2791.2195851349875))
    #expect(close(throughput["new"], 2707.684571994086))
    #expect(abs((throughput["relative"] as? Double ?? 0) - (2707.684571994086 / 2791.2195851349875 - 1)) < 1e-12)
    #expect(throughput["assessment"] as? String == "unchanged")
    let ttft = try #require(metric("ttft_p99", in: levels[0]))
    #expect(close(ttft["base"], 54.841249948367484))
    #expect(close(ttft["new"], 628.9258978795276))
    #expect(ttft["assessment"] as? String == "worse")
    #expect((ttft["evidence"] as? [String: Any])?["method"] as? String == "relativeThreshold")
    for name in [
      "compare.md", "compare.html", "compare-pr.md",
      "charts/meta-llama-llama-3-1-8b-instruct-vllm-requestrate-compare-throughput.png",
    ] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
    }
  }

  @Test func aRuleThatFiresExitsOneAndSaysWhichRuleAndWhere() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    // −2.99 % at 30 req/s and −2.18 % at 35 req/s (2845.198643096852 → 2783.1165187409815): with
    // a 2 % threshold both are beyond noise and cross a −2 % rule.
    let result = try E2E.run([
      "compare", Self.vllmBase, Self.sglangNew, "--out", out.path, "--threshold", "2%", "--fail-on",
      "output_throughput:-2%",
      "--charts", "none", "--quiet",
    ])
    #expect(result.status == 1, "stderr: \(result.stderr)")
    #expect(
      result.stdout.contains(
        "✗ rule output_throughput:-2% fired: meta-llama/Llama-3.1-8B-Instruct · vllm · framework=sgl at rate 30"))
    #expect(result.stdout.contains("at rate 35"))
    let json = try E2E.json(out.appendingPathComponent("comparison.json"))
    #expect(json["failed"] as? Bool == true)
    #expect((json["violations"] as? [[String: Any]])?.count == 2)
  }

  @Test func anAnalysisJSONServesAsBase() throws {
    let work = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: work) }
    let previous = work.appendingPathComponent("week-03")
    let analyzed = try E2E.run([
      "analyze", Self.vllmBase, "--out", previous.path, "--format", "json", "--charts", "none", "--quiet",
    ])
    #expect(analyzed.status == 0, "stderr: \(analyzed.stderr)")
    let fromFolder = work.appendingPathComponent("from-folder")
    let fromJSON = work.appendingPathComponent("from-json")
    let fromReportFolder = work.appendingPathComponent("from-report-folder")
    for (base, out) in [
      (Self.vllmBase, fromFolder), (previous.appendingPathComponent("analysis.json").path, fromJSON),
      (previous.path, fromReportFolder),
    ] {
      let result = try E2E.run([
        "compare", base, Self.sglangNew, "--out", out.path, "--format", "json", "--charts", "none", "--quiet",
      ])
      #expect(result.status == 0, "stderr: \(result.stderr)")
    }
    // No per-request arrays in these files, so both judge by the threshold: the same sweeps,
    // numbers and verdicts, byte for byte (only the BASE name differs).
    func sweepsText(_ folder: URL) throws -> Substring {
      let text = try String(contentsOf: folder.appendingPathComponent("comparison.json"), encoding: .utf8)
      return text[try #require(text.range(of: "\"sweeps\"")).lowerBound...]
    }
    let expected = try sweepsText(fromFolder)
    #expect(expected.contains("\"metric\": \"output_throughput\""))
    #expect(try sweepsText(fromJSON) == expected)
    #expect(try sweepsText(fromReportFolder) == expected)
  }

  @Test func locustHistogramsGiveStatisticalEvidenceWeekOverWeek() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try E2E.run([
      "compare", "samples/locust-user-sweep-gateway", "samples/locust-user-sweep-gateway-week2", "--out", out.path,
      "--lang", "en",
      "--fail-on", "max_stable:-1%", "--charts", "none",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try E2E.json(out.appendingPathComponent("comparison.json"))
    let sweeps = try #require(json["sweeps"] as? [[String: Any]])
    #expect(sweeps.count == 3)  // the whole run and the tasks qwen2 and llama3
    let whole = try #require(sweeps.first { $0["title"] as? String == "locust" })
    let maxStable = try #require(
      (whole["decisions"] as? [[String: Any]])?.first { $0["decision"] as? String == "max_stable" })
    // Week 1 breaks e2el_p99=300ms at 64 users (Locust's p99 330 ms), week 2 meets it (210 ms).
    #expect(maxStable["base"] as? Double == 32 && maxStable["new"] as? Double == 64)
    #expect(maxStable["assessment"] as? String == "better")
    let level64 = try #require(levels(of: whole).first { $0["level"] as? Int == 64 })
    let p99 = try #require(metric("e2el_p99", in: level64))
    #expect(p99["base"] as? Double == 330 && p99["new"] as? Double == 210)
    #expect((p99["evidence"] as? [String: Any])?["method"] as? String == "bootstrap")
    #expect(p99["assessment"] as? String == "better")
  }

  @Test func usageErrorsExitTwoWithAMessage() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let badRule = try E2E.run([
      "compare", Self.vllmBase, Self.sglangNew, "--out", out.path, "--fail-on", "ttft_p99:10%",
    ])
    #expect(badRule.status == 2)
    #expect(badRule.stderr.contains("needs a direction"))
    let missing = try E2E.run(["compare", "samples/does-not-exist", Self.sglangNew, "--out", out.path])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("samples/does-not-exist: no such file or folder"))
    let unrelated = try E2E.run([
      "compare", "samples/locust-step-load-gateway", Self.sglangNew, "--out", out.path, "--charts", "none",
    ])
    #expect(unrelated.status == 2)
    #expect(unrelated.stderr.contains("could be paired"))
    let report = try String(contentsOf: out.appendingPathComponent("compare.md"), encoding: .utf8)
    #expect(report.contains("no sweep in NEW runs the same experiment"))
  }

  @Test func analyzeWithABaselineAddsTheWeekOverWeekSection() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try E2E.run([
      "analyze", "samples/locust-user-sweep-gateway-week2", "--baseline", "samples/locust-user-sweep-gateway", "--out",
      out.path,
      "--lang", "en", "--format", "md,html,json",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(markdown.contains("## Week over week"))
    #expect(markdown.contains("Compared with samples/locust-user-sweep-gateway."))
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("<section id=\"baseline\">"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("comparison.json").path))
    #expect(
      FileManager.default.fileExists(
        atPath: out.appendingPathComponent("charts/locust-users-compare-throughput.png").path))
    let chinese = try E2E.run([
      "analyze", "samples/locust-user-sweep-gateway-week2", "--baseline", "samples/locust-user-sweep-gateway", "--out",
      out.appendingPathComponent("zh").path, "--format", "md", "--charts", "none", "--quiet",
    ])
    #expect(chinese.status == 0)
    #expect(try String(contentsOf: out.appendingPathComponent("zh/report.md"), encoding: .utf8).contains("## 较上周"))
  }
}
