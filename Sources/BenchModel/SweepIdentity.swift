import Foundation

/// What makes runs comparable: same model, client, dataset shape and metadata. Runs with the
/// same identity but different load levels form one sweep.
public struct SweepIdentity: Sendable, Hashable, Comparable {
  public var model: String?
  public var backend: String?
  public var label: String?
  public var dataset: String?
  public var configuredInputLength: Int?
  public var configuredOutputLength: Int?
  /// Mean prompt length (tokens) of runs whose files record no configured lengths, rounded;
  /// set when runs of one configuration differ in prompt length (an input-length sweep).
  public var meanInputLength: Int?
  /// Metadata that is the same for every run of the sweep, sorted by key.
  public var metadata: [MetadataEntry]
  /// Set when the file carries no model name, so runs of different files are not mixed.
  public var sourceHint: String?
  /// The Locust task (request name) of a per-task sweep; nil for whole runs.
  public var task: String?

  public init(
    model: String?, backend: String?, label: String?, dataset: String?,
    configuredInputLength: Int?, configuredOutputLength: Int?, meanInputLength: Int? = nil,
    metadata: [MetadataEntry], sourceHint: String?, task: String? = nil
  ) {
    self.task = task
    self.meanInputLength = meanInputLength
    self.model = model
    self.backend = backend
    self.label = label
    self.dataset = dataset
    self.configuredInputLength = configuredInputLength
    self.configuredOutputLength = configuredOutputLength
    self.metadata = metadata
    self.sourceHint = sourceHint
  }

  /// A stable textual key, used for ordering and file names.
  public var sortKey: String {
    let parts: [String] = [
      model ?? "", backend ?? "", label ?? "", dataset ?? "",
      configuredInputLength.map(String.init) ?? "", configuredOutputLength.map(String.init) ?? "",
      meanInputLength.map { String(format: "%012d", $0) } ?? "", metadata.map { "\($0.key)=\($0.value)" }.joined(separator: ","), sourceHint ?? "",
      task.map { "task=" + $0 } ?? "",
    ]
    return parts.joined(separator: "|")
  }

  public static func < (lhs: SweepIdentity, rhs: SweepIdentity) -> Bool {
    lhs.sortKey < rhs.sortKey
  }
}

/// A metadata key and its value (metadata are strings in every tool).
public struct MetadataEntry: Sendable, Hashable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}
