import BenchModel
import Testing

@testable import BenchAnalysis

struct SweepMatcherTests {
  typealias F = ComparisonFixtures

  @Test func identicalIdentitiesPairWithNoDifferences() {
    let matching = SweepMatcher.match(base: [F.snapshot()], new: [F.snapshot()])
    #expect(matching.pairs.count == 1)
    #expect(matching.pairs[0].differences.isEmpty)
    #expect(matching.onlyInBase.isEmpty && matching.onlyInNew.isEmpty)
  }

  @Test func oneCandidateThatDiffersOnlyInMetadataPairsAndSaysWhatDiffers() {
    let base = F.snapshot(F.identity(metadata: ["framework": "vllm"]))
    let new = F.snapshot(F.identity(metadata: ["framework": "sgl"]))
    let matching = SweepMatcher.match(base: [base], new: [new])
    #expect(matching.pairs.count == 1)
    #expect(matching.pairs[0].differences.map(\.description) == ["metadata framework (vllm vs sgl)"])
  }

  @Test func severalCandidatesAreAmbiguousNotGuessed() {
    let base = [F.snapshot(F.identity(metadata: ["run": "a"])), F.snapshot(F.identity(metadata: ["run": "b"]))]
    let new = [F.snapshot(F.identity(metadata: ["run": "c"])), F.snapshot(F.identity(metadata: ["run": "d"]))]
    let matching = SweepMatcher.match(base: base, new: new)
    #expect(matching.pairs.isEmpty)
    #expect(matching.onlyInBase.count == 2 && matching.onlyInNew.count == 2)
    #expect(matching.onlyInBase[0].reason.contains("ambiguous"))
  }

  @Test func exactPairsAreTakenBeforeLooseOnes() {
    let base = [F.snapshot(F.identity(metadata: ["run": "a"])), F.snapshot(F.identity(metadata: ["run": "b"]))]
    let new = [F.snapshot(F.identity(metadata: ["run": "b"])), F.snapshot(F.identity(metadata: ["run": "c"]))]
    let matching = SweepMatcher.match(base: base, new: new)
    // b pairs with b exactly; then a and c are the only candidates left of that experiment.
    #expect(matching.pairs.count == 2)
    #expect(matching.pairs.contains { $0.differences.isEmpty })
    #expect(matching.pairs.contains { $0.differences.map(\.field) == ["metadata run"] })
  }

  @Test func unpairedSweepsNameTheClosestCandidateAndTheDifferingFields() {
    let base = [F.snapshot(F.identity(model: "llama", dataset: "sharegpt")), F.snapshot(F.identity(model: "qwen"))]
    let new = [F.snapshot(F.identity(model: "llama", dataset: "random"))]
    let matching = SweepMatcher.match(base: base, new: new)
    #expect(matching.pairs.isEmpty)
    let llama = try! #require(matching.onlyInBase.first { $0.snapshot.identity.model == "llama" })
    #expect(llama.reason.contains("differs in dataset (sharegpt vs random)"))
    #expect(matching.onlyInNew.count == 1)
    #expect(matching.onlyInNew[0].reason.contains("no sweep in BASE runs the same experiment"))
  }

  @Test func differentLoadVariablesOrTasksNeverPair() {
    var rate = F.snapshot()
    rate.variable = .requestRate
    #expect(SweepMatcher.match(base: [F.snapshot()], new: [rate]).pairs.isEmpty)
    let task = F.snapshot(F.identity(task: "qwen2"))
    #expect(SweepMatcher.match(base: [F.snapshot()], new: [task]).pairs.isEmpty)
  }
}

extension SweepMatcherTests {
  /// SGLang S2 files carry no model: the file name names the sweep. Two sides read from
  /// different roots (`week-03/…`, `benchmark_serving/…`) still pair, and say where they differ.
  @Test func modelLessSweepsPairByFileNameNotByFolder() {
    func sglang(_ path: String) -> SweepSnapshot {
      F.snapshot(
        SweepIdentity(
          model: nil, backend: "sglang", label: nil, dataset: "random", configuredInputLength: 1024, configuredOutputLength: 1024,
          metadata: [], sourceHint: path))
    }
    let matching = SweepMatcher.match(
      base: [sglang("h200/online.jsonl"), sglang("h200/offline.jsonl")],
      new: [sglang("runs/h200/offline.jsonl"), sglang("runs/h200/online.jsonl")])
    #expect(matching.pairs.count == 2)
    #expect(matching.onlyInBase.isEmpty && matching.onlyInNew.isEmpty)
    for pair in matching.pairs {
      #expect(SweepDifference.fileName(pair.base.identity.sourceHint!) == SweepDifference.fileName(pair.new.identity.sourceHint!))
      #expect(pair.differences.map(\.field) == ["source folder"])
    }
  }
}
