import BenchModel
import Foundation

/// Turns one `LocustRunSet` into runs: the whole run (or one run per step of a step-load
/// history) and, for a test with a handful of request names (one per model of a gateway), the
/// same per name. Reads each file once and takes every number from the most precise source:
///
/// - totals and percentiles: `--json` (exact histograms) > `--html` (final, no lag) >
///   `_stats.csv` (written every second, so up to 1 s short) > the history's last row;
/// - load over time and the user count: `_stats_history.csv` > the HTML report's 5 s history;
/// - failures: `_failures.csv` > the HTML report's table.
///
/// Files that were not needed for a number are still listed in the run's `inputFiles`, and
/// disagreements between sources are noted, never added up.
struct LocustRunAssembler {
  let set: LocustRunSet

  /// A request-name breakdown is made for 2…`maximumTasks` names; more names (a web-site
  /// crawl) would only bury the report in one sweep per URL.
  static let maximumTasks = 6

  struct Output {
    var runs: [Run] = []
    var skipped: [SkippedInput] = []
  }

  func assemble() -> Output {
    var output = Output()
    var notes: [String] = []
    var used: [LocustRunSet.File] = []
    func skip(_ file: LocustRunSet.File, _ kind: SkippedInput.Kind, _ reason: String) {
      output.skipped.append(SkippedInput(location: SourceLocation(path: file.display), kind: kind, reason: reason))
    }

    // Read every file once.
    var jsonTotals: (entries: [LocustEntryStats], aggregate: LocustEntryStats?)?
    if let file = set.json {
      do {
        let value = try TolerantJSONParser().parse(try Self.bytes(file.path))
        let read = try LocustJSONReader.read(value, path: file.display)
        if read.aggregate == nil {
          skip(file, .notAResult, "Locust --json output with no entries (no request completed)")
        } else {
          jsonTotals = read
          used.append(file)
        }
      } catch let error as LocustReadError {
        skip(file, .unreadable, "Locust --json output: \(error)")
      } catch {
        skip(file, .unreadable, "Locust --json output: \(error)")
      }
    }
    var html: LocustHTMLReport?
    if let file = set.html {
      do {
        html = try LocustHTMLReport.read(try Self.bytes(file.path), path: file.display)
        used.append(file)
      } catch let error as LocustReadError {
        skip(file, .unreadable, "Locust HTML report: \(error)")
      } catch {
        skip(file, .unreadable, "Locust HTML report: \(error)")
      }
    }
    var csvStats: [LocustEntryStats]?
    var csvKind: LocustCSVKind?
    if let file = set.stats ?? set.requests {
      do {
        var reader = try CSVRecordReader(path: file.path)
        var read = try LocustStatsCSVReader.read(&reader, path: file.display)
        if case .csv(let kind) = file.kind { csvKind = kind }
        if let distribution = set.distribution {
          var distributionReader = try CSVRecordReader(path: distribution.path)
          read.notes += try LocustStatsCSVReader.mergeDistribution(&distributionReader, path: distribution.display, into: &read.entries)
          used.append(distribution)
        }
        if reader.encoding != .utf8 {
          notes.append("\(Self.name(file.display)) is not UTF-8; decoded as \(reader.encoding.rawValue) (written by Locust on a Chinese Windows locale)")
        }
        notes += read.notes
        csvStats = read.entries
        used.append(file)
      } catch {
        skip(file, .unreadable, "\(Self.kindName(file)): \(error)")
      }
    } else if let file = set.distribution {
      skip(file, .notAResult, "Locust 0.x _distribution.csv without its _requests.csv: percentiles without request counts")
    }
    var history: LocustHistory?
    if let file = set.history {
      do {
        var reader = try CSVRecordReader(path: file.path)
        history = try LocustHistory.read(&reader, path: file.display)
        notes += history!.notes
        used.append(file)
      } catch {
        skip(file, .unreadable, "\(Self.kindName(file)): \(error)")
      }
    }
    var failures: [FailureRecord]?
    if let file = set.failures {
      do {
        var reader = try CSVRecordReader(path: file.path)
        failures = try LocustFailuresCSVReader.failures(&reader, path: file.display)
        used.append(file)
      } catch {
        skip(file, .unreadable, "\(Self.kindName(file)): \(error)")
      }
    }
    var exceptions: [ExceptionRecord]?
    if let file = set.exceptions {
      do {
        var reader = try CSVRecordReader(path: file.path)
        exceptions = try LocustFailuresCSVReader.exceptions(&reader, path: file.display)
        used.append(file)
      } catch {
        skip(file, .unreadable, "\(Self.kindName(file)): \(error)")
      }
    }

    // Totals: the most precise source.
    var totalsSource: String
    var entries: [LocustEntryStats]
    var aggregate: LocustEntryStats?
    var origin = LatencySummary.Origin.reported
    if let jsonTotals, let file = set.json {
      entries = jsonTotals.entries
      aggregate = jsonTotals.aggregate
      totalsSource = Self.name(file.display)
      origin = .recomputed
      notes.append("totals and percentiles recomputed from the response-time histograms in \(totalsSource) (exact, as Locust computes them)")
    } else if let report = html, let file = set.html, report.aggregate != nil {
      entries = report.entries
      aggregate = report.aggregate
      totalsSource = Self.name(file.display)
      notes.append("totals from the HTML report \(totalsSource) (final numbers; its percentiles are 50/60/70/80/90/95/99/100 %)")
    } else if let csvStats, let file = set.stats ?? set.requests {
      entries = csvStats.filter { !$0.isAggregate }
      aggregate = csvStats.last { $0.isAggregate }
      totalsSource = Self.name(file.display)
      if aggregate == nil, !entries.isEmpty { aggregate = Self.sum(entries) }
    } else if let history, let last = LocustPlateauFinder.clean(history.aggregate).rows.last, let total = last.totalRequests, let file = set.history {
      entries = []
      var entry = LocustEntryStats(method: nil, name: "Aggregated", isAggregate: true, requests: total, failures: last.totalFailures ?? 0)
      entry.averageMilliseconds = last.totalAverage
      entry.medianMilliseconds = last.totalMedian
      if LocustPlateauFinder.percentilesAreWindowed(history.aggregate, percentiles: history.percentiles) == false {
        for (index, p) in history.percentiles.enumerated() { if let value = last.percentiles[index] { entry.percentiles[p] = value } }
      }
      aggregate = entry
      totalsSource = Self.name(file.display)
      notes.append("no _stats.csv, JSON or HTML for this run: totals from the last row of \(totalsSource)")
    } else {
      for file in set.files where !output.skipped.contains(where: { $0.location.path == file.display }) {
        skip(file, .notAResult, "\(Self.kindName(file)) without the run's statistics (no _stats.csv, --json or --html with the prefix \(Self.name(set.prefix)))")
      }
      return output
    }
    guard let aggregate else {
      for file in set.files where !output.skipped.contains(where: { $0.location.path == file.display }) {
        skip(file, .notAResult, "Locust run \(Self.name(set.prefix)) has statistics files without a single row")
      }
      return output
    }
    if aggregate.requests == 0 {
      for file in set.files where !output.skipped.contains(where: { $0.location.path == file.display }) {
        skip(file, .notAResult, "Locust run \(Self.name(set.prefix)) completed no request (Request Count 0)")
      }
      return output
    }
    crossCheck(aggregate, jsonTotals: jsonTotals?.aggregate, html: html?.aggregate, csv: csvStats?.last { $0.isAggregate }, notes: &notes)

    // Time series and user count.
    var timeline: LoadTimeline?
    var rows: [LocustHistory.Row] = []
    var plateaus: [LocustPlateauFinder.Plateau] = []
    var windowed: Bool?
    if let history, let file = set.history, !history.aggregate.isEmpty {
      let cleaned = LocustPlateauFinder.clean(history.aggregate)
      rows = cleaned.rows
      if cleaned.duplicates > 0 { notes.append("\(Self.name(file.display)): \(cleaned.duplicates) repeated second(s) merged (the last row of a second wins)") }
      if cleaned.idleTail > 0 {
        notes.append("\(Self.name(file.display)): \(cleaned.idleTail) idle row(s) after the last completed request ignored (frozen counters, stale Requests/s)")
      }
      windowed = LocustPlateauFinder.percentilesAreWindowed(rows, percentiles: history.percentiles)
      plateaus = LocustPlateauFinder.plateaus(in: rows)
      let p50 = history.percentiles.firstIndex(of: 50)
      let p95 = history.percentiles.firstIndex(of: 95)
      timeline = LoadTimeline(
        id: set.prefix, source: file.display,
        points: rows.map { row in
          LoadTimelinePoint(
            timestamp: row.timestamp, users: row.users, requestsPerSecond: row.requestsPerSecond, failuresPerSecond: row.failuresPerSecond,
            p50Milliseconds: p50.flatMap { row.percentiles[$0] }.flatMap { $0 > 0 ? $0 : nil },
            p95Milliseconds: p95.flatMap { row.percentiles[$0] }.flatMap { $0 > 0 ? $0 : nil },
            totalRequests: row.totalRequests, totalFailures: row.totalFailures)
        }, percentilesAreWindowed: windowed)
    } else if let report = html, let file = set.html, !report.history.isEmpty {
      timeline = LoadTimeline(id: set.prefix, source: file.display, points: report.history, percentilesAreWindowed: true)
      let users = report.history.compactMap(\.users).filter { $0 > 0 }
      if let most = Self.mode(users) {
        plateaus = [LocustPlateauFinder.Plateau(users: most, first: 0, last: 0, baseline: 0)]
      }
    }

    let distinctUsers = Set(plateaus.map(\.users))
    let isStepLoad = distinctUsers.count > 1 && !rows.isEmpty
    // The modern HTML report holds the final failure counts; `_failures.csv` is rewritten every
    // second and can miss the last one.
    let htmlIsFinal = html?.style == "modern"
    let failureList = LocustFailuresCSVReader.capped((htmlIsFinal ? html?.failures : nil) ?? failures ?? html?.failures ?? [])
    let exceptionList = LocustFailuresCSVReader.capped((htmlIsFinal ? html?.exceptions : nil) ?? exceptions ?? html?.exceptions ?? [])
    if let failures, htmlIsFinal, let html {
      let csvCount = failures.reduce(0) { $0 + $1.occurrences }
      let htmlCount = html.failures.reduce(0) { $0 + $1.occurrences }
      if csvCount != htmlCount {
        notes.append("failures from the HTML report (\(htmlCount)); _failures.csv has \(csvCount) (written every second, misses the last)")
      }
    } else if failures == nil, html?.failures.isEmpty == false {
      notes.append("failures from the HTML report (no _failures.csv)")
    }
    let files = Self.ordered(used.map(\.display), primary: totalsSource, folder: set.folder)
    let schema = Self.schema(csvKind: csvKind, history: history, json: jsonTotals != nil, html: html)

    // Which names get their own sweep.
    let named = entries.filter { $0.requests > 0 }
    let taskNames = Self.taskNames(named)
    let breakdown = (2...Self.maximumTasks).contains(named.count)

    func baseRun(task: String?) -> Run {
      var run = Run(source: SourceLocation(path: files[0]), format: SourceFormat(tool: .locust, schema: schema))
      run.backend = "locust"
      run.task = task
      run.inputFiles = files
      run.timeline = timeline
      run.failureRecords = task == nil ? failureList : failureList.filter { taskNames[Self.key($0.method, $0.name)] == task || ($0.name == task) }
      run.exceptionRecords = task == nil ? exceptionList : []
      run.notes = notes
      return run
    }

    if isStepLoad {
      guard var timeline else { return output }
      timeline.stepStarts = plateaus.map { rows[$0.first].timestamp - rows[0].timestamp }
      var stepRuns: [Run] = []
      // Indexed once, searched per step (a day-long history has ~86 400 rows per series).
      let rowsIndex = LocustHistory.TimeIndex(rows)
      var entryIndexes: [String: LocustHistory.TimeIndex] = [:]
      for (index, plateau) in plateaus.enumerated() {
        var run = baseRun(task: nil)
        run.timeline = timeline
        fillStep(&run, series: rowsIndex, plateau: plateau, rows: rows, percentiles: history?.percentiles ?? [], windowed: windowed, step: index + 1, of: plateaus.count)
        stepRuns.append(run)
        if breakdown, let history, history.entriesKept {
          for entry in named {
            guard let series = history.entries[entry.displayName] else { continue }
            if entryIndexes[entry.displayName] == nil { entryIndexes[entry.displayName] = LocustHistory.TimeIndex(series) }
            var taskRun = baseRun(task: taskNames[Self.key(entry.method, entry.name)])
            taskRun.timeline = timeline
            fillStep(&taskRun, series: entryIndexes[entry.displayName]!, plateau: plateau, rows: rows, percentiles: history.percentiles, windowed: windowed, step: index + 1, of: plateaus.count)
            stepRuns.append(taskRun)
          }
        }
      }
      if breakdown, history?.entriesKept != true || history?.hasEntryRows != true {
        notes.append("per-name steps need a --csv-full-history history; only the aggregate is split into steps")
        for index in stepRuns.indices { stepRuns[index].notes = notes + stepRuns[index].notes.filter { !notes.contains($0) } }
      }
      output.runs = stepRuns
      return output
    }

    // A fixed run: one level, users from the history's plateau, else the file name.
    var users: Int?
    var usersNote: String?
    if let plateau = plateaus.max(by: { rows.isEmpty ? false : (rows[$0.last].timestamp - rows[$0.first].timestamp) < (rows[$1.last].timestamp - rows[$1.first].timestamp) }) {
      users = plateau.users
      if !rows.isEmpty, plateau.first > 0, let firstLoad = rows.firstIndex(where: { ($0.users ?? 0) > 0 }), firstLoad < plateau.first {
        let ramp = rows[plateau.first].timestamp - rows[firstLoad].timestamp
        usersNote = "\(plateau.users) users (User Count of the history after a \(Self.seconds(ramp)) ramp; the totals include the ramp)"
      } else {
        usersNote = "\(plateau.users) users (User Count of the history)"
      }
    } else if let most = history?.aggregate.compactMap(\.users).max(), most > 0 {
      // Raw rows: the final write of Locust 1.0/1.1 repeats the last second with User Count 0.
      users = most
      usersNote = "\(most) users: the highest User Count of a history too short for a \(Int(LocustPlateauFinder.minimumPlateauSeconds)) s plateau"
    } else if let hinted = FileNameHints.users(in: Self.name(set.prefix)) ?? FileNameHints.users(in: Self.name(set.folder)) {
      users = hinted
      usersNote = "\(hinted) users taken from the file name (the history records no User Count)"
    }
    let duration = Self.duration(aggregate, rows: rows)
    var findings: [Finding] = []
    if LocustPlateauFinder.isUnsegmentedStaircase(rows, plateaus: plateaus) {
      findings.append(
        Finding(
          code: .stepLoadUnsegmented, severity: .warning,
          evidence: [
            .text("file", Self.name(set.prefix)), .number("minimum", LocustPlateauFinder.minimumPlateauSeconds, .seconds),
          ]))
      usersNote = "a step-load run (the user count climbs in steps shorter than \(Int(LocustPlateauFinder.minimumPlateauSeconds)) s): shown as one run at its highest user count, never pooled with fixed-user runs"
    }

    var run = baseRun(task: nil)
    run.findings = findings
    fillTotals(&run, aggregate, duration: duration, origin: origin)
    run.users = users
    if let usersNote { run.notes.insert(usersNote, at: 0) }
    output.runs.append(run)
    if breakdown {
      for entry in named {
        var taskRun = baseRun(task: taskNames[Self.key(entry.method, entry.name)])
        taskRun.findings = findings
        fillTotals(&taskRun, entry, duration: entry.durationSeconds ?? duration, origin: origin)
        taskRun.users = users
        if let usersNote { taskRun.notes.insert(usersNote, at: 0) }
        taskRun.notes.append("one of \(named.count) request names of this run; users are shared by all names")
        output.runs.append(taskRun)
      }
    }
    return output
  }

