import ArgumentParser
import BenchAnalysis
import Foundation

/// How `compare` (and `analyze --baseline`) tells a real change from noise.
struct ComparisonOptions: ParsableArguments {
  @Option(help: "Without per-request samples, the relative change that counts (default 5%).")
  var threshold: String = "5%"

  @Option(
    name: .customLong("success-points"), help: "Success-rate change that counts, in percentage points (default 1pt).")
  var successPoints: String = "1pt"

  @Option(
    name: .customLong("min-effect"),
    help: "With samples, the smallest relative change reported even when statistically significant (default 1%).")
  var minEffect: String = "1%"

  @Option(help: "Confidence of the bootstrap intervals (default 95%).")
  var confidence: String = "95%"

  @Option(help: "Bootstrap resamples per interval (default 2000).")
  var resamples: Int = 2000

  func settings() throws -> ComparisonSettings {
    var settings = ComparisonSettings()
    settings.relativeThreshold = try Self.fraction(threshold, option: "--threshold")
    settings.successRatePoints = try Self.fraction(successPoints, option: "--success-points", allowPoints: true)
    settings.minimumEffect = try Self.fraction(minEffect, option: "--min-effect")
    settings.confidence = try Self.fraction(confidence, option: "--confidence")
    guard settings.confidence > 0.5, settings.confidence < 1 else {
      throw ValidationError("--confidence \(confidence): use a level between 50% and 100%, e.g. 95%")
    }
    guard resamples >= 200, resamples <= 100_000 else {
      throw ValidationError("--resamples \(resamples): use 200 to 100000 (default 2000)")
    }
    settings.resamples = resamples
    return settings
  }

  /// `5%`, `0.05`, and with `allowPoints` `1pt` (= 0.01).
  static func fraction(_ text: String, option: String, allowPoints: Bool = false) throws -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    var value: Double?
    if trimmed.hasSuffix("%") {
      value = Double(trimmed.dropLast()).map { $0 / 100 }
    } else if allowPoints, trimmed.hasSuffix("pt") {
      value = Double(trimmed.dropLast(2)).map { $0 / 100 }
    } else if let number = Double(trimmed) {
      value = number
    }
    guard let value, value >= 0, value < 1 || (value == 1 && !allowPoints) else {
      throw ValidationError(
        "\(option) \(text): expected a percentage like 5% (or a fraction like 0.05)\(allowPoints ? " or points like 1pt" : "")"
      )
    }
    return value
  }
}
