import BenchModel

/// When a sweep's test ran, read from the inputs only (never the clock), so a report and a
/// recorded history come out the same whenever they are made.
public enum TestTime {
  /// The earliest run start of the sweep in Unix seconds: a Locust history's first timestamp,
  /// or a vLLM file's `date` (`YYYYMMDD-HHMMSS`, read as UTC: the files do not say their zone).
  public static func earliest(of sweep: Sweep) -> Double? {
    sweep.levels.flatMap(\.runs).compactMap(start(of:)).min()
  }

  public static func start(of run: Run) -> Double? {
    if let start = run.timeline?.start, start > 0 { return start + (run.plateau?.lowerBound ?? 0) }
    return run.date.flatMap(parseDate)
  }

  /// `20240101-120000` → Unix seconds (UTC).
  public static func parseDate(_ text: String) -> Double? {
    let digits = text.filter(\.isNumber)
    guard digits.count >= 14 else { return nil }
    let characters = Array(digits)
    func number(_ range: Range<Int>) -> Int? { Int(String(characters[range])) }
    guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(8..<10),
      let minute = number(10..<12), let second = number(12..<14), (1...12).contains(month), (1...31).contains(day),
      hour < 24, minute < 60, second < 61
    else { return nil }
    // Days from the civil date (Howard Hinnant's days_from_civil).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
  }

  /// Unix seconds → `2026-11-23T08:05:04Z`.
  public static func iso8601(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.down))
    let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondsOfDay = total - days * 86_400
    // civil_from_days (Howard Hinnant).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))Z"
  }
}
