import BenchModel

/// What a Locust `--html` report holds: final per-entry statistics, the `Aggregated` history at
/// 5 s resolution, failures and exceptions. Modern reports (2.22+, React) embed it as JSON in
/// `window.templateArgs = {…}`; legacy reports (1.4.2–2.27) render tables and embed the history
/// as `var stats_history = {…}`.
struct LocustHTMLReport: Sendable {
  var entries: [LocustEntryStats] = []
  var aggregate: LocustEntryStats?
  var history: [LoadTimelinePoint] = []
  var failures: [FailureRecord] = []
  var exceptions: [ExceptionRecord] = []
  /// Unix seconds, when the report gives full timestamps.
  var startTime: Double?
  var endTime: Double?
  var host: String?
  /// "modern" or "legacy".
  var style: String

  /// Reads a report from its bytes; throws when the page is not a Locust report.
  static func read(_ bytes: [UInt8], path: String) throws(LocustReadError) -> LocustHTMLReport {
    guard let document = LocustHTMLDocument.parse(bytes) else { throw .invalid(path, "libxml2 could not parse the HTML") }
    if let script = document.scripts.first(where: { $0.contains("window.templateArgs = {") }) {
      return try modern(script, path: path)
    }
    if let script = document.scripts.first(where: { $0.contains("stats_history") }) {
      return legacy(script, tables: document.tables)
    }
    throw .invalid(path, "HTML page without Locust report data (no window.templateArgs or stats_history)")
  }

  // MARK: Modern (window.templateArgs)

  static func modern(_ script: String, path: String) throws(LocustReadError) -> LocustHTMLReport {
    let utf8 = Array(script.utf8)
    let marker = Array("window.templateArgs = ".utf8)
    guard let range = utf8.firstRange(of: marker) else { throw .invalid(path, "no window.templateArgs") }
    var end = range.upperBound
    while end < utf8.count && utf8[end] != 0x0A { end += 1 }
    let json = Array(utf8[range.upperBound..<end])
    let value: JSONValue
    do {
      value = try TolerantJSONParser().parse(json)
    } catch {
      throw .invalid(path, "window.templateArgs is not valid JSON: \(error)")
    }
    guard let args = value.objectValue else { throw .invalid(path, "window.templateArgs is not an object") }
    var report = LocustHTMLReport(style: "modern")
    report.host = args["host"].flatMap(string)
    report.startTime = args["start_time"].flatMap(string).flatMap(LocustTime.unixSeconds)
    report.endTime = args["end_time"].flatMap(string).flatMap(LocustTime.unixSeconds)
    var percentilesByEntry: [String: [Double: Double]] = [:]
    for element in args["response_time_statistics"]?.arrayValue ?? [] {
      guard let object = element.objectValue else { continue }
      var values: [Double: Double] = [:]
      for key in object.keys {
        if let fraction = Double(key), let number = number(object[key]) { values[fraction * 100] = number }
      }
      percentilesByEntry[entryKey(object)] = values
    }
    for element in args["requests_statistics"]?.arrayValue ?? [] {
      guard let object = element.objectValue else { continue }
      let name = string(object["name"]) ?? ""
      let method = LocustCell.method(string(object["method"]))
      var entry = LocustEntryStats(
        method: method, name: name, isAggregate: method == nil && LocustCell.isTotalName(name),
        requests: Int(number(object["num_requests"]) ?? 0), failures: Int(number(object["num_failures"]) ?? 0))
      entry.averageMilliseconds = number(object["avg_response_time"])
      entry.medianMilliseconds = number(object["median_response_time"])
      entry.minMilliseconds = number(object["min_response_time"])
      entry.maxMilliseconds = number(object["max_response_time"])
      entry.requestsPerSecond = number(object["total_rps"])
      entry.failuresPerSecond = number(object["total_fail_per_sec"])
      for key in object.keys where key.hasPrefix("response_time_percentile_") {
        if let fraction = Double(key.dropFirst("response_time_percentile_".count)), let value = number(object[key]) {
          entry.percentiles[fraction * 100] = value
        }
      }
      entry.percentiles.merge(percentilesByEntry[entryKey(object)] ?? [:]) { _, table in table }
      if entry.requests == 0 { entry.percentiles = [:] }
      if entry.isAggregate { report.aggregate = entry } else { report.entries.append(entry) }
    }
    for element in args["history"]?.arrayValue ?? [] {
      guard let object = element.objectValue else { continue }
      // ≤ 2.31.2: plain values; 2.31.3+: [timestamp, value] pairs.
      func value(_ key: String) -> Double? {
        if let plain = number(object[key]) { return plain }
        if let pair = object[key]?.arrayValue, pair.count == 2 { return number(pair[1]) }
        return nil
      }
      guard let time = string(object["time"]).flatMap(LocustTime.unixSeconds) else { continue }
      report.history.append(
        LoadTimelinePoint(
          timestamp: time, users: value("user_count").map { Int($0) }, requestsPerSecond: value("current_rps"),
          failuresPerSecond: value("current_fail_per_sec"), p50Milliseconds: value("response_time_percentile_0.5"),
          p95Milliseconds: value("response_time_percentile_0.95")))
    }
    for element in args["failures_statistics"]?.arrayValue ?? [] {
      guard let object = element.objectValue else { continue }
      report.failures.append(
        FailureRecord(
          method: LocustCell.method(string(object["method"])), name: string(object["name"]) ?? "", error: string(object["error"]) ?? "",
          occurrences: Int(number(object["occurrences"]) ?? 0), firstSeen: string(object["first_seen"]),
          lastSeen: string(object["last_seen"])))
    }
    report.failures = LocustFailuresCSVReader.sorted(report.failures)
    for element in args["exceptions_statistics"]?.arrayValue ?? [] {
      guard let object = element.objectValue else { continue }
      report.exceptions.append(
        ExceptionRecord(
          count: Int(number(object["count"]) ?? 0), message: string(object["msg"]) ?? "",
          location: LocustFailuresCSVReader.location(inTraceback: string(object["traceback"]) ?? ""), nodes: string(object["nodes"])))
    }
    return report
  }

