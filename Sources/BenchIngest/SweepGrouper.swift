import BenchModel
import Foundation

/// Groups runs into sweeps: runs with the same identity (model, client, dataset shape,
/// metadata) at different levels of one load variable.
///
/// Which variable a group sweeps is read off the data: if `max_concurrency` takes several values
/// it is a concurrency sweep (split further by request rate when both vary); otherwise a
/// request-rate sweep. Runs at the same level are repetitions of that level.
public enum SweepGrouper {
  public struct Output: Sendable {
    public var sweeps: [Sweep]
    /// Runs that could not be placed on a load axis.
    public var unplaced: [SkippedInput]
  }

  public static func group(_ runs: [Run]) -> Output {
    var byIdentity: [SweepIdentity: [Run]] = [:]
    var sweeps: [Sweep] = []
    var unplaced: [SkippedInput] = []
    // Locust runs sweep users: one sweep per folder (and per task), a step-load file on its own.
    var locust: [SweepIdentity: [Run]] = [:]
    for run in runs where run.format.tool == .locust { locust[identity(of: run), default: []].append(run) }
    for (identity, members) in locust {
      let (sweep, left) = makeSweep(identity, .users, members)
      if let sweep { sweeps.append(sweep) }
      unplaced += left
    }
    for run in runs where run.format.tool != .locust { byIdentity[identity(of: run), default: []].append(run) }
    byIdentity = splitByPromptLength(byIdentity)
    var groups: [(SweepIdentity, [Run])] = []
    for (identity, members) in byIdentity {
      // Runs without a concurrency limit are open-loop: they never join a concurrency sweep.
      let limited = members.filter { $0.maxConcurrency != nil }
      let unlimited = members.filter { $0.maxConcurrency == nil }
      if !limited.isEmpty { groups.append((identity, limited)) }
      if !unlimited.isEmpty { groups.append((identity, unlimited)) }
    }
    for (identity, members) in groups {
      let concurrencies = Set(members.map(\.maxConcurrency))
      let rates = Set(members.map(\.requestRate))
      if concurrencies.count > 1 {
        // Several concurrency limits: one concurrency sweep per request rate.
        let byRate = Dictionary(grouping: members, by: \.requestRate)
        for (_, runsAtRate) in byRate {
          let (sweep, left) = makeSweep(identity, .concurrency, runsAtRate)
          if let sweep { sweeps.append(sweep) }
          unplaced += left
        }
      } else if rates.count > 1 || concurrencies.first! == nil {
        let (sweep, left) = makeSweep(identity, .requestRate, members)
        if let sweep { sweeps.append(sweep) }
        unplaced += left
      } else {
        let (sweep, left) = makeSweep(identity, .concurrency, members)
        if let sweep { sweeps.append(sweep) }
        unplaced += left
      }
    }
    sweeps.sort { ($0.identity.sortKey, $0.variable.rawValue, $0.levels.first?.runs.first?.source.description ?? "") < ($1.identity.sortKey, $1.variable.rawValue, $1.levels.first?.runs.first?.source.description ?? "") }
    return Output(sweeps: sweeps, unplaced: unplaced.sorted())
  }

  static func makeSweep(_ identity: SweepIdentity, _ variable: LoadVariable, _ runs: [Run]) -> (Sweep?, [SkippedInput]) {
    var byLevel: [LoadLevel: [Run]] = [:]
    var unplaced: [SkippedInput] = []
    for run in runs {
      if let level = run.level(on: variable) {
        byLevel[level, default: []].append(run)
      } else {
        if variable == .users {
          if run.task == nil {
            unplaced.append(
              SkippedInput(
                location: run.source, kind: .unreadable,
                reason: "Locust run without a user count (no User Count in a history, none in the file name), so it has no place on a users axis"))
          }
          continue
        }
        let what = variable == .concurrency ? "max_concurrency" : "request_rate"
        unplaced.append(
          SkippedInput(location: run.source, kind: .unreadable, reason: "no \(what) in the file or its name, so the run has no place in its sweep"))
      }
    }
    guard !byLevel.isEmpty else { return (nil, unplaced) }
    let levels = byLevel.keys.sorted().map { level in
      SweepLevel(level: level, runs: byLevel[level]!.sorted { $0.source < $1.source })
    }
    return (Sweep(identity: identity, variable: variable, levels: levels), unplaced)
  }

