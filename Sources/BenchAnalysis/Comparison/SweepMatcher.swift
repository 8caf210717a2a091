import BenchModel

/// Pairs the sweeps of the base side with those of the new side.
///
/// Two sweeps describe the same experiment when they vary the same load variable over the same
/// model, backend, dataset shape and (for Locust) task. First, sweeps whose whole identity is
/// equal are paired; then, among the rest, one sweep per side with the same experiment is
/// paired even though its label or metadata differ (a week tag, `framework=vllm` →
/// `framework=sgl`): that difference is usually the very thing being compared, and the
/// pairing says so. Several candidates on a side are ambiguous and left unpaired rather than
/// guessed. Every unpaired sweep gets the reason, naming the closest sweep on the other side
/// and the fields that differ.
public enum SweepMatcher {
  public static func match(base: [SweepSnapshot], new: [SweepSnapshot]) -> SweepMatching {
    var pairs: [SweepMatching.Pair] = []
    var baseLeft = Array(base.indices)
    var newLeft = Array(new.indices)

    // 1. Identical identities.
    for baseIndex in baseLeft {
      guard
        let position = newLeft.firstIndex(where: {
          new[$0].identity == base[baseIndex].identity && new[$0].variable == base[baseIndex].variable
        })
      else { continue }
      pairs.append(SweepMatching.Pair(base: base[baseIndex], new: new[newLeft[position]], differences: []))
      newLeft.remove(at: position)
      baseLeft.removeAll { $0 == baseIndex }
    }

    // 2. Same experiment, one candidate on each side.
    var ambiguous: [Int: String] = [:]
    var ambiguousNew: [Int: String] = [:]
    let baseGroups = Dictionary(grouping: baseLeft) { ExperimentKey(base[$0]) }
    let newGroups = Dictionary(grouping: newLeft) { ExperimentKey(new[$0]) }
    for (key, baseIndices) in baseGroups.sorted(by: { $0.value[0] < $1.value[0] }) {
      guard let newIndices = newGroups[key] else { continue }
      if baseIndices.count == 1, newIndices.count == 1 {
        let (b, n) = (base[baseIndices[0]], new[newIndices[0]])
        pairs.append(SweepMatching.Pair(base: b, new: n, differences: SweepDifference.between(b, n)))
        baseLeft.removeAll { $0 == baseIndices[0] }
        newLeft.removeAll { $0 == newIndices[0] }
      } else {
        let reason =
          "\(baseIndices.count) sweeps in BASE and \(newIndices.count) in NEW run the same experiment "
          + "(\(key.summary)) but differ in label or metadata, so which pairs with which is ambiguous"
        for index in baseIndices { ambiguous[index] = reason }
        for index in newIndices { ambiguousNew[index] = reason }
      }
    }

    let onlyInBase = baseLeft.map { index in
      SweepMatching.Unpaired(
        snapshot: base[index], reason: ambiguous[index] ?? unpairedReason(base[index], others: new, otherSide: "NEW"))
    }
    let onlyInNew = newLeft.map { index in
      SweepMatching.Unpaired(
        snapshot: new[index], reason: ambiguousNew[index] ?? unpairedReason(new[index], others: base, otherSide: "BASE")
      )
    }
    return SweepMatching(
      pairs: pairs.sorted { $0.base.identity < $1.base.identity }, onlyInBase: onlyInBase, onlyInNew: onlyInNew)
  }

  /// "NEW has no sweep of model X"; or the closest sweep and what differs from it.
  static func unpairedReason(_ snapshot: SweepSnapshot, others: [SweepSnapshot], otherSide: String) -> String {
    let ranked = others.map { ($0, SweepDifference.between(snapshot, $0).filter(\.isExperiment)) }
      .sorted { ($0.1.count, $0.0.identity) < ($1.1.count, $1.0.identity) }
    guard let (closest, differences) = ranked.first else { return "\(otherSide) has no sweeps" }
    let fields = differences.map(\.description).joined(separator: "; ")
    return "no sweep in \(otherSide) runs the same experiment; the closest, \(closest.title), differs in \(fields)"
  }
}

/// The result of pairing two sides' sweeps.
public struct SweepMatching: Sendable, Equatable {
  public struct Pair: Sendable, Equatable {
    public var base: SweepSnapshot
    public var new: SweepSnapshot
    /// Label and metadata that differ between the two (empty for identical identities).
    public var differences: [SweepDifference]
  }

  public struct Unpaired: Sendable, Equatable {
    public var snapshot: SweepSnapshot
    /// Why no sweep of the other side was paired with it.
    public var reason: String
  }

  public var pairs: [Pair]
  public var onlyInBase: [Unpaired]
  public var onlyInNew: [Unpaired]
}

/// The fields that say which experiment a sweep is; label and metadata are left out.
struct ExperimentKey: Hashable {
  var variable: LoadVariable
  var model: String?
  var backend: String?
  var dataset: String?
  var inputLength: Int?
  var outputLength: Int?
  var meanInputLength: Int?
  var task: String?
  /// The file name stands in for the model when the files carry none (SGLang S2). Only the
  /// name: the folders above it are where a side was stored (`week-03/`, `week-04/`), and
  /// each side's paths are relative to the folder it was read from.
  var sourceFile: String?

  init(_ snapshot: SweepSnapshot) {
    let identity = snapshot.identity
    variable = snapshot.variable
    model = identity.model
    backend = identity.backend
    dataset = identity.dataset
    inputLength = identity.configuredInputLength
    outputLength = identity.configuredOutputLength
    meanInputLength = identity.meanInputLength
    task = identity.task
    sourceFile = identity.model == nil ? identity.sourceHint.map(SweepDifference.fileName) : nil
  }

  var summary: String {
    var parts = [variable.rawValue]
    if let model { parts.append(model) }
    if let backend { parts.append(backend) }
    if let dataset { parts.append(dataset) }
    if let task { parts.append("task \(task)") }
    return parts.joined(separator: ", ")
  }
}