  // MARK: Legacy (tables + var stats_history)

  static func legacy(_ script: String, tables: [LocustHTMLDocument.Table]) -> LocustHTMLReport {
    var report = LocustHTMLReport(style: "legacy")
    var percentileRows: [String: [Double: Double]] = [:]
    for table in tables {
      let header = table.header.map { $0.lowercased() }
      if header.contains(where: { $0.hasSuffix("%ile") }) {
        for row in table.rows where row.count == header.count {
          var values: [Double: Double] = [:]
          for (index, title) in header.enumerated() where title.hasSuffix("%ile") {
            if let p = Double(title.dropLast(4)), let value = LocustCell.number(row[index]) { values[p] = value }
          }
          percentileRows[legacyKey(method: row.first, name: row.count > 1 ? row[1] : "")] = values
        }
      }
    }
    for table in tables {
      let header = table.header.map { $0.lowercased() }
      guard let requestsIndex = header.firstIndex(of: "# requests"), let failsIndex = header.firstIndex(where: { $0 == "# fails" || $0 == "# failures" }),
        let nameIndex = header.firstIndex(of: "name")
      else {
        if let errorIndex = header.firstIndex(of: "message"), let countIndex = header.firstIndex(of: "# occurrences") ?? header.firstIndex(of: "# failures") {
          let nameIndex = header.firstIndex(of: "name")
          let methodIndex = header.firstIndex(of: "method")
          for row in table.rows where row.count == header.count {
            report.failures.append(
              FailureRecord(
                method: methodIndex.flatMap { LocustCell.method(row[$0]) }, name: nameIndex.map { row[$0] } ?? "", error: row[errorIndex],
                occurrences: LocustCell.integer(row[countIndex]) ?? 0))
          }
        }
        continue
      }
      let methodIndex = header.firstIndex(where: { $0 == "method" || $0 == "type" })
      func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
      let average = column(["average (ms)", "average"])
      let minimum = column(["min (ms)", "min"])
      let maximum = column(["max (ms)", "max"])
      let median = column(["median (ms)", "median"])
      let rps = column(["rps"])
      let fps = column(["failures/s"])
      for row in table.rows where row.count == header.count {
        let method = methodIndex.flatMap { LocustCell.method(row[$0]) }
        let name = row[nameIndex]
        var entry = LocustEntryStats(
          method: method, name: name, isAggregate: method == nil && LocustCell.isTotalName(name),
          requests: LocustCell.integer(row[requestsIndex]) ?? 0, failures: LocustCell.integer(row[failsIndex]) ?? 0)
        entry.averageMilliseconds = average.flatMap { LocustCell.number(row[$0]) }
        entry.minMilliseconds = minimum.flatMap { LocustCell.number(row[$0]) }
        entry.maxMilliseconds = maximum.flatMap { LocustCell.number(row[$0]) }
        entry.medianMilliseconds = median.flatMap { LocustCell.number(row[$0]) }
        entry.requestsPerSecond = rps.flatMap { LocustCell.number(row[$0]) }
        entry.failuresPerSecond = fps.flatMap { LocustCell.number(row[$0]) }
        entry.percentiles = percentileRows[legacyKey(method: methodIndex.map { row[$0] }, name: name)] ?? [:]
        if entry.medianMilliseconds == nil { entry.medianMilliseconds = entry.percentiles[50] }
        if entry.isAggregate { report.aggregate = entry } else { report.entries.append(entry) }
      }
    }
    report.failures = LocustFailuresCSVReader.sorted(report.failures)
    report.history = legacyHistory(script)
    return report
  }

