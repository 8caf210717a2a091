import BenchModel
import Foundation

/// Prometheus text-exposition scrapes of a vLLM or SGLang server's `/metrics`
/// (`formats/gpu-and-server-metrics.md` §4–5), one scrape per file or several concatenated.
/// Each scrape's time comes from, in this order:
///
/// 1. a comment line `# scrape_time <t>` (also `# timestamp <t>`, with `:` or `=` allowed) that
///    starts the scrape — `<t>` Unix seconds, or ISO 8601 (`date -Is`); the README's `curl`
///    loop writes exactly this;
/// 2. the samples' own exposition timestamps (milliseconds after the value);
/// 3. a time in the file name (`metrics-1764745610.prom`, `…20261203-072650…`,
///    `…2026-12-03T07:26:50…`), for one scrape per file;
/// 4. the file's modification time (one scrape per file), with a note.
///
/// Read: running and waiting requests and KV-cache usage (gauges), preemptions, prefix-cache
/// hits and queries and generated tokens (counters), under every spelling vLLM has used
/// (`gpu_cache_usage_perc` → `kv_cache_usage_perc`, `gpu_prefix_cache_*` → `prefix_cache_*`,
/// with or without `_total`) and SGLang's names; engines and ranks are summed (KV usage
/// averaged). The scrapes are model data (`MetricsTimeline`), never runs.
struct PrometheusScrapeReader: ResultReader {
  func confidence(for file: SniffedFile) -> ReadConfidence {
    guard let head = file.head else { return .none }
    return Self.isScrape(head) ? .certain : .none
  }

  static func isScrape(_ head: [UInt8]) -> Bool {
    ["# TYPE vllm:", "# TYPE sglang:", "# TYPE sglang_", "# scrape_time"].contains { ByteSearch.contains($0, in: head) }
  }

  func plan(_ files: [SniffedFile]) -> ReadPlan {
    ReadPlan.perFile(files) { Self.read(path: $0.path, display: $0.display) }
  }

