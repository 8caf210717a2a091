import BenchModel
import Foundation
import Testing

@testable import BenchIngest

struct ConfigurationFileTests {
  /// The example from `ConfigurationFile`'s documentation, plus an extra environment key.
  static let example = """
    environment:
      gpu: 1× H100 80GB SXM
      framework: vLLM
      framework_version: 0.8.2
      driver: 550.54.15
      cluster: east-1
      notes: [FP8 weights, chunked prefill on]
    thresholds:
      success_rate: 95%        # stop when success < this
      ttft_limit: 1000ms       # stop when TTFT (statistic below) exceeds this
      ttft_statistic: p99      # p99 | p95 | p90 | p50 | mean
      min_throughput_growth: 20%
      headroom: 0.7-0.8
      slo: ttft_p99=800ms,tpot_p99=100ms
    """

  @Test func validFile() throws {
    let configuration = try ConfigurationFile.parse(Self.example, path: "results/benchreport.yaml")
    #expect(configuration.path == "results/benchreport.yaml")
    #expect(
      configuration.environment
        == EnvironmentFacts(
          gpu: "1× H100 80GB SXM", framework: "vLLM", frameworkVersion: "0.8.2",
          driver: "550.54.15",
          notes: ["FP8 weights", "chunked prefill on"],
          extra: [MetadataEntry(key: "cluster", value: "east-1")]))
    #expect(
      configuration.thresholds == [
        "success_rate": "95%", "ttft_limit": "1000ms", "ttft_statistic": "p99",
        "min_throughput_growth": "20%",
        "headroom": "0.7-0.8", "slo": "ttft_p99=800ms,tpot_p99=100ms",
      ])
  }

  @Test func numbersKeepTheirSpelling() throws {
    let configuration = try ConfigurationFile.parse(
      "thresholds:\n  success_rate: 0.95\n  headroom: 1\n", path: "c.yaml")
    #expect(configuration.thresholds == ["success_rate": "0.95", "headroom": "1"])
  }

  @Test func singleNoteAndAliases() throws {
    let configuration = try ConfigurationFile.parse(
      "environment:\n  hardware: 8× B200\n  version: 0.11.0\n  title: Nightly\n  model: Qwen3-32B\n  notes: one note\n",
      path: "c.yaml")
    #expect(configuration.environment.gpu == "8× B200")
    #expect(configuration.environment.frameworkVersion == "0.11.0")
    #expect(configuration.environment.title == "Nightly")
    #expect(configuration.environment.model == "Qwen3-32B")
    #expect(configuration.environment.notes == ["one note"])
  }

  @Test func emptyFileIsAnEmptyConfiguration() throws {
    let configuration = try ConfigurationFile.parse("", path: "c.yaml")
    #expect(configuration.environment == EnvironmentFacts())
    #expect(configuration.thresholds.isEmpty)
    #expect(configuration.path == "c.yaml")
  }

  @Test func unknownKeyNamesTheFileAndTheKey() {
    let text = "threshold:\n  success_rate: 95%\n"
    #expect(
      throws: ConfigurationError.unknownKey(
        path: "runs/benchreport.yaml", key: "threshold", known: ["environment", "thresholds", "ratings", "slo_tiers", "timezone"])
    ) {
      try ConfigurationFile.parse(text, path: "runs/benchreport.yaml")
    }
    do {
      _ = try ConfigurationFile.parse(text, path: "runs/benchreport.yaml")
    } catch {
      #expect(
        error.description
          == "runs/benchreport.yaml: unknown key `threshold` (known: environment, thresholds, ratings, slo_tiers, timezone)")
    }
  }

  @Test(arguments: [
    ("thresholds: [a, b]\n", "thresholds", "a mapping"),
    ("environment: just text\n", "environment", "a mapping"),
    ("environment:\n  gpu: [H100, A100]\n", "environment.gpu", "a single value"),
    ("thresholds:\n  slo: {ttft_p99: 800ms}\n", "thresholds.slo", "a single value"),
    ("- a\n- b\n", "(top level)", "a mapping of keys"),
  ])
  func wrongTypeNamesTheFileAndTheKey(text: String, key: String, expected: String) {
    #expect(throws: ConfigurationError.wrongType(path: "b.yaml", key: key, expected: expected)) {
      try ConfigurationFile.parse(text, path: "b.yaml")
    }
    #expect(
      ConfigurationError.wrongType(path: "b.yaml", key: key, expected: expected).description
        == "b.yaml: `\(key)` should be \(expected)")
  }

  @Test func invalidYAMLNamesTheFile() {
    do {
      _ = try ConfigurationFile.parse("environment: [unclosed\n", path: "bad.yaml")
      Issue.record("expected an error")
    } catch {
      guard case .invalidYAML(let path, let message) = error else {
        Issue.record("expected invalidYAML, got \(error)")
        return
      }
      #expect(path == "bad.yaml")
      #expect(!message.isEmpty)
      #expect(error.description.hasPrefix("bad.yaml: not valid YAML: "))
    }
  }

  @Test func loadFromAFolder() throws {
    let folder = try TestFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try ConfigurationFile.load(inFolder: folder.path) == nil)

    let yml = folder.appendingPathComponent("benchreport.yml")
    try Data("environment:\n  gpu: L4\n".utf8).write(to: yml)
    #expect(try ConfigurationFile.load(inFolder: folder.path)?.environment.gpu == "L4")
    #expect(try ConfigurationFile.load(inFolder: folder.path)?.path == yml.path)

    // With both, `.yaml` is read.
    try Data("environment:\n  gpu: H100\n".utf8).write(
      to: folder.appendingPathComponent("benchreport.yaml"))
    #expect(try ConfigurationFile.load(inFolder: folder.path)?.environment.gpu == "H100")
  }

  @Test func unreadablePath() {
    #expect(throws: ConfigurationError.unreadable(path: "/does/not/exist.yaml")) {
      try ConfigurationFile.load(path: "/does/not/exist.yaml")
    }
  }
}
