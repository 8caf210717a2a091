import BenchModel
import Foundation

/// Joins the GPU and server samples measured beside a sweep to each load level's time window
/// (`formats/gpu-and-server-metrics.md` §7).
///
/// A run's window: vLLM stamps `date` (local time, no zone) when the run ends, so its window is
/// [`date` − `duration`, `date`]; a Locust run's is its step's plateau in the history, else the
/// history's first to last second (Unix time). Times without a zone (the vLLM `date`,
/// nvidia-smi's timestamps) are read in `timeZone`; two such times are compared as they are.
/// Each series is searched once per window (binary search for the start, then a walk to the
/// end), so the join is linear in the samples inside the windows.
public enum ResourceJoin {
  public struct Output: Sendable, Equatable {
    public var gpu: [LoadLevel: GPUWindowMetrics] = [:]
    public var server: [LoadLevel: ServerWindowMetrics] = [:]
    /// What the report says about the join: the zone used, series that overlap no run.
    public var notes: [String] = []
  }

  public static func join(_ sweep: Sweep, levels: [LevelMetrics], metrics: MetricsTimeline, timeZone: TimeZone) -> Output {
    var output = Output()
    guard !metrics.isEmpty else { return output }
    let windows = sweep.levels.map { level in (level.level, level.runs.compactMap(window(of:))) }
    let runWindows = windows.flatMap(\.1)
    guard !runWindows.isEmpty else {
      output.notes.append(
        "GPU or server metrics were found, but no run of this sweep records when it ran (vLLM `date`, a Locust history): they are not joined")
      return output
    }
    var overlapped = Set<String>()
    for (level, levelWindows) in windows where !levelWindows.isEmpty {
      let metricsOfLevel = levels.first { $0.level == level }
      if let gpu = gpuMetrics(metrics.gpus, windows: levelWindows, zone: timeZone, overlapped: &overlapped) {
        var gpu = gpu
        if let power = gpu.powerMeanW, power > 0, let output = metricsOfLevel?.outputThroughput, output > 0 {
          gpu.energyPerOutputTokenJ = power / output
          gpu.outputTokensPerWatt = output / power
        }
        output.gpu[level] = gpu
      }
      if let server = serverMetrics(metrics.servers, windows: levelWindows, zone: timeZone, overlapped: &overlapped) {
        output.server[level] = server
      }
    }
    let usesLocalTime = runWindows.contains { $0.clock == .local } || metrics.gpus.contains { $0.clock == .local }
      || metrics.servers.contains { $0.clock == .local }
    let usesEpoch = runWindows.contains { $0.clock == .epoch } || metrics.gpus.contains { $0.clock == .epoch }
      || metrics.servers.contains { $0.clock == .epoch }
    if usesLocalTime && usesEpoch {
      output.notes.append(
        "times without a zone (vLLM `date`, nvidia-smi timestamps) read as \(describe(timeZone)); set --timezone (or `timezone:` in benchreport.yaml) if the hosts ran in another zone")
    }
    let span = runWindows.reduce((Double.infinity, -Double.infinity)) { (min($0.0, $1.start), max($0.1, $1.end)) }
    let runClock = runWindows[0].clock
    func missed(_ source: String, times: [Double], clock: WallClock) -> String? {
      guard !overlapped.contains(source), let first = times.first, let last = times.last else { return nil }
      return
        "\(source): its samples (\(format(first, clock))–\(format(last, clock))) overlap no run of this sweep (\(format(span.0, runClock))–\(format(span.1, runClock))): another test, or clocks or time zones that differ (--timezone)"
    }
    var reported = Set<String>()
    for series in metrics.gpus where reported.insert(series.source).inserted {
      let times = metrics.gpus.filter { $0.source == series.source }.flatMap { [$0.times.first, $0.times.last].compactMap { $0 } }.sorted()
      if let note = missed(series.source, times: times, clock: series.clock) { output.notes.append(note) }
    }
    for series in metrics.servers {
      if let note = missed(series.key, times: series.times, clock: series.clock) { output.notes.append(note) }
    }
    output.notes += metrics.notes
    return output
  }

  /// When a run ran, from what its file recorded; nil when it does not say.
  public static func window(of run: Run) -> RunWindow? {
    if let timeline = run.timeline, let first = timeline.points.first?.timestamp, let last = timeline.points.last?.timestamp {
      if let plateau = run.plateau { return RunWindow(start: first + plateau.lowerBound, end: first + plateau.upperBound, clock: .epoch) }
      return RunWindow(start: first, end: last, clock: .epoch)
    }
    guard let date = run.date, let end = localTime(vllmDate: date), let duration = run.duration, duration > 0 else { return nil }
    return RunWindow(start: end - duration, end: end, clock: .local)
  }