  /// `"key": [ … ]` arrays of `var stats_history = {…}` (each array literal is JSON).
  static func legacyHistory(_ script: String) -> [LoadTimelinePoint] {
    let bytes = Array(script.utf8)
    func array(_ key: String) -> [JSONValue] {
      guard let range = bytes.firstRange(of: Array("\"\(key)\":".utf8)) else { return [] }
      var start = range.upperBound
      while start < bytes.count && bytes[start] != UInt8(ascii: "[") { start += 1 }
      var depth = 0
      var end = start
      var inString = false
      while end < bytes.count {
        let byte = bytes[end]
        if inString {
          if byte == UInt8(ascii: "\\") { end += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
        } else if byte == UInt8(ascii: "\"") {
          inString = true
        } else if byte == UInt8(ascii: "[") {
          depth += 1
        } else if byte == UInt8(ascii: "]") {
          depth -= 1
          if depth == 0 { break }
        }
        end += 1
      }
      guard end < bytes.count, let value = try? TolerantJSONParser().parse(Array(bytes[start...end])) else { return [] }
      return value.arrayValue ?? []
    }
    func values(_ key: String) -> [Double?] {
      array(key).map { element in
        if let object = element.objectValue { return number(object["value"]) }
        return number(element)
      }
    }
    let times = array("time").compactMap(string).map(LocustTime.secondsOfDay)
    let users = values("user_count")
    let rps = values("current_rps")
    let fps = values("current_fail_per_sec")
    let p50 = values("response_time_percentile_50").isEmpty ? values("response_time_percentile_1") : values("response_time_percentile_50")
    let p95 = values("response_time_percentile_95").isEmpty ? values("response_time_percentile_2") : values("response_time_percentile_95")
    var points: [LoadTimelinePoint] = []
    var dayOffset = 0.0
    var previous: Double?
    for (index, time) in times.enumerated() {
      guard let time else { continue }
      if let previous, time + dayOffset < previous { dayOffset += 86_400 }  // HH:MM:SS wrapped past midnight
      let timestamp = time + dayOffset
      previous = timestamp
      func at(_ list: [Double?]) -> Double? { index < list.count ? list[index] : nil }
      points.append(
        LoadTimelinePoint(
          timestamp: timestamp, users: at(users).map { Int($0) }, requestsPerSecond: at(rps), failuresPerSecond: at(fps),
          p50Milliseconds: at(p50), p95Milliseconds: at(p95)))
    }
    return points
  }

  static func legacyKey(method: String?, name: String) -> String { "\(LocustCell.method(method) ?? "")\u{1F}\(name)" }

  static func entryKey(_ object: JSONObject) -> String {
    legacyKey(method: string(object["method"]), name: string(object["name"]) ?? "")
  }

  static func string(_ value: JSONValue?) -> String? {
    if case .string(let text) = value ?? .null { return text }
    return nil
  }

  static func number(_ value: JSONValue?) -> Double? {
    switch value ?? .null {
    case .number(let number): number
    case .string(let text): LocustCell.number(text)
    default: nil
    }
  }
}

/// Locust's time stamps without Foundation date parsing: ISO `YYYY-MM-DDTHH:MM:SSZ` (UTC) and
/// the legacy report's `HH:MM:SS`.
enum LocustTime {
  /// Unix seconds of `2026-11-23T17:09:03Z` (also accepts a space or fractional seconds).
  static func unixSeconds(_ text: String) -> Double? {
    let digits = text.unicodeScalars.map { $0 }
    guard digits.count >= 19 else { return nil }
    func number(_ range: Range<Int>) -> Int? { Int(String(String.UnicodeScalarView(digits[range]))) }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
      let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month)
    else { return nil }
    // Days from civil (H. Hinnant), proleptic Gregorian.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Double(days * 86_400 + hour * 3600 + minute * 60 + second)
  }

  /// Seconds since midnight of `HH:MM:SS`.
  static func secondsOfDay(_ text: String) -> Double? {
    let parts = text.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return Double(parts[0] * 3600 + parts[1] * 60 + parts[2])
  }
}
