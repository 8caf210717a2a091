import BenchModel

/// One identity field that differs between two sweeps, with both values ("—" when absent).
public struct SweepDifference: Sendable, Equatable, CustomStringConvertible {
  /// `model`, `backend`, `dataset`, `input length`, `output length`, `mean input length`,
  /// `task`, `source` (file name), `source folder`, `load variable`, `label` or `metadata KEY`.
  public var field: String
  public var base: String
  public var new: String
  /// True for fields that make it a different experiment (everything but label, metadata and
  /// source folder).
  public var isExperiment: Bool

  public var description: String { "\(field) (\(base) vs \(new))" }

  /// The last component of a `/`-separated path.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Every differing field, experiment fields first, then label and metadata by key.
  public static func between(_ base: SweepSnapshot, _ new: SweepSnapshot) -> [SweepDifference] {
    let b = base.identity
    let n = new.identity
    func text(_ value: String?) -> String { value ?? "—" }
    func text(_ value: Int?) -> String { value.map(String.init) ?? "—" }
    var differences: [SweepDifference] = []
    func add(_ field: String, _ lhs: String, _ rhs: String, experiment: Bool = true) {
      if lhs != rhs { differences.append(SweepDifference(field: field, base: lhs, new: rhs, isExperiment: experiment)) }
    }
    add("load variable", base.variable.rawValue, new.variable.rawValue)
    add("model", text(b.model), text(n.model))
    add("backend", text(b.backend), text(n.backend))
    add("dataset", text(b.dataset), text(n.dataset))
    add("input length", text(b.configuredInputLength), text(n.configuredInputLength))
    add("output length", text(b.configuredOutputLength), text(n.configuredOutputLength))
    add("mean input length", text(b.meanInputLength), text(n.meanInputLength))
    add("task", text(b.task), text(n.task))
    if b.model == nil || n.model == nil {
      // Without a model the file name names the experiment; its folder is only where it was kept.
      add("source", text(b.sourceHint.map(fileName)), text(n.sourceHint.map(fileName)))
      if b.sourceHint.map(fileName) == n.sourceHint.map(fileName) {
        add("source folder", text(b.sourceHint), text(n.sourceHint), experiment: false)
      }
    }
    add("label", text(b.label), text(n.label), experiment: false)
    let baseMetadata = Dictionary(b.metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    let newMetadata = Dictionary(n.metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    for key in Set(baseMetadata.keys).union(newMetadata.keys).sorted() {
      add("metadata \(key)", text(baseMetadata[key]), text(newMetadata[key]), experiment: false)
    }
    return differences
  }
}