  // MARK: Filling runs

  /// Whole-run totals: counts, Locust's rates, response-time summary (failed requests included).
  func fillTotals(_ run: inout Run, _ entry: LocustEntryStats, duration: Double?, origin: LatencySummary.Origin) {
    run.completed = entry.requests - entry.failures
    run.failed = entry.failures
    run.numPrompts = entry.requests
    run.duration = duration
    let totalRate = entry.requestsPerSecond ?? duration.flatMap { $0 > 0 ? Double(entry.requests) / $0 : nil }
    run.totalRequestThroughput = totalRate
    if let totalRate, entry.requests > 0 {
      run.requestThroughput = totalRate * Double(entry.requests - entry.failures) / Double(entry.requests)
    }
    var summary = LatencySummary(mean: entry.averageMilliseconds, median: entry.medianMilliseconds, percentiles: entry.percentiles, origin: origin)
    if summary.percentiles[50] == nil, let median = entry.medianMilliseconds { summary.percentiles[50] = median }
    if !summary.isEmpty { run.latency[.e2el] = summary }
    if !entry.responseTimeHistogram.isEmpty { run.responseTimeHistogram = entry.responseTimeHistogram }
  }

  /// One step of a step-load history: counts as differences of the cumulative counters between
  /// the step's baseline row and its last row; the exact mean from the cumulative averages; the
  /// percentiles from Locust's sliding window at the step's last second.
  func fillStep(
    _ run: inout Run, series: LocustHistory.TimeIndex, plateau: LocustPlateauFinder.Plateau, rows: [LocustHistory.Row], percentiles: [Double],
    windowed: Bool?, step: Int, of steps: Int
  ) {
    let start = rows[plateau.baseline].timestamp
    let end = rows[plateau.last].timestamp
    let origin = rows[0].timestamp
    func row(atOrBefore time: Double) -> LocustHistory.Row? { series.lastRow(atOrBefore: time) }
    let startRow = row(atOrBefore: start)
    let endRow = row(atOrBefore: end)
    let n0 = startRow?.totalRequests ?? 0
    let n1 = endRow?.totalRequests ?? 0
    let f0 = startRow?.totalFailures ?? 0
    let f1 = endRow?.totalFailures ?? 0
    let duration = end - start
    run.users = plateau.users
    run.plateau = (rows[plateau.first].timestamp - origin)...(end - origin)
    run.duration = duration
    // Cumulative counters that go down mean Locust was restarted or its stats were reset
    // within the step: the difference is no count (it read as 0 req/s, with no word of why).
    if n1 < n0 || f1 < f0 {
      run.notes.append(
        "step \(step) of \(steps): the cumulative Total \(n1 < n0 ? "Request Count went down from \(n0) to \(n1)" : "Failure Count went down from \(f0) to \(f1)") "
          + "within the step (Locust restarted or its statistics reset); its counts and throughput are unknown")
    }
    let countersValid = n1 >= n0 && f1 >= f0
    let requests = max(0, n1 - n0)
    let failures = min(requests, max(0, f1 - f0))
    if countersValid {
      run.numPrompts = requests
      run.completed = requests - failures
      run.failed = failures
    }
    if duration > 0, countersValid {
      run.totalRequestThroughput = Double(requests) / duration
      run.requestThroughput = Double(requests - failures) / duration
    }
    var summary = LatencySummary(origin: .recomputed)
    if countersValid, requests > 0, let a1 = endRow?.totalAverage {
      let a0 = startRow?.totalAverage ?? 0
      summary.mean = (a1 * Double(n1) - a0 * Double(n0)) / Double(requests)
    }
    var percentileNote: String
    if windowed == true, end - rows[plateau.first].timestamp >= LocustPlateauFinder.windowSeconds, let endRow {
      for (index, p) in percentiles.enumerated() {
        if let value = endRow.percentiles[index], value > 0 { summary.percentiles[p] = value }
      }
      summary.median = summary.percentiles[50]
      summary.origin = .reported
      percentileNote = "percentiles are Locust's ~10 s sliding-window percentiles at the step's last second, i.e. of its final ~10 s, not of the whole step"
    } else if windowed == true {
      percentileNote = "percentiles not available: the step is shorter than Locust's 10 s percentile window"
    } else {
      percentileNote = "percentiles not available per step: this history's percentile columns are cumulative since the start (run without --csv-full-history, or Locust 1.2–2.2.1)"
    }
    if !summary.isEmpty { run.latency[.e2el] = summary }
    let skipped = rows[plateau.baseline].timestamp - rows[plateau.first].timestamp
    run.notes.insert(
      "step \(step) of \(steps) of a step-load run: \(plateau.users) users from \(Self.seconds(rows[plateau.first].timestamp - origin)) to \(Self.seconds(end - origin)); "
        + "counts are differences of the cumulative Total Request/Failure Count between \(Self.seconds(start - origin)) and \(Self.seconds(end - origin)) "
        + "(the ramp before the step\(skipped > 0 ? " and its first \(Self.seconds(skipped))" : "") excluded), the mean response time is exact from the cumulative averages; \(percentileNote)",
      at: 0)
    if duration < LocustPlateauFinder.shortStepSeconds {
      run.notes.insert(
        "a short step: only \(Self.seconds(duration)) at \(plateau.users) users after the ramp, so its rates and latencies rest on few seconds of load", at: 1)
    }
  }

