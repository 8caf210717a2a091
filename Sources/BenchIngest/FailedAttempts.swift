import BenchModel
import Foundation

/// Levels a sweep tried but got no result for: a skipped file beside the sweep's runs (the
/// console log of a run that crashed, a result cut short) whose name carries a level of the
/// sweep's variable that no run has. The report then does not ask to "test 64 next" when a 64
/// run exists and failed.
public enum FailedAttempts {
  public static func levels(for sweep: Sweep, skipped: [SkippedInput]) -> [LoadLevel: String] {
    let folders = Set(sweep.runs.map { ($0.source.path as NSString).deletingLastPathComponent })
    let tested = Set(sweep.levels.map(\.level))
    var attempts: [LoadLevel: String] = [:]
    for entry in skipped where entry.kind != .duplicate {
      let path = entry.location.path
      guard folders.contains((path as NSString).deletingLastPathComponent) else { continue }
      let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      guard let level = level(in: name, variable: sweep.variable), !tested.contains(level) else { continue }
      if attempts[level] == nil || path < attempts[level]! { attempts[level] = (path as NSString).lastPathComponent }
    }
    return attempts
  }

  static func level(in name: String, variable: LoadVariable) -> LoadLevel? {
    switch variable {
    case .concurrency:
      if let value = FileNameHints.concurrency(in: name) ?? shortConcurrency(in: name), value > 0 { return .concurrency(value) }
    case .users:
      if let value = FileNameHints.users(in: name) { return .users(value) }
    case .requestRate:
      if let rate = FileNameHints.requestRate(in: name) { return .requestRate(rate) }
    }
    return nil
  }

  /// `c64`, `run-c64`, `c64_console`: a `c` standing alone before the digits.
  static func shortConcurrency(in name: String) -> Int? {
    let lowered = Array(name.lowercased())
    for index in lowered.indices where lowered[index] == "c" {
      if index > 0, lowered[index - 1].isLetter { continue }
      let digits = lowered[(index + 1)...].prefix { $0.isNumber }
      let after = lowered.dropFirst(index + 1 + digits.count).first
      if !digits.isEmpty, after.map({ !$0.isLetter || $0 == "_" }) ?? true { return Int(String(digits)) }
    }
    return nil
  }
}
