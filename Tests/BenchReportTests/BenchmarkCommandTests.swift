import BenchModel
import Foundation
import Testing

@testable import BenchReport

struct BenchmarkCommandTests {
  typealias F = ReportFixtures

  @Test func concurrencySweepIsAShellLoop() {
    let sweep = F.sweep(
      [1, 2, 4].map { concurrency in
        F.run(concurrency: concurrency, outputThroughput: 100, model: "meta-llama/Llama-3.1-8B") {
          $0.requestRate = .finite(10)
          $0.dataset = "random"
          $0.configuredInputLength = 1024
          $0.configuredOutputLength = 128
          $0.latency[.e2el] = F.summary(mean: 1000, median: 900, [99: 2000])
          $0.metadata = ["gpu": "H100", "run": "c\(concurrency)"]
        }
      })
    #expect(
      BenchmarkCommand.reconstruct(sweep) == """
        # reconstructed from the result files: only the parameters they record
        for c in 1 2 4; do
          python3 benchmarks/benchmark_serving.py \\
            --backend openai \\
            --model meta-llama/Llama-3.1-8B \\
            --dataset-name random \\
            --random-input-len 1024 \\
            --random-output-len 128 \\
            --num-prompts 100 \\
            --request-rate 10 \\
            --max-concurrency "$c" \\
            --percentile-metrics ttft,tpot,e2el --metric-percentiles 99 \\
            --metadata gpu=H100 \\
            --save-result --result-dir results/
        done
        """)
  }

  @Test func requestRateSweepLoopsOverRatesIncludingInf() {
    let runs = [RequestRate.finite(1), .finite(2.5), .infinite].map { rate in
      F.run(concurrency: 64, outputThroughput: 100) { $0.requestRate = rate }
    }
    let command = BenchmarkCommand.reconstruct(F.sweep(runs, variable: .requestRate))
    #expect(command.hasPrefix("# reconstructed from the result files: only the parameters they record; not recorded: --dataset-name, input/output lengths\nfor rate in 1 2.5 inf; do\n  python3 benchmarks/benchmark_serving.py \\\n"))
    #expect(command.contains(#"--request-rate "$rate""#))
    #expect(command.contains("--max-concurrency 64 \\\n"))
    #expect(!command.contains("e2el"))
    #expect(command.hasSuffix("\ndone"))
  }

  @Test func sglangSweepUsesItsOwnScript() {
    let command = BenchmarkCommand.reconstruct(F.rateSweep())
    #expect(command.hasPrefix("# reconstructed from the result files: only the parameters they record\nfor rate in 2 4 8 inf; do\n  python3 -m sglang.bench_serving \\\n"))
    #expect(command.contains("--backend sglang \\\n"))
    #expect(!command.contains("--model"))
    #expect(command.contains("--output-file results/sglang.jsonl"))
    #expect(!command.contains("--save-result"))
  }

  /// Only the percentiles the file reports are shown: vLLM's default `--metric-percentiles 99`.
  @Test func percentileFlagsComeFromTheFile() {
    let runs = [1, 2].map { concurrency in
      F.run(concurrency: concurrency, outputThroughput: 100) { run in
        run.format = SourceFormat(tool: .vllmServe, schema: "V9")
        run.latency[.itl] = F.summary(mean: 8, median: 8, [99: 12, 99.9: 20])
      }
    }
    let command = BenchmarkCommand.reconstruct(F.sweep(runs))
    #expect(command.contains("  vllm bench serve \\\n"))
    #expect(command.contains("--percentile-metrics ttft,tpot,itl --metric-percentiles 99,99.9 \\\n"))
  }

  @Test func differingPromptCountsAreListedPerLevel() {
    let runs = [(1, 50), (2, 100), (4, 200)].map { concurrency, prompts in
      F.run(concurrency: concurrency, outputThroughput: 100) { $0.numPrompts = prompts }
    }
    let command = BenchmarkCommand.reconstruct(F.sweep(runs))
    #expect(!command.contains("    --num-prompts"))
    #expect(command.hasSuffix("done\n# --num-prompts per level: 1→50, 2→100, 4→200"))
  }

  @Test func emptySweepHasNoCommand() {
    let sweep = Sweep(identity: F.smallSweep().identity, variable: .concurrency, levels: [])
    #expect(BenchmarkCommand.reconstruct(sweep) == "")
  }

  // MARK: - Shell quoting

  @Test(arguments: [
    ("meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"),
    ("/models/My Model's v2", #"'/models/My Model'\''s v2'"#),
    ("", "''"),
    ("a$b", "'a$b'"),
    ("'", #"''\'''"#),
    ("key=value,x:y@z+1", "key=value,x:y@z+1"),
  ])
  func shellQuote(_ word: String, _ expected: String) {
    #expect(BenchmarkCommand.shellQuote(word) == expected)
  }

  /// `/bin/sh -c 'printf %s <quoted>'` prints the original word back.
  @Test(arguments: [
    "/models/My Model's v2", "it's \"quoted\" $HOME `id` \\ ; | & * ?", "line\nbreak", "''", "模型 名",
  ])
  func quotedWordSurvivesTheShell(_ word: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "printf %s " + BenchmarkCommand.shellQuote(word)]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: data, as: UTF8.self) == word)
  }

  @Test func modelPathWithSpacesAndQuoteIsQuotedInTheCommand() {
    let sweep = F.sweep(
      [1, 2].map { F.run(concurrency: $0, outputThroughput: 100, model: "/models/My Model's v2") })
    #expect(BenchmarkCommand.reconstruct(sweep).contains(#"--model '/models/My Model'\''s v2' \"#))
  }
}
