import BenchAnalysis
import BenchModel

/// A finding as the report shows it: its sentence in the report's language, built only from the
/// finding's code and evidence (`finding_<code>` in the strings catalogue).
public struct FindingText: Sendable {
  /// The stable code, e.g. `client-rate-cap`.
  public var code: String
  /// `critical`, `warning` or `info` (CSS class in HTML templates).
  public var severity: String
  /// The severity in the report's language.
  public var severityWord: String
  /// ❗, ⚠️ or ℹ️ for Markdown.
  public var icon: String
  /// What was observed, with its numbers (现象).
  public var text: String
  /// The likely cause (可能原因) and the concrete next step (建议); nil when the sentence
  /// itself says what to do.
  public var cause: String?
  public var advice: String?
}

extension SweepNarrator {
  /// Every finding of the sweep as text, most severe first.
  var findingTexts: [FindingText] { analysis.findings.map(findingText) }

  /// One finding as the report and analysis.json show it.
  func findingText(_ finding: Finding) -> FindingText {
    FindingText(
      code: finding.code.rawValue, severity: finding.severity.rawValue,
      severityWord: strings["severity_\(finding.severity.rawValue)"],
      icon: ["critical": "❗", "warning": "⚠️"][finding.severity.rawValue] ?? "ℹ️", text: text(of: finding),
      cause: strings.entries["diagnosis_cause_\(finding.code.rawValue)"],
      advice: strings.entries["diagnosis_advice_\(finding.code.rawValue)"])
  }

  /// The finding's sentence: `finding_<code>` (or a variant for the evidence it has) with every
  /// evidence value formatted in its unit, `{levels}` listing the levels it is about.
  func text(of finding: Finding) -> String {
    var values = evidenceValues(finding)
    values["levels"] = finding.levels.map(levelText).joined(separator: ", ")
    var key = "finding_\(finding.code.rawValue)"
    switch finding.code {
    case .insufficientData where finding.levels.isEmpty:
      key += "_sweep"
    case .insufficientData:
      if values["requests"] != nil, values["durationSeconds"] != nil, finding.number("completed") == 0 {
        values["exampleClause"] = strings.format("finding_insufficient-data_exampleFailed", values)
      } else if values["requests"] != nil, values["durationSeconds"] != nil {
        values["exampleClause"] = strings.format("finding_insufficient-data_example", values)
      } else if values["requests"] != nil {
        values["exampleClause"] = strings.format("finding_insufficient-data_exampleRequests", values)
      } else {
        values["exampleClause"] = ""
      }
    case .overloaded:
      values["latencyClause"] =
        finding.number("latencyRatio").map {
          strings.format("finding_overloaded_latency", ["latencyRatio": NumberFormatting.ratio($0)])
        } ?? ""
      values["unloadedClause"] =
        values["unloadedLatencySeconds"].map { strings.format("finding_overloaded_unloaded", ["unloadedLatencySeconds": $0]) } ?? ""
    case .limitFound:
      if finding["maxStable"] == nil { key += "_lowest" }
      values["kind"] = (finding["kind"]).flatMap { value -> String? in
        if case .text(let kind) = value { return strings["kind_\(kind)"] }
        return nil
      }
      values["shapeClause"] = ""
      if case .text(let shape)? = finding["shape"], let jump = values["jump"] {
        values["shapeClause"] = strings.format("finding_limit-found_\(shape)", ["jump": jump])
      }
      values["nextClause"] = values["next"].map { strings.format("finding_limit-found_next", ["next": $0]) } ?? strings["finding_end"]
      if values["attemptFile"] != nil { values["nextClause"] = strings.format("finding_next_attempted", values) }
    case .notSaturated:
      values["nextClause"] = values["next"].map { strings.format("finding_not-saturated_next", ["next": $0]) } ?? strings["finding_not-saturated_raise"]
      if values["attemptFile"] != nil { values["nextClause"] = strings.format("finding_next_attempted", values) }
    case .clientRateCap:
      values["inFlightClause"] = values["inFlightMax"].map { strings.format("finding_client-rate-cap_inFlight", ["inFlightMax": $0]) } ?? ""
    case .queueing:
      values["tpotClause"] = values["tpotFrom"] != nil ? strings.format("finding_queueing_tpot", values) : ""
      values["ceilingClause"] = values["ceiling"] != nil ? strings.format("finding_queueing_ceiling", values) : ""
    case .decodeSlowdown:
      values["speedClause"] = values["speedFrom"] != nil ? strings.format("finding_decode-slowdown_speed", values) : ""
    case .loadShedding, .timeouts, .clientErrors, .serverErrors:
      values["firstLevelClause"] = values["firstLevel"] != nil ? strings.format("finding_firstLevel", values) : ""
      values["example"] = values["example"].map { String($0.split(separator: "\n").first ?? "").prefix(160).description }
    case .soakDrift:
      values["hours"] = finding.number("hours").map { NumberFormatting.decimal($0, 1) } ?? NumberFormatting.missing
      values["relativeClause"] = values["relativePerHour"] != nil ? strings.format("finding_soak-drift_relative", values) : ""
    case .serverUnreachable:
      values["error"] = values["error"].map { String($0.split(separator: "\n").first ?? "").prefix(160).description } ?? "—"
    default:
      break
    }
    return strings.format(key, values)
  }

  /// Every evidence value of `finding` formatted in its unit, by name (a soak's metric in words).
  func evidenceValues(_ finding: Finding) -> [String: String] {
    var values: [String: String] = [:]
    for item in finding.evidence { values[item.name] = evidenceText(item.value) }
    if finding.code == .soakDrift, case .text(let metric)? = finding["metric"] { values["metric"] = strings["soak_metric_\(metric)"] }
    return values
  }

  func evidenceText(_ value: FindingEvidence.Value) -> String {
    switch value {
    case .level(let level): return levelText(level)
    case .text(let text): return escape(text)
    case .number(let number, let unit):
      switch unit {
      case .requestsPerSecond: return NumberFormatting.compact(number) + " req/s"
      case .tokensPerSecond: return NumberFormatting.decimal(number, 1) + " tok/s"
      case .milliseconds: return NumberFormatting.milliseconds(number) + " ms"
      case .seconds: return number < 1 ? NumberFormatting.milliseconds(number * 1000) + " ms" : NumberFormatting.compact(number, maxDecimals: 1) + " s"
      case .fraction: return NumberFormatting.percent(number, decimals: 0)
      case .count: return NumberFormatting.integer(Int(number.rounded()))
      case .ratio: return NumberFormatting.ratio(number)
      case .inFlight: return NumberFormatting.decimal(number, 1)
      case .perSecond: return NumberFormatting.decimal(number, 2) + "/s"
      case .mebibytes: return NumberFormatting.decimal(number / 1024, 1) + " GiB"
      }
    }
  }
}
