import BenchAnalysis
import BenchModel

/// Reconstructs the command line that reproduces a sweep, from the parameters in its files:
/// `vllm bench serve` for V8+ vLLM results, `benchmark_serving.py` for older ones,
/// `python -m sglang.bench_serving` for SGLang ones, with the load variable as a shell loop.
/// Only what the files record is shown; a header says it is reconstructed and names what the
/// files do not record, so nobody takes it for the command that was typed.
enum BenchmarkCommand {
  static func reconstruct(_ sweep: Sweep, strings: StringsCatalogue? = nil) -> String {
    guard let first = sweep.runs.first else { return "" }
    if first.format.tool == .locust { return locust(sweep, strings: strings) }
    if ![.vllmServe, .vllmSweep, .sglang].contains(first.format.tool) { return otherTool(sweep) }
    let runs = sweep.runs
    let isSGLang = first.format.tool == .sglang
    let variableFlag = sweep.variable == .concurrency ? "--max-concurrency" : "--request-rate"
    let variableName = sweep.variable == .concurrency ? "c" : "rate"
    let values = sweep.levels.map(\.level.description)

    var lines: [String] = []
    var unrecorded: [String] = []
    let isNewCLI = ["V8", "V9"].contains { first.format.schema.hasPrefix($0) } || first.format.tool == .vllmSweep
    lines.append(isSGLang ? "python3 -m sglang.bench_serving" : isNewCLI ? "vllm bench serve" : "python3 benchmarks/benchmark_serving.py")
    if let backend = first.backend { lines.append("--backend \(shellQuote(backend))") }
    if let label = first.label, label != first.backend, !isSGLang { lines.append("--label \(shellQuote(label))") }
    if let model = first.model, !isSGLang { lines.append("--model \(shellQuote(model))") }
    if let tokenizer = first.tokenizer, tokenizer != first.model { lines.append("--tokenizer \(shellQuote(tokenizer))") }
    if let dataset = first.dataset {
      lines.append("--dataset-name \(shellQuote(dataset))")
    } else {
      unrecorded.append("--dataset-name")
    }
    if let input = first.configuredInputLength { lines.append("--random-input-len \(input)") }
    if let output = first.configuredOutputLength {
      lines.append(first.dataset == "sharegpt" ? "--sharegpt-output-len \(output)" : "--random-output-len \(output)")
    }
    if first.configuredInputLength == nil && first.configuredOutputLength == nil { unrecorded.append("input/output lengths") }
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
      let metrics = LatencyMetric.allCases.filter { metric in first.latency[metric].map { !$0.isEmpty } ?? false }
      let percentiles = Set(first.latency.values.flatMap(\.percentiles.keys)).sorted()
      if !metrics.isEmpty {
        var flag = "--percentile-metrics " + metrics.map(\.rawValue).joined(separator: ",")
        if !percentiles.isEmpty { flag += " --metric-percentiles " + percentiles.map { LatencyStatistic.word($0) }.joined(separator: ",") }
        lines.append(flag)
      }
      for key in first.metadata.keys.sorted() where runs.allSatisfy({ $0.metadata[key] == first.metadata[key] }) {
        lines.append("--metadata \(shellQuote("\(key)=\(first.metadata[key]!)"))")
      }
      lines.append("--save-result --result-dir results/")
    } else {
      lines.append("--output-file results/\(first.backend ?? "sglang").jsonl")
    }
    var text = "# \(strings?["command_reconstructed"] ?? "reconstructed from the result files: only the parameters they record")"
    if !unrecorded.isEmpty { text += (strings?["command_unrecorded"] ?? "; not recorded:") + " " + unrecorded.joined(separator: ", ") }
    text += "\nfor \(variableName) in \(values.joined(separator: " ")); do\n  "
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

  /// Tools whose command lines benchreport does not rebuild: name the tool and the levels, so
  /// nobody takes a vLLM command for what was run.
  static func otherTool(_ sweep: Sweep) -> String {
    let tool = sweep.runs.first?.format.tool.rawValue ?? "?"
    let levels = sweep.levels.map(\.level.description).joined(separator: " ")
    return "# \(tool) run at \(sweep.variable == .concurrency ? "concurrency" : "request rate") \(levels); benchreport rebuilds command lines only for vLLM, SGLang and Locust"
  }

  /// A Locust loop over the user counts (or the step-load run), with the output flags the files
  /// show were used. Locust's files record neither the locustfile nor the host.
  static func locust(_ sweep: Sweep, strings: StringsCatalogue? = nil) -> String {
    let runs = sweep.runs
    let first = runs[0]
    let files = Set(runs.flatMap(\.files))
    let hasJSON = files.contains { $0.hasSuffix(".json") }
    let hasHTML = files.contains { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }
    // Window percentiles in the history are what --csv-full-history writes (Locust ≥ 2.2.2).
    let fullHistory = runs.contains { $0.timeline?.percentilesAreWindowed == true }
    var text = "# \(strings?["command_reconstructed"] ?? "reconstructed from the result files: only the parameters they record")\n"
    text += "# \(strings?["command_locustUnrecorded"] ?? "not recorded in Locust's output files: the locustfile, the host, -r (spawn rate) and -t (run time)")\n"
    if first.plateau != nil {
      let prefix = LocustPrefix.name(of: first.source.path)
      let steps = sweep.levels.map(\.level.description).joined(separator: " → ")
      text += "# step-load shape (LoadTestShape): \(steps) users\n"
      var flags = ["locust -f locustfile.py --headless", "--csv \(BenchmarkCommand.shellQuote(prefix))", "--csv-full-history"]
      if hasJSON { flags.append("--json-file \(BenchmarkCommand.shellQuote(prefix))") }
      if hasHTML { flags.append("--html \(BenchmarkCommand.shellQuote(prefix + ".html"))") }
      return text + flags.joined(separator: " \\\n    ")
    }
    let durations = runs.compactMap(\.duration)
    let values = sweep.levels.map(\.level.description)
    if let shortest = durations.min(), let longest = durations.max() {
      let span = shortest.rounded() == longest.rounded() ? "\(Int(shortest.rounded())) s" : "\(Int(shortest.rounded()))–\(Int(longest.rounded())) s"
      text += "# \(strings?.format("command_locustMeasured", ["span": span]) ?? "the runs lasted \(span) as measured")\n"
    }
    var flags = ["locust -f locustfile.py --headless", "-u \"$u\""]
    flags.append("--csv \"u$u\"")
    if fullHistory { flags.append("--csv-full-history") }
    if hasJSON { flags.append("--json-file \"u$u\"") }
    if hasHTML { flags.append("--html \"u$u.html\"") }
    text += "for u in \(values.joined(separator: " ")); do\n  " + flags.joined(separator: " \\\n    ") + "\ndone"
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

/// The run name of a Locust output path (`sweep/u8_stats.csv` → `u8`).
enum LocustPrefix {
  static let suffixes = [
    "_requests_full_history.csv", "_stats_history.csv", "_distribution.csv", "_exceptions.csv", "_failures.csv",
    "_requests.csv", "_stats.csv", ".json", ".html", ".htm",
  ]

  static func name(of path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in suffixes where file.lowercased().hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
    return file
  }
}