  /// vLLM's `YYYYMMDD-HHMMSS` as seconds of a local clock stored as if it were UTC.
  static func localTime(vllmDate text: String) -> Double? {
    let digits = text.filter(\.isNumber)
    guard digits.count == 14, let value = Int(digits) else { return nil }
    let date = value / 1_000_000
    let time = value % 1_000_000
    let (year, month, day) = (date / 10000, date / 100 % 100, date % 100)
    let (hour, minute, second) = (time / 10000, time / 100 % 100, time % 100)
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
    return Double(daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second)
  }

  /// `window` on the clock of a series: a local window becomes Unix time in `zone` (and the
  /// other way round); two local clocks are compared as they are.
  static func convert(_ window: RunWindow, to clock: WallClock, zone: TimeZone) -> (start: Double, end: Double) {
    switch (window.clock, clock) {
    case (.local, .epoch): return (epoch(local: window.start, zone: zone), epoch(local: window.end, zone: zone))
    case (.epoch, .local): return (local(epoch: window.start, zone: zone), local(epoch: window.end, zone: zone))
    default: return (window.start, window.end)
    }
  }

  static func epoch(local: Double, zone: TimeZone) -> Double {
    let guess = local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
    return local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
  }

  static func local(epoch: Double, zone: TimeZone) -> Double {
    epoch + Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: epoch)))
  }

  /// Indices of `times` (ascending) inside [start, end].
  static func indices(of times: [Double], from start: Double, to end: Double) -> Range<Int> {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] < start { low = middle + 1 } else { high = middle }
    }
    var upper = low
    while upper < times.count, times[upper] <= end { upper += 1 }
    return low..<upper
  }

  static func gpuMetrics(_ series: [GPUSeries], windows: [RunWindow], zone: TimeZone, overlapped: inout Set<String>) -> GPUWindowMetrics? {
    var perGPU: [GPUWindowMetrics.GPU] = []
    var utilizations: [Double] = []
    for gpu in series {
      var utilizationSum = 0.0
      var utilizationCount = 0
      var memoryUsed = -Double.infinity
      var memoryTotal = -Double.infinity
      var powerSum = 0.0
      var powerCount = 0
      var samples = 0
      for window in windows {
        let (start, end) = convert(window, to: gpu.clock, zone: zone)
        for index in indices(of: gpu.times, from: start, to: end) {
          samples += 1
          let utilization = gpu.utilizationPercent[index]
          if !utilization.isNaN {
            utilizationSum += utilization
            utilizationCount += 1
            utilizations.append(utilization)
          }
          if !gpu.memoryUsedMiB[index].isNaN { memoryUsed = max(memoryUsed, gpu.memoryUsedMiB[index]) }
          if !gpu.memoryTotalMiB[index].isNaN { memoryTotal = max(memoryTotal, gpu.memoryTotalMiB[index]) }
          if !gpu.powerWatts[index].isNaN {
            powerSum += gpu.powerWatts[index]
            powerCount += 1
          }
        }
      }
      guard samples > 0 else { continue }
      overlapped.insert(gpu.source)
      perGPU.append(
        GPUWindowMetrics.GPU(
          id: gpu.id, utilizationMean: utilizationCount > 0 ? utilizationSum / Double(utilizationCount) : nil,
          memoryUsedMiB: memoryUsed.isFinite ? memoryUsed : nil, memoryTotalMiB: memoryTotal.isFinite ? memoryTotal : nil,
          powerMeanW: powerCount > 0 ? powerSum / Double(powerCount) : nil, samples: samples))
    }
    guard !perGPU.isEmpty else { return nil }
    func sum(_ values: [Double?]) -> Double? {
      let present = values.compactMap { $0 }
      return present.isEmpty ? nil : present.reduce(0, +)
    }
    utilizations.sort()
    return GPUWindowMetrics(
      utilizationMean: utilizations.isEmpty ? nil : utilizations.reduce(0, +) / Double(utilizations.count),
      utilizationP95: Percentile.linear(utilizations, 95), memoryUsedMiB: sum(perGPU.map(\.memoryUsedMiB)),
      memoryTotalMiB: sum(perGPU.map(\.memoryTotalMiB)), powerMeanW: sum(perGPU.map(\.powerMeanW)), energyPerOutputTokenJ: nil,
      outputTokensPerWatt: nil, gpus: perGPU, samples: perGPU.reduce(0) { $0 + $1.samples })
  }

  static func serverMetrics(
    _ series: [ServerSeries], windows: [RunWindow], zone: TimeZone, overlapped: inout Set<String>
  ) -> ServerWindowMetrics? {
    var result = ServerWindowMetrics(scrapes: 0)
    var kvSum = 0.0
    var kvCount = 0
    var kvMax = -Double.infinity
    var running: [Double] = []
    var waiting: [Double] = []
    var firstThird: [Double] = []
    var lastThird: [Double] = []
    var preemptions = 0.0
    var preemptionSeconds = 0.0
    var hits = 0.0
    var queries = 0.0
    var runningTotal: Double?
    var waitingTotal: Double?
    for server in series {
      var serverRunning: [Double] = []
      var serverWaiting: [Double] = []
      for window in windows {
        let (start, end) = convert(window, to: server.clock, zone: zone)
        let range = indices(of: server.times, from: start, to: end)
        result.scrapes += range.count
        for index in range {
          let kv = server.kvCacheUsage[index]
          if !kv.isNaN {
            kvSum += kv
            kvCount += 1
            kvMax = max(kvMax, kv)
          }
          if !server.running[index].isNaN { serverRunning.append(server.running[index]) }
          if !server.waiting[index].isNaN {
            serverWaiting.append(server.waiting[index])
            let position = (server.times[index] - start) / max(end - start, 1e-9)
            if position < 1.0 / 3 { firstThird.append(server.waiting[index]) }
            if position > 2.0 / 3 { lastThird.append(server.waiting[index]) }
          }
        }
        // Counters: the scrapes bracketing the window (the last at or before its start, the
        // first at or after its end), else the first and last inside it.
        let before = range.lowerBound < server.times.count && server.times[range.lowerBound] == start ? range.lowerBound : range.lowerBound - 1
        let opening = before >= 0 ? before : (range.isEmpty ? nil : range.lowerBound)
        let closing = range.upperBound < server.times.count ? range.upperBound : (range.isEmpty ? nil : range.upperBound - 1)
        guard let opening, let closing, closing > opening, server.times[closing] > server.times[opening] else { continue }
        if !range.isEmpty || (server.times[opening] <= start && server.times[closing] >= end) { overlapped.insert(server.key) }
        let seconds = server.times[closing] - server.times[opening]
        let preempted = server.preemptions[closing] - server.preemptions[opening]
        if !preempted.isNaN, preempted >= 0 {
          preemptions += preempted
          preemptionSeconds += seconds
        }
        let hit = server.prefixCacheHits[closing] - server.prefixCacheHits[opening]
        let queried = server.prefixCacheQueries[closing] - server.prefixCacheQueries[opening]
        if !hit.isNaN, !queried.isNaN, hit >= 0, queried > 0 {
          hits += hit
          queries += queried
        }
      }
      if !serverRunning.isEmpty || !serverWaiting.isEmpty { overlapped.insert(server.key) }
      if let mean = DescriptiveStatistics.mean(serverRunning) { runningTotal = (runningTotal ?? 0) + mean }
      if let mean = DescriptiveStatistics.mean(serverWaiting) { waitingTotal = (waitingTotal ?? 0) + mean }
      running += serverRunning
      waiting += serverWaiting
    }
    if kvCount > 0 {
      result.kvCacheUsageMean = kvSum / Double(kvCount) * 100
      result.kvCacheUsageMax = kvMax * 100
    }
    result.runningMean = runningTotal
    result.waitingMean = waitingTotal
    result.waitingFirstThird = DescriptiveStatistics.mean(firstThird)
    result.waitingLastThird = DescriptiveStatistics.mean(lastThird)
    if preemptionSeconds > 0 { result.preemptionsPerSecond = preemptions / preemptionSeconds }
    if queries > 0 { result.prefixCacheHitRate = hits / queries * 100 }
    let measured = [
      result.kvCacheUsageMean, result.runningMean, result.waitingMean, result.preemptionsPerSecond, result.prefixCacheHitRate,
    ]
    return measured.contains { $0 != nil } ? result : nil
  }

  static func describe(_ zone: TimeZone) -> String {
    let offset = zone.secondsFromGMT()
    let sign = offset < 0 ? "-" : "+"
    let hours = abs(offset) / 3600
    let minutes = abs(offset) % 3600 / 60
    return "\(zone.identifier) (UTC\(sign)\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes))"
  }

  /// `2025-09-08 09:26:50 UTC` (or `local` for a clock without a zone).
  static func format(_ seconds: Double, _ clock: WallClock) -> String {
    let whole = Int(seconds.rounded(.down))
    let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
    let secondOfDay = whole - days * 86_400
    let (year, month, day) = civilFromDays(days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) \(clock == .epoch ? "UTC" : "local")"
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The inverse of `daysFromCivil` (H. Hinnant's `civil_from_days`).
  static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