  /// Warns when the sources disagree on the request count (the CSV lags the final numbers).
  func crossCheck(_ chosen: LocustEntryStats?, jsonTotals: LocustEntryStats?, html: LocustEntryStats?, csv: LocustEntryStats?, notes: inout [String]) {
    guard let chosen else { return }
    var others: [String] = []
    if let html, html.requests != chosen.requests, jsonTotals != nil { others.append("HTML report \(html.requests)") }
    if let csv, csv.requests != chosen.requests, jsonTotals != nil || html != nil { others.append("_stats.csv \(csv.requests)") }
    if !others.isEmpty {
      notes.append(
        "request counts differ between sources: used \(chosen.requests), \(others.joined(separator: ", ")) (_stats.csv is written every second and misses the last second)")
    }
  }

  // MARK: Helpers

  /// Task names: the request name alone when it is unique, else `METHOD name`.
  static func taskNames(_ entries: [LocustEntryStats]) -> [String: String] {
    var counts: [String: Int] = [:]
    for entry in entries { counts[entry.name, default: 0] += 1 }
    var names: [String: String] = [:]
    for entry in entries { names[key(entry.method, entry.name)] = counts[entry.name]! > 1 ? entry.displayName : entry.name }
    return names
  }

  static func key(_ method: String?, _ name: String) -> String { "\(method ?? "")\u{1F}\(name)" }

