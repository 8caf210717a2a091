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
