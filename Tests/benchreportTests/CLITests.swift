import Foundation
import Testing

/// The command line a new user types first: `--version`, and `analyse` as the help spells it.
@Suite struct CLITests {
  typealias E2E = AnalyzeCommandTests

  @Test func versionIsPrinted() throws {
    let result = try E2E.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
  }

  @Test func analyseIsAnAliasOfAnalyze() throws {
    let out = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try E2E.run(["analyse", "samples/vllm-concurrency-sweep-h100", "--out", out.path, "--format", "json", "--charts", "none", "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("analysis.json").path))
  }
}

extension CLITests {
  /// `-q` still says why the exit code is 1: the result files that could not be read.
  @Test func quietStillExplainsExitOne() throws {
    let input = try E2E.temporaryFolder()
    let out = try E2E.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: out)
    }
    let sample = E2E.packageRoot.appendingPathComponent("samples/vllm-concurrency-sweep-h100")
    for file in try FileManager.default.contentsOfDirectory(atPath: sample.path) where file.hasSuffix(".json") {
      try FileManager.default.copyItem(at: sample.appendingPathComponent(file), to: input.appendingPathComponent(file))
    }
    try Data("{\"date\": \"x\", \"backend\": \"vllm\", \"completed\": ".utf8).write(to: input.appendingPathComponent("broken.json"))
    let result = try E2E.run(["analyze", input.path, "--out", out.path, "--format", "json", "--charts", "none", "-q"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("broken.json"))
    #expect(result.stderr.contains("exit 1"))
  }
}
