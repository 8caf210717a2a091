import BenchModel
import Foundation
import Yams

/// The optional `benchreport.yaml` in a results folder: thresholds that override the defaults
/// (command-line flags override the file) and environment facts for the report.
///
/// ```yaml
/// environment:
///   gpu: 1× H100 80GB SXM
///   framework: vLLM
///   framework_version: 0.8.2
///   driver: 550.54.15
///   notes: [FP8 weights, chunked prefill on]
/// thresholds:
///   success_rate: 95%        # stop when success < this
///   ttft_limit: 1000ms       # stop when TTFT (statistic below) exceeds this
///   ttft_statistic: p99      # p99 | p95 | p90 | p50 | mean
///   min_throughput_growth: 20%
///   headroom: 0.7-0.8
///   slo: ttft_p99=800ms,tpot_p99=100ms
/// ```
public struct ConfigurationFile: Sendable, Equatable {
  public var environment = EnvironmentFacts()
  /// Threshold settings as written, to be parsed by the analysis settings (strings keep the
  /// user's units so errors can quote them).
  public var thresholds: [String: String] = [:]
  /// Where it was read from.
  public var path: String?

  public init() {}

  /// Reads `benchreport.yaml` (or `.yml`) in `folder`; nil when there is none.
  public static func load(inFolder folder: String) throws(ConfigurationError) -> ConfigurationFile? {
    for name in InputScanner.configurationFileNames.sorted() {
      let path = (folder as NSString).appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
    }
    return nil
  }

  public static func load(path: String) throws(ConfigurationError) -> ConfigurationFile {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
    return try parse(String(decoding: data, as: UTF8.self), path: path)
  }

  public static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigurationFile {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw .invalidYAML(path: path, message: "\(error)")
    } catch {
      throw .invalidYAML(path: path, message: "\(error)")
    }
    var configuration = ConfigurationFile()
    configuration.path = path
    guard let node else { return configuration }
    guard let root = node.mapping else { throw .wrongType(path: path, key: "(top level)", expected: "a mapping of keys") }
    for (keyNode, value) in root {
      guard let key = keyNode.string else { continue }
      switch key {
      case "environment":
        guard let mapping = value.mapping else { throw .wrongType(path: path, key: "environment", expected: "a mapping") }
        configuration.environment = try environment(mapping, path: path)
      case "thresholds":
        guard let mapping = value.mapping else { throw .wrongType(path: path, key: "thresholds", expected: "a mapping") }
        for (name, setting) in mapping {
          guard let name = name.string, let text = setting.scalar?.string else {
            throw .wrongType(path: path, key: "thresholds.\(name.string ?? "?")", expected: "a single value")
          }
          configuration.thresholds[name] = text
        }
      case "timezone":
        // The zone of times written without one (vLLM `date`, nvidia-smi timestamps).
        guard let text = value.scalar?.string else { throw .wrongType(path: path, key: "timezone", expected: "a zone name like Asia/Shanghai") }
        configuration.thresholds["timezone"] = text
      case "ratings", "slo_tiers":
        // Settings with a prefix (`ratings.ttft`, `slo_tier.interactive`) for the analysis
        // settings to parse; a list value (`[100ms, 200ms, 500ms]`) is joined with commas.
        guard let mapping = value.mapping else { throw .wrongType(path: path, key: key, expected: "a mapping") }
        let prefix = key == "ratings" ? "ratings." : "slo_tier."
        for (name, setting) in mapping {
          let text = setting.scalar?.string ?? setting.sequence.map { $0.compactMap(\.scalar?.string).joined(separator: ",") }
          guard let name = name.string, let text else {
            throw .wrongType(path: path, key: "\(key).\(name.string ?? "?")", expected: "a single value or a list")
          }
          configuration.thresholds[prefix + name] = text
        }
      default:
        throw .unknownKey(path: path, key: key, known: ["environment", "thresholds", "ratings", "slo_tiers", "timezone"])
      }
    }
    return configuration
  }

  private static func environment(_ mapping: Node.Mapping, path: String) throws(ConfigurationError) -> EnvironmentFacts {
    var facts = EnvironmentFacts()
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else { continue }
      if key == "notes" {
        if let sequence = value.sequence {
          facts.notes = sequence.compactMap { $0.scalar?.string }
        } else if let note = value.scalar?.string {
          facts.notes = [note]
        }
        continue
      }
      guard let text = value.scalar?.string else {
        throw .wrongType(path: path, key: "environment.\(key)", expected: "a single value")
      }
      switch key {
      case "title": facts.title = text
      case "gpu", "hardware": facts.gpu = text
      case "framework": facts.framework = text
      case "framework_version", "version": facts.frameworkVersion = text
      case "driver": facts.driver = text
      case "model": facts.model = text
      default: facts.extra.append(MetadataEntry(key: key, value: text))
      }
    }
    return facts
  }
}

/// Problems with `benchreport.yaml`, each naming the file and key.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  case unreadable(path: String)
  case invalidYAML(path: String, message: String)
  case wrongType(path: String, key: String, expected: String)
  case unknownKey(path: String, key: String, known: [String])

  public var description: String {
    switch self {
    case .unreadable(let path): "\(path): cannot be read"
    case .invalidYAML(let path, let message): "\(path): not valid YAML: \(message)"
    case .wrongType(let path, let key, let expected): "\(path): `\(key)` should be \(expected)"
    case .unknownKey(let path, let key, let known):
      "\(path): unknown key `\(key)` (known: \(known.joined(separator: ", ")))"
    }
  }
}