  /// The run's length: JSON's last request − start, else Request Count ÷ Requests/s, else the
  /// history's span.
  static func duration(_ entry: LocustEntryStats, rows: [LocustHistory.Row]) -> Double? {
    if let duration = entry.durationSeconds { return duration }
    if let rate = entry.requestsPerSecond, rate > 0 { return Double(entry.requests) / rate }
    if let first = rows.first, let last = rows.last, last.timestamp > first.timestamp { return last.timestamp - first.timestamp }
    return nil
  }

  static func sum(_ entries: [LocustEntryStats]) -> LocustEntryStats {
    var total = LocustEntryStats(
      method: nil, name: "Aggregated", isAggregate: true, requests: entries.reduce(0) { $0 + $1.requests },
      failures: entries.reduce(0) { $0 + $1.failures })
    let rates = entries.compactMap(\.requestsPerSecond)
    if rates.count == entries.count { total.requestsPerSecond = rates.reduce(0, +) }
    return total
  }

  static func mode(_ values: [Int]) -> Int? {
    var counts: [Int: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
  }

  /// The primary source first, then the rest in name order.
  static func ordered(_ files: [String], primary: String, folder: String) -> [String] {
    let first = files.first { name($0) == primary }
    return (first.map { [$0] } ?? []) + files.filter { $0 != first }.sorted()
  }

  static func schema(csvKind: LocustCSVKind?, history: LocustHistory?, json: Bool, html: LocustHTMLReport?) -> String {
    var parts: [String] = []
    switch csvKind {
    case .stats(let generation)?: parts.append("csv-\(generation)")
    case .requests?: parts.append("csv-A")
    default: if let history { parts.append("csv-\(history.generation)") }
    }
    if json { parts.append("json") }
    if let html { parts.append("html-\(html.style)") }
    return parts.joined(separator: "+")
  }

  static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

  static func kindName(_ file: LocustRunSet.File) -> String {
    switch file.kind {
    case .csv(let kind): kind.displayName
    case .json: "Locust --json output"
    case .html: "Locust HTML report"
    }
  }

  static func seconds(_ value: Double) -> String {
    value.rounded() == value ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }

  static func bytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw LocustReadError.unreadable(path, "cannot be read") }
    return [UInt8](data)
  }
}