  static func read(path: String, display: String) -> IngestResult {
    let started = MonotonicClock.seconds()
    let startedCPU = MonotonicClock.threadCPUSeconds()
    var result = IngestResult(filesExamined: 1)
    guard let mapped = MappedFile(path: path) else {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: display), kind: .unreadable, reason: "metrics scrape cannot be read (permission denied?)"))
      return result
    }
    let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)?.timeIntervalSince1970
    switch parse(mapped.bytes, display: display, modificationTime: modified) {
    case .success(let series, let notes) where !mapped.changedSinceMapped:
      result.metrics.servers = [series]
      result.metrics.notes = notes
    case .success:
      result.skipped.append(InputScanner.changedWhileRead(display))
    case .unusable(let reason):
      result.skipped.append(SkippedInput(location: SourceLocation(path: display), kind: .notAResult, reason: reason))
    }
    result.timings.append(
      FileIngestTiming(
        format: "prometheus", bytes: mapped.bytes.count, seconds: MonotonicClock.seconds() - started,
        cpuSeconds: MonotonicClock.threadCPUSeconds() - startedCPU))
    return result
  }

  enum Parsed {
    case success(ServerSeries, notes: [String])
    case unusable(String)
  }

  /// The quantities read, each with its spellings in order of preference (the newest first).
  enum Quantity: Int, CaseIterable {
    case running, waiting, kvCacheUsage, preemptions, prefixCacheHits, prefixCacheQueries, generationTokens
  }

  /// Metric name (after `vllm:` / `sglang:` / `sglang_`) → quantity and preference.
  static let spellings: [(name: [UInt8], quantity: Quantity, preference: Int)] = {
    let table: [(String, Quantity, Int)] = [
      ("num_requests_running", .running, 0), ("num_running_reqs", .running, 1),
      ("num_requests_waiting", .waiting, 0), ("num_queue_reqs", .waiting, 1),
      ("kv_cache_usage_perc", .kvCacheUsage, 0), ("gpu_cache_usage_perc", .kvCacheUsage, 1), ("token_usage", .kvCacheUsage, 2),
      ("num_preemptions_total", .preemptions, 0), ("num_preemptions", .preemptions, 1),
      ("prefix_cache_hits_total", .prefixCacheHits, 0), ("prefix_cache_hits", .prefixCacheHits, 1),
      ("gpu_prefix_cache_hits_total", .prefixCacheHits, 2), ("gpu_prefix_cache_hits", .prefixCacheHits, 3),
      ("prefix_cache_queries_total", .prefixCacheQueries, 0), ("prefix_cache_queries", .prefixCacheQueries, 1),
      ("gpu_prefix_cache_queries_total", .prefixCacheQueries, 2), ("gpu_prefix_cache_queries", .prefixCacheQueries, 3),
      ("generation_tokens_total", .generationTokens, 0), ("generation_tokens", .generationTokens, 1),
    ]
    return table.map { (Array($0.0.utf8), $0.1, $0.2) }
  }()

  /// Sums of one scrape, per quantity and spelling.
  struct Accumulator {
    var sums = [Double](repeating: 0, count: Quantity.allCases.count * 4)
    var counts = [Int](repeating: 0, count: Quantity.allCases.count * 4)
    var sampleTime: Double?
    var samples = 0

    mutating func add(_ quantity: Quantity, preference: Int, value: Double) {
      sums[quantity.rawValue * 4 + preference] += value
      counts[quantity.rawValue * 4 + preference] += 1
      samples += 1
    }

    /// The preferred spelling's total (the mean for KV usage, one value per engine).
    func value(_ quantity: Quantity) -> Double {
      for preference in 0..<4 where counts[quantity.rawValue * 4 + preference] > 0 {
        let sum = sums[quantity.rawValue * 4 + preference]
        return quantity == .kvCacheUsage ? sum / Double(counts[quantity.rawValue * 4 + preference]) : sum
      }
      return .nan
    }

    func scrape(at time: Double) -> ServerSeries.Scrape {
      var scrape = ServerSeries.Scrape(time: time)
      scrape.running = value(.running)
      scrape.waiting = value(.waiting)
      scrape.kvCacheUsage = value(.kvCacheUsage)
      scrape.preemptions = value(.preemptions)
      scrape.prefixCacheHits = value(.prefixCacheHits)
      scrape.prefixCacheQueries = value(.prefixCacheQueries)
      scrape.generationTokens = value(.generationTokens)
      return scrape
    }
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, display: String, modificationTime: Double?) -> Parsed {
    var scrapes: [(time: (seconds: Double, clock: WallClock)?, values: Accumulator)] = []
    var current = Accumulator()
    var currentTime: (seconds: Double, clock: WallClock)?
    var started = false
    var server = "vllm"
    var firstFamily: [UInt8]?
    var undatedRepeats = false
    func finish() {
      if started { scrapes.append((currentTime, current)) }
      current = Accumulator()
      currentTime = nil
      started = false
    }
    MetricsText.forEachLine(bytes) { line in
      guard let first = line.first else { return true }
      if first == UInt8(ascii: "#") {
        if let time = scrapeTime(comment: line) {
          finish()
          currentTime = time
          started = true
        } else if line.count > 7, line[2] == UInt8(ascii: "T"), line.starts(with: "# TYPE ".utf8) {
          // Without time comments, a repeated first family marks the next (undated) scrape.
          let rest = line[7...]
          let family = Array(rest.prefix { $0 != 0x20 })
          if let firstFamily {
            if family == firstFamily {
              if currentTime == nil { undatedRepeats = true }
              if currentTime == nil { finish() }
            }
          } else {
            firstFamily = family
          }
          started = true
        }
        return true
      }
      guard first == UInt8(ascii: "v") || first == UInt8(ascii: "s") else { return true }
      started = true
      let prefixLength: Int
      if line.starts(with: "vllm:".utf8) {
        prefixLength = 5
      } else if line.starts(with: "sglang:".utf8) || line.starts(with: "sglang_".utf8) {
        prefixLength = 7
        server = "sglang"
      } else {
        return true
      }
      // Cheap filter before the name is compared: histogram buckets (`request_…`, `time_…`,
      // `e2e_…`, `iteration_…`, `inter_…`) are most of a vLLM scrape.
      guard prefixLength < line.count else { return true }
      switch line[prefixLength] {
      case UInt8(ascii: "n"), UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "p"), UInt8(ascii: "t"): break
      default: return true
      }
      var nameEnd = prefixLength
      while nameEnd < line.count, line[nameEnd] != UInt8(ascii: "{"), line[nameEnd] != 0x20 { nameEnd += 1 }
      let name = UnsafeBufferPointer(rebasing: line[prefixLength..<nameEnd])
      guard let spelling = spellings.first(where: { $0.name.count == name.count && $0.name.elementsEqual(name) }) else { return true }
      var valueStart = nameEnd
      if nameEnd < line.count, line[nameEnd] == UInt8(ascii: "{") {
        guard let close = line.lastIndex(of: UInt8(ascii: "}")) else { return true }
        valueStart = close + 1
      }
      let rest = MetricsText.trimmed(UnsafeBufferPointer(rebasing: line[valueStart...]))
      let space = rest.firstIndex(of: 0x20) ?? rest.count
      guard let value = MetricsText.number(UnsafeBufferPointer(rebasing: rest[0..<space])) else { return true }
      if space < rest.count, let milliseconds = MetricsText.number(UnsafeBufferPointer(rebasing: rest[space...])), milliseconds > 1e12 {
        current.sampleTime = max(current.sampleTime ?? 0, milliseconds / 1000)
      }
      current.add(spelling.quantity, preference: spelling.preference, value: value)
      return true
    }
    finish()
    scrapes = scrapes.filter { $0.values.samples > 0 }
    guard !scrapes.isEmpty else { return .unusable("Prometheus scrape without vLLM or SGLang request, KV-cache or token metrics") }
    var notes: [String] = []
    let dated = scrapes.allSatisfy { $0.time != nil || $0.values.sampleTime != nil }
    var series: ServerSeries
    if dated {
      let clock = scrapes.first.flatMap { $0.time?.clock } ?? .epoch
      series = ServerSeries(key: display, source: display, server: server, clock: clock)
      for scrape in scrapes {
        series.append(scrape.values.scrape(at: scrape.time?.seconds ?? scrape.values.sampleTime!))
      }
    } else if scrapes.count > 1 || undatedRepeats {
      return .unusable(
        "\(scrapes.count) Prometheus scrapes without a time: start each with a `# scrape_time <unix seconds>` line (see README, \"GPU and server metrics\")")
    } else {
      let folder = (display as NSString).deletingLastPathComponent
      let key = "\(folder)/*.\(server)-scrapes"
      if let time = timeInFileName(display) {
        series = ServerSeries(key: key, source: display, server: server, clock: time.clock)
        series.append(scrapes[0].values.scrape(at: time.seconds))
      } else if let modificationTime {
        series = ServerSeries(key: key, source: display, server: server, clock: .epoch)
        series.append(scrapes[0].values.scrape(at: modificationTime))
        notes.append("\(display): scrape time taken from the file's modification time (no `# scrape_time` line, no time in its name)")
      } else {
        return .unusable("Prometheus scrape without a time (no `# scrape_time` line, no time in its name)")
      }
    }
    return .success(series, notes: notes)
  }

  /// `# scrape_time 1764745610.123`, `# scrape_time: 2026-12-03T07:26:50+00:00`, `# timestamp=…`.
  static func scrapeTime(comment line: UnsafeBufferPointer<UInt8>) -> (seconds: Double, clock: WallClock)? {
    var position = 1
    while position < line.count, line[position] == 0x20 { position += 1 }
    let rest = UnsafeBufferPointer(rebasing: line[position...])
    let keywords = ["scrape_time", "timestamp"]
    guard let keyword = keywords.first(where: { rest.starts(with: $0.utf8) }) else { return nil }
    var valueStart = keyword.utf8.count
    guard valueStart < rest.count else { return nil }
    guard [0x20, UInt8(ascii: ":"), UInt8(ascii: "=")].contains(rest[valueStart]) else { return nil }
    while valueStart < rest.count, [0x20, UInt8(ascii: ":"), UInt8(ascii: "=")].contains(rest[valueStart]) { valueStart += 1 }
    return MetricsText.timestamp(UnsafeBufferPointer(rebasing: rest[valueStart...]))
  }

  /// A time in a scrape file's name: Unix seconds (10 digits) or milliseconds (13), or a
  /// `YYYYMMDD-HHMMSS` / `YYYY-MM-DD[T_ ]HH[:-]MM[:-]SS` local time.
  static func timeInFileName(_ path: String) -> (seconds: Double, clock: WallClock)? {
    let name = (path as NSString).lastPathComponent
    let characters = Array(name.utf8)
    var runs: [(start: Int, length: Int)] = []
    var index = 0
    while index < characters.count {
      if characters[index] >= 0x30 && characters[index] <= 0x39 {
        let start = index
        while index < characters.count, characters[index] >= 0x30 && characters[index] <= 0x39 { index += 1 }
        runs.append((start, index - start))
      } else {
        index += 1
      }
    }
    func number(_ run: (start: Int, length: Int)) -> Int { characters[run.start..<(run.start + run.length)].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
    for (position, run) in runs.enumerated() {
      if run.length == 10 || run.length == 13 {
        let value = Double(number(run))
        return (run.length == 13 ? value / 1000 : value, .epoch)
      }
      if run.length == 8, position + 1 < runs.count, runs[position + 1].length == 6 {
        let date = number(run)
        let time = number(runs[position + 1])
        let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", date / 10000, date / 100 % 100, date % 100, time / 10000, time / 100 % 100, time % 100)
        return Array(text.utf8).withUnsafeBufferPointer { MetricsText.timestamp($0) }
      }
      if run.length == 4, position + 5 < runs.count, runs[(position + 1)...(position + 5)].allSatisfy({ $0.length == 2 }) {
        let parts = [run] + runs[(position + 1)...(position + 5)]
        let values = parts.map(number)
        let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", values[0], values[1], values[2], values[3], values[4], values[5])
        return Array(text.utf8).withUnsafeBufferPointer { MetricsText.timestamp($0) }
      }
    }
    return nil
  }
}
