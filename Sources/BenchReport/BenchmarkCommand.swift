import BenchModel

/// Reconstructs the command line that reproduces a sweep, from the parameters in its files:
/// `vllm bench serve` for vLLM results, `python -m sglang.bench_serving` for SGLang ones, with
/// the load variable as a shell loop. Parameters the files do not record are left out.
enum BenchmarkCommand {
  static func reconstruct(_ sweep: Sweep) -> String {
    guard let first = sweep.runs.first else { return "" }
    let runs = sweep.runs
    let isSGLang = first.format.tool == .sglang
    let variableFlag = sweep.variable == .concurrency ? "--max-concurrency" : "--request-rate"
    let variableName = sweep.variable == .concurrency ? "c" : "rate"
    let values = sweep.levels.map(\.level.description)

    var lines: [String] = []
    lines.append(isSGLang ? "python3 -m sglang.bench_serving" : "vllm bench serve")
    if let backend = first.backend { lines.append("--backend \(shellQuote(backend))") }
    if let label = first.label, label != first.backend, !isSGLang { lines.append("--label \(shellQuote(label))") }
    if let model = first.model, !isSGLang { lines.append("--model \(shellQuote(model))") }
    if let tokenizer = first.tokenizer, tokenizer != first.model { lines.append("--tokenizer \(shellQuote(tokenizer))") }
    if let dataset = first.dataset { lines.append("--dataset-name \(shellQuote(dataset))") }
    if let input = first.configuredInputLength { lines.append("--random-input-len \(input)") }
    if let output = first.configuredOutputLength {
      lines.append(first.dataset == "sharegpt" ? "--sharegpt-output-len \(output)" : "--random-output-len \(output)")
    }
    let prompts = Set(runs.compactMap(\.numPrompts))
    if prompts.count == 1, let count = prompts.first { lines.append("--num-prompts \(count)") }
    if sweep.variable == .concurrency {
      let rates = Set(runs.compactMap(\.requestRate))
      if rates.count == 1, let rate = rates.first { lines.append("--request-rate \(rate)") }
    } else {
      let limits = Set(runs.compactMap(\.maxConcurrency))
      if limits.count == 1, let limit = limits.first { lines.append("--max-concurrency \(limit)") }
    }
    let burstiness = Set(runs.compactMap(\.burstiness))
    if burstiness.count == 1, let value = burstiness.first, value != 1 { lines.append("--burstiness \(value)") }
    lines.append("\(variableFlag) \"$\(variableName)\"")
    if !isSGLang {
      let hasE2E = runs.contains { $0.latency[.e2el] != nil }
      lines.append("--percentile-metrics ttft,tpot,itl\(hasE2E ? ",e2el" : "") --metric-percentiles 50,90,95,99")
      for key in first.metadata.keys.sorted() where runs.allSatisfy({ $0.metadata[key] == first.metadata[key] }) {
        lines.append("--metadata \(shellQuote("\(key)=\(first.metadata[key]!)"))")
      }
      lines.append("--save-result --result-dir results/")
    } else {
      lines.append("--output-file results/\(first.backend ?? "sglang").jsonl")
    }
    var text = "for \(variableName) in \(values.joined(separator: " ")); do\n  "
    text += lines.joined(separator: " \\\n    ")
    text += "\ndone"
    if prompts.count > 1 {
      let perLevel = sweep.levels.map { level in
        "\(level.level)→\(level.runs.compactMap(\.numPrompts).map(String.init).joined(separator: "/"))"
      }
      text += "\n# --num-prompts per level: " + perLevel.joined(separator: ", ")
    }
    return text
  }

  /// Quotes a word for a POSIX shell when it needs it.
  static func shellQuote(_ word: String) -> String {
    let safe = word.unicodeScalars.allSatisfy { scalar in
      (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
        || "-_./:=@+,".unicodeScalars.contains(scalar)
    }
    if safe && !word.isEmpty { return word }
    return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }
}
