import BenchModel

/// A sweep's identity in the history: the fields that say which experiment it is, as one text.
///
/// In: the load variable, model, client backend, dataset and its configured / mean lengths, the
/// Locust task, metadata (`--metadata framework=sgl` is another experiment), the tool that made
/// the files (vllm, sglang, locust) and the hardware (`environment.gpu`). Out: the file names
/// and folders (a moved or renamed results folder is the same experiment) and the run label
/// (often the week). When the files name no model, the file's name (not its folders) stands in,
/// as `compare` pairs such sweeps.
public enum SweepKey {
  public static func key(of identity: SweepIdentity, variable: LoadVariable, tool: String?, hardware: String?) -> String {
    var parts: [String] = ["variable=\(variable.rawValue)"]
    func add(_ name: String, _ value: String?) {
      if let value, !value.isEmpty { parts.append("\(name)=\(value)") }
    }
    add("model", identity.model)
    add("backend", identity.backend)
    add("dataset", identity.dataset)
    add("input", identity.configuredInputLength.map(String.init))
    add("output", identity.configuredOutputLength.map(String.init))
    add("meanInput", identity.meanInputLength.map(String.init))
    add("task", identity.task)
    for entry in identity.metadata.sorted(by: { $0.key < $1.key }) { add("metadata." + entry.key, entry.value) }
    if identity.model == nil, let hint = identity.sourceHint {
      add("file", hint.split(separator: "/").last.map(String.init))
    }
    add("tool", tool)
    add("hardware", hardware)
    return parts.joined(separator: "|")
  }
}
