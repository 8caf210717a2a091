/// Time series measured beside the load — GPU logs (`nvidia-smi --query-gpu … --format=csv`) and
/// server `/metrics` scrapes (vLLM, SGLang) — as the readers found them. They are not runs: the
/// analysis joins them by time to each load level's window (`ResourceJoin`).
///
/// Values are stored as parallel arrays (one entry per sample, `.nan` when the sample has no
/// value), so a day-long 1 s log of 8 GPUs is a few flat arrays rather than 700 000 structs.
public struct MetricsTimeline: Sendable {
  public var gpus: [GPUSeries]
  public var servers: [ServerSeries]
  /// What the readers left out or assumed (truncated lines, a scrape time taken from the
  /// file's modification time), one sentence each naming the file.
  public var notes: [String]

  public init(gpus: [GPUSeries] = [], servers: [ServerSeries] = [], notes: [String] = []) {
    self.gpus = gpus
    self.servers = servers
    self.notes = notes
  }

  public var isEmpty: Bool { gpus.isEmpty && servers.isEmpty }

  /// Adds another reader's series; server series with the same `key` (one scrape per file in
  /// one folder) become one series (call `sortByTime()` once everything is merged).
  public mutating func merge(_ other: MetricsTimeline) {
    gpus += other.gpus
    notes += other.notes
    for series in other.servers {
      if let index = servers.firstIndex(where: { $0.key == series.key }) {
        servers[index].append(series)
      } else {
        servers.append(series)
      }
    }
  }

  /// Puts every series' samples in time order (once, after merging: the join searches them).
  public mutating func sortByTime() {
    for index in servers.indices { servers[index].sortByTime() }
    for index in gpus.indices where !gpus[index].isSorted { gpus[index].sortByTime() }
  }
}

/// How a series' times are to be read.
public enum WallClock: String, Sendable, Equatable {
  /// Unix time, seconds (UTC).
  case epoch
  /// The host's local wall-clock reading without a zone, stored as if it were UTC (seconds
  /// since 1970-01-01 00:00 of that clock); the analysis applies the configured time zone.
  case local
}

/// One GPU's samples from one log file.
public struct GPUSeries: Sendable {
  /// The GPU as the log names it: its UUID, else its index (`0`), else its PCI bus id.
  public var id: String
  /// Model name (`NVIDIA H100 80GB HBM3`), when logged.
  public var name: String?
  /// The file the samples came from (display path).
  public var source: String
  public var clock: WallClock
  /// Seconds, ascending (see `clock`).
  public var times: [Double]
  /// `utilization.gpu`, 0–100 %.
  public var utilizationPercent: [Double]
  /// `memory.used`, `memory.total`, MiB.
  public var memoryUsedMiB: [Double]
  public var memoryTotalMiB: [Double]
  /// `power.draw` (or `.average` / `.instant`), W.
  public var powerWatts: [Double]

  public init(id: String, name: String? = nil, source: String, clock: WallClock) {
    self.id = id
    self.name = name
    self.source = source
    self.clock = clock
    self.times = []
    self.utilizationPercent = []
    self.memoryUsedMiB = []
    self.memoryTotalMiB = []
    self.powerWatts = []
  }

  var isSorted: Bool { !zip(times, times.dropFirst()).contains { $0 > $1 } }

  mutating func sortByTime() {
    let order = times.indices.sorted { times[$0] < times[$1] }
    times = order.map { times[$0] }
    utilizationPercent = order.map { utilizationPercent[$0] }
    memoryUsedMiB = order.map { memoryUsedMiB[$0] }
    memoryTotalMiB = order.map { memoryTotalMiB[$0] }
    powerWatts = order.map { powerWatts[$0] }
  }

  public mutating func append(time: Double, utilization: Double, memoryUsed: Double, memoryTotal: Double, power: Double) {
    times.append(time)
    utilizationPercent.append(utilization)
    memoryUsedMiB.append(memoryUsed)
    memoryTotalMiB.append(memoryTotal)
    powerWatts.append(power)
  }
}

/// One server's `/metrics` scrapes (every engine or rank summed per scrape).
public struct ServerSeries: Sendable {
  /// Which scrapes form one series: the file of a concatenated log, or the folder of a
  /// file-per-scrape log, with the server's model name.
  public var key: String
  /// The files the scrapes came from (display paths).
  public var sources: [String]
  /// `vllm` or `sglang`.
  public var server: String
  public var clock: WallClock
  /// Seconds, ascending.
  public var times: [Double]
  /// Gauges: requests running and waiting (summed over engines), KV-cache usage 0–1 (mean
  /// over engines).
  public var running: [Double]
  public var waiting: [Double]
  public var kvCacheUsage: [Double]
  /// Counters (cumulative, summed over engines): preemptions, prefix-cache hit and queried
  /// tokens, generated tokens.
  public var preemptions: [Double]
  public var prefixCacheHits: [Double]
  public var prefixCacheQueries: [Double]
  public var generationTokens: [Double]

  public init(key: String, source: String, server: String, clock: WallClock) {
    self.key = key
    self.sources = [source]
    self.server = server
    self.clock = clock
    self.times = []
    self.running = []
    self.waiting = []
    self.kvCacheUsage = []
    self.preemptions = []
    self.prefixCacheHits = []
    self.prefixCacheQueries = []
    self.generationTokens = []
  }

  /// One scrape's values; `.nan` for what the scrape did not expose.
  public struct Scrape: Sendable, Equatable {
    public var time: Double
    public var running = Double.nan
    public var waiting = Double.nan
    public var kvCacheUsage = Double.nan
    public var preemptions = Double.nan
    public var prefixCacheHits = Double.nan
    public var prefixCacheQueries = Double.nan
    public var generationTokens = Double.nan

    public init(time: Double) { self.time = time }
  }

  public mutating func append(_ scrape: Scrape) {
    times.append(scrape.time)
    running.append(scrape.running)
    waiting.append(scrape.waiting)
    kvCacheUsage.append(scrape.kvCacheUsage)
    preemptions.append(scrape.preemptions)
    prefixCacheHits.append(scrape.prefixCacheHits)
    prefixCacheQueries.append(scrape.prefixCacheQueries)
    generationTokens.append(scrape.generationTokens)
  }

  public subscript(index: Int) -> Scrape {
    var scrape = Scrape(time: times[index])
    scrape.running = running[index]
    scrape.waiting = waiting[index]
    scrape.kvCacheUsage = kvCacheUsage[index]
    scrape.preemptions = preemptions[index]
    scrape.prefixCacheHits = prefixCacheHits[index]
    scrape.prefixCacheQueries = prefixCacheQueries[index]
    scrape.generationTokens = generationTokens[index]
    return scrape
  }

  /// Adds another part of the same series (another scrape file of the same folder).
  public mutating func append(_ other: ServerSeries) {
    sources += other.sources
    for index in other.times.indices { append(other[index]) }
  }

  mutating func sortByTime() {
    guard zip(times, times.dropFirst()).contains(where: { $0 > $1 }) else { return }
    let order = times.indices.sorted { times[$0] < times[$1] }
    let scrapes = order.map { self[$0] }
    var sorted = ServerSeries(key: key, source: "", server: server, clock: clock)
    sorted.sources = sources
    for scrape in scrapes { sorted.append(scrape) }
    self = sorted
  }
}
