import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Every file of the shared sample folders of the other tools is analysed or skipped with a
/// reason that names the tool — never "not a benchmark result" for a file the tool wrote.
struct OtherToolsWalkTests {
  static var sharedRoot: String? {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = packageRoot.appendingPathComponent("../shared/samples-public").standardizedFileURL.path
    return FileManager.default.fileExists(atPath: folder) ? folder : nil
  }

  /// Folder → words one of which every skip reason of a tool-written file contains.
  static let folders: [(String, [String])] = [
    ("guidellm", ["GuideLLM"]),
    ("aiperf", ["AIPerf"]),
    ("inference-perf", ["inference-perf"]),
    ("llmperf", ["LLMPerf"]),
    ("genai-bench", ["genai-bench"]),
    ("llm-d-benchmark-report", ["llm-d Benchmark Report"]),
  ]

  /// Files the publishers wrote beside the tool's output (not the tool's): any reason will do.
  /// (`…_tp_1_summary.json` is philschmid/llmperf-bench's own reduction of LLMPerf's summaries.)
  static let publisherFiles: Set<String> = [
    "SOURCES.md", "meta.json", "prefix.json", "prom.json", "config.yaml", "meta-llama_Meta-Llama-3-8B-Instruct_tp_1_summary.json",
  ]

  @Test(.enabled(if: sharedRoot != nil, "../shared/samples-public is not present"), arguments: folders)
  func everyFileIsAnalysedOrSkippedWithTheToolsName(folder: String, toolWords: [String]) throws {
    let root = (try #require(Self.sharedRoot) as NSString).appendingPathComponent(folder)
    let result = InputScanner().scan([root])
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { path in
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path), isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }
    // A run's source, and every file it was built from (genai-bench's experiment metadata).
    let read = Set(result.runs.map(\.source.path) + result.runs.flatMap(\.inputFiles))
    for file in files {
      let skips = result.skipped.filter { $0.location.path == file }
      #expect(read.contains(file) || !skips.isEmpty, "\(folder)/\(file) was neither read nor skipped")
      if Self.publisherFiles.contains((file as NSString).lastPathComponent) { continue }
      for skip in skips {
        #expect(toolWords.contains { skip.reason.contains($0) }, "\(folder)/\(file): \(skip.reason)")
      }
    }
    #expect(!result.runs.isEmpty)
  }
}
