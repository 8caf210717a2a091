import BenchModel

/// How a sweep is named in reports and file names.
public enum SweepDescription {
  /// "Meta-Llama-3.1-8B-Instruct · openai · random 1024→1024 · framework=sgl".
  public static func title(of identity: SweepIdentity) -> String {
    var parts: [String] = []
    if let model = identity.model {
      parts.append(model)
    } else if let hint = identity.sourceHint, hint != "." {
      parts.append(hint.split(separator: "/").last.map(String.init) ?? hint)
    }
    if let task = identity.task {
      parts.append("task \(task)")
    }
    if let label = identity.label, label != identity.backend { parts.append(label) }
    if let backend = identity.backend { parts.append(backend) }
    var dataset = identity.dataset ?? ""
    if let input = identity.configuredInputLength, let output = identity.configuredOutputLength {
      dataset += (dataset.isEmpty ? "" : " ") + "\(input)→\(output)"
    } else if let output = identity.configuredOutputLength {
      dataset += (dataset.isEmpty ? "" : " ") + "→\(output)"
    }
    if !dataset.isEmpty { parts.append(dataset) }
    if let meanInput = identity.meanInputLength { parts.append("input ≈\(meanInput) tok") }
    parts += identity.metadata.map { "\($0.key)=\($0.value)" }
    return parts.isEmpty ? "unnamed" : parts.joined(separator: " · ")
  }

  /// A file-name-safe slug: lower-case ASCII letters, digits and dashes.
  static func slug(_ text: String) -> String {
    var slug = ""
    var lastWasDash = true
    for scalar in text.lowercased().unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
        slug.unicodeScalars.append(scalar)
        lastWasDash = false
      } else if !lastWasDash {
        slug += "-"
        lastWasDash = true
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return String(slug.prefix(80))
  }

  /// Slugs for every sweep, made unique with a numeric suffix.
  static func uniqueSlugs(_ sweeps: [Sweep]) -> [String] {
    var used: [String: Int] = [:]
    return sweeps.map { sweep in
      let base = slug(title(of: sweep.identity) + "-" + sweep.variable.rawValue)
      let count = used[base, default: 0]
      used[base] = count + 1
      return count == 0 ? base : "\(base)-\(count + 1)"
    }
  }
}
