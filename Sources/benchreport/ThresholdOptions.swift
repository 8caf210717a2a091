import ArgumentParser
import BenchAnalysis
import BenchIngest
import BenchModel
import Foundation

/// The stop-criteria options `analyze` and `compare` share, and where their values come from:
/// the defaults, overridden by benchreport.yaml, overridden by flags.
struct ThresholdOptions: ParsableArguments {
  @Option(help: "benchreport.yaml to read (default: the benchreport.yaml of the input folders; they must agree).")
  var config: String?

  @Option(help: "Service-level objectives, e.g. ttft_p99=800ms,tpot_p99=100ms,e2el_p99=10s,error_rate=1%.")
  var slo: String?

  @Option(name: .customLong("success-rate"), help: "Minimum success rate of a stable level (default 95%).")
  var successRate: String?

  @Option(name: .customLong("ttft-limit"), help: "TTFT limit of a stable level (default 1000ms).")
  var ttftLimit: String?

  @Option(
    name: .customLong("ttft-statistic"),
    help: "TTFT statistic the limit applies to: p99 (default), p95, p90, p50, mean.")
  var ttftStatistic: String?

  @Option(name: .customLong("min-growth"), help: "Minimum throughput growth per level (default 20%).")
  var minGrowth: String?

  @Option(help: "Recommended range as fractions of the max stable level (default 0.7-0.8).")
  var headroom: String?

  @Option(
    help: "Zone of times written without one (vLLM `date`, nvidia-smi timestamps) when GPU or server metrics are joined: Asia/Shanghai, UTC, +08:00 (default: this machine's zone)."
  )
  var timezone: String?

  /// Settings and environment for `inputs`: --config, else the benchreport.yaml of the input
  /// folders (several different ones are a usage error), then the flags on top.
  func load(inputs: [String]) throws -> (settings: AnalysisSettings, environment: EnvironmentFacts) {
    var settings = AnalysisSettings()
    var environment = EnvironmentFacts()
    let file: ConfigurationFile?
    if let config {
      file = try ConfigurationFile.load(path: config)
    } else {
      // Every input folder may carry one; the result must not depend on argument order, so
      // several different ones are a usage error rather than "the first one wins".
      var found: [ConfigurationFile] = []
      for input in inputs {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue,
          let loaded = try ConfigurationFile.load(inFolder: input)
        {
          found.append(loaded)
        }
      }
      let distinct = found.reduce(into: [ConfigurationFile]()) { kept, next in
        if !kept.contains(where: { $0.environment == next.environment && $0.thresholds == next.thresholds }) {
          kept.append(next)
        }
      }
      if distinct.count > 1 {
        throw ValidationError(
          "the input folders have different benchreport.yaml files (\(found.compactMap(\.path).joined(separator: ", "))); choose one with --config"
        )
      }
      file = distinct.first
    }
    if let file {
      environment = file.environment
      for (name, value) in file.thresholds.sorted(by: { $0.key < $1.key }) {
        do {
          try settings.apply(name, value)
        } catch {
          throw ValidationError("\(file.path ?? "benchreport.yaml"): thresholds.\(name): \(error)")
        }
      }
    }
    let flags: [(String, String?, String)] = [
      ("success_rate", successRate, "--success-rate"), ("ttft_limit", ttftLimit, "--ttft-limit"),
      ("ttft_statistic", ttftStatistic, "--ttft-statistic"), ("min_throughput_growth", minGrowth, "--min-growth"),
      ("headroom", headroom, "--headroom"), ("slo", slo, "--slo"), ("timezone", timezone, "--timezone"),
    ]
    for (name, value, flag) in flags {
      guard let value else { continue }
      do {
        try settings.apply(name, value)
      } catch {
        throw ValidationError("\(flag): \(error)")
      }
    }
    return (settings, environment)
  }
}