  /// Runs of one configuration whose files record no dataset lengths but whose mean prompt
  /// lengths differ by more than 25 % are different workloads (e.g. a context-length sweep at
  /// fixed concurrency), not repetitions: give each cluster its own identity.
  static func splitByPromptLength(_ groups: [SweepIdentity: [Run]]) -> [SweepIdentity: [Run]] {
    var result: [SweepIdentity: [Run]] = [:]
    for (identity, members) in groups {
      let lengths = members.map(meanInputLength)
      guard identity.configuredInputLength == nil, lengths.allSatisfy({ $0 != nil }),
        let smallest = lengths.compactMap({ $0 }).min(), let largest = lengths.compactMap({ $0 }).max(),
        smallest > 0, largest / smallest > 1.25
      else {
        result[identity, default: []] += members
        continue
      }
      let sorted = zip(members, lengths.map { $0! }).sorted { $0.1 < $1.1 }
      var clusterStart = sorted[0].1
      var cluster: [Run] = []
      func flush() {
        guard !cluster.isEmpty else { return }
        let mean = cluster.map { meanInputLength($0)! }.reduce(0, +) / Double(cluster.count)
        var split = identity
        split.meanInputLength = Int(mean.rounded())
        result[split, default: []] += cluster
        cluster = []
      }
      for (run, length) in sorted {
        if length / clusterStart > 1.25 {
          flush()
          clusterStart = length
        }
        cluster.append(run)
      }
      flush()
    }
    return result
  }

  static func meanInputLength(_ run: Run) -> Double? {
    guard let tokens = run.totalInputTokens, let completed = run.completed, completed > 0 else { return nil }
    return Double(tokens) / Double(completed)
  }

  /// Metadata keys that describe the run, not the configuration, and so never split sweeps.
  static let volatileMetadata: Set<String> = ["date", "run_number", "_benchmark_name"]

  static func identity(of run: Run) -> SweepIdentity {
    if run.format.tool == .locust {
      // Locust files name no model: the runs of one folder are one test at several user counts;
      // the steps of a step-load history are one sweep of their own.
      let folder = (run.source.path as NSString).deletingLastPathComponent
      let isStepLoad = run.plateau != nil || run.findings.contains { $0.code == .stepLoadUnsegmented }
      let stepLoad = isStepLoad ? LocustRunSet.prefix(of: run.source.path) : nil
      return SweepIdentity(
        model: run.model, backend: run.backend, label: run.label, dataset: nil, configuredInputLength: nil, configuredOutputLength: nil,
        metadata: [], sourceHint: stepLoad ?? (folder.isEmpty ? "." : folder), task: run.task)
    }
    let metadata = run.metadata.filter { !volatileMetadata.contains($0.key) }
      .map { MetadataEntry(key: $0.key, value: $0.value) }
      .sorted { $0.key < $1.key }
    return SweepIdentity(
      model: run.model, backend: run.backend, label: run.label, dataset: run.dataset,
      configuredInputLength: run.configuredInputLength, configuredOutputLength: run.configuredOutputLength,
      metadata: metadata,
      sourceHint: run.model == nil ? (toolsWithoutModel.contains(run.format.tool) ? folder(of: run) : run.source.path) : nil)
  }

  /// Tools whose files never name the model: the runs (stages) of one folder are one sweep.
  static let toolsWithoutModel: Set<SourceFormat.Tool> = [.inferencePerf]

  static func folder(of run: Run) -> String {
    let folder = (run.source.path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }
}

