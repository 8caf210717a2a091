import BenchModel
import Testing

@testable import BenchHistory

struct SweepKeyTests {
  func identity(model: String? = "llama-3.1-8b", dataset: String? = "random", input: Int? = 1024, source: String? = nil)
    -> SweepIdentity
  {
    SweepIdentity(
      model: model, backend: "openai", label: nil, dataset: dataset, configuredInputLength: input,
      configuredOutputLength: 128, metadata: [], sourceHint: source)
  }

  @Test func renamesDoNotSplitASweep() {
    var relabelled = identity()
    relabelled.label = "week-49"
    #expect(
      SweepKey.key(of: identity(), variable: .concurrency, tool: "vllm", hardware: "H100")
        == SweepKey.key(of: relabelled, variable: .concurrency, tool: "vllm", hardware: "H100"))
    // No model in the files: the file's name stands in, not its folders.
    #expect(
      SweepKey.key(of: identity(model: nil, source: "week-03/run.jsonl"), variable: .requestRate, tool: "sglang", hardware: nil)
        == SweepKey.key(of: identity(model: nil, source: "archive/week-04/run.jsonl"), variable: .requestRate, tool: "sglang", hardware: nil))
  }

  @Test func differentExperimentsNeverMerge() {
    let base = SweepKey.key(of: identity(), variable: .concurrency, tool: "vllm", hardware: "H100")
    #expect(base != SweepKey.key(of: identity(model: "qwen2"), variable: .concurrency, tool: "vllm", hardware: "H100"))
    #expect(base != SweepKey.key(of: identity(), variable: .concurrency, tool: "vllm", hardware: "H200"))
    #expect(base != SweepKey.key(of: identity(input: 2048), variable: .concurrency, tool: "vllm", hardware: "H100"))
    #expect(base != SweepKey.key(of: identity(), variable: .concurrency, tool: "sglang", hardware: "H100"))
    #expect(base != SweepKey.key(of: identity(), variable: .requestRate, tool: "vllm", hardware: "H100"))
    var tagged = identity()
    tagged.metadata = [MetadataEntry(key: "framework", value: "sgl")]
    #expect(base != SweepKey.key(of: tagged, variable: .concurrency, tool: "vllm", hardware: "H100"))
  }
}
