import BenchAnalysis
import BenchModel

/// What the history keeps of one analysis: the inputs' hashes, when the test ran, a label, the
/// environment, and per sweep its decisions, each level's summary numbers and verdict, and its
/// findings. Summaries only: no per-request samples, so a file of years stays small.
public struct RecordedAnalysis: Sendable, Equatable, Codable {
  public struct InputFile: Sendable, Equatable, Codable {
    /// The path as given (shown only: renaming a file does not make a new analysis).
    public var name: String
    public var sha256: String
    public var bytes: Int

    public init(name: String, sha256: String, bytes: Int) {
      self.name = name
      self.sha256 = sha256
      self.bytes = bytes
    }
  }

  public var label: String
  /// Unix seconds (UTC), from the inputs; nil when they did not say.
  public var testedAt: Double?
  public var inputs: [InputFile]
  /// Environment facts (`gpu`, `framework`, …) as the report's environment table shows them.
  public var environment: [String: String]
  public var sweeps: [RecordedSweep]

  public init(label: String, testedAt: Double?, inputs: [InputFile], environment: [String: String], sweeps: [RecordedSweep]) {
    self.label = label
    self.testedAt = testedAt
    self.inputs = inputs
    self.environment = environment
    self.sweeps = sweeps
  }

  /// SHA-256 of the input files' SHA-256s, sorted: the same files give the same fingerprint
  /// whatever their names or folders, so recording them twice is recognised.
  public var fingerprint: String {
    SHA256.hex(inputs.map(\.sha256).sorted().joined(separator: "\n").utf8)
  }
}

/// One sweep of a recorded analysis.
public struct RecordedSweep: Sendable, Equatable, Codable {
  public struct Level: Sendable, Equatable, Codable {
    /// The level (∞ for an unbounded rate).
    public var value: Double
    /// Summary numbers by `ComparedMetric.key` (`output_throughput`, `ttft_p99`, …).
    public var metrics: [String: Double]
    public var verdict: String?

    public init(value: Double, metrics: [String: Double], verdict: String?) {
      self.value = value
      self.metrics = metrics
      self.verdict = verdict
    }
  }

  public struct Finding: Sendable, Equatable, Codable {
    public var code: String
    public var severity: String
    public var levels: [String]

    public init(code: String, severity: String, levels: [String]) {
      self.code = code
      self.severity = severity
      self.levels = levels
    }
  }

  /// The sweep's identity in the history (`SweepKey`).
  public var key: String
  public var title: String
  public var variable: LoadVariable
  public var maxStable: Double?
  public var limitReached: Bool
  public var knee: Double?
  public var recommendedLow: Double?
  public var recommendedHigh: Double?
  public var peakThroughput: Double?
  /// `ComparedMetric.key` of the throughput measure.
  public var throughputMeasure: String?
  public var levels: [Level]
  public var findings: [Finding]

  public init(
    key: String, title: String, variable: LoadVariable, maxStable: Double?, limitReached: Bool, knee: Double?,
    recommendedLow: Double?, recommendedHigh: Double?, peakThroughput: Double?, throughputMeasure: String?,
    levels: [Level], findings: [Finding]
  ) {
    self.key = key
    self.title = title
    self.variable = variable
    self.maxStable = maxStable
    self.limitReached = limitReached
    self.knee = knee
    self.recommendedLow = recommendedLow
    self.recommendedHigh = recommendedHigh
    self.peakThroughput = peakThroughput
    self.throughputMeasure = throughputMeasure
    self.levels = levels
    self.findings = findings
  }

  /// From a snapshot (a fresh analysis or an imported analysis.json), with what a snapshot
  /// does not carry: each level's verdict kind, the findings, the tool and the hardware.
  public init(
    snapshot: SweepSnapshot, verdicts: [LoadLevel: String], findings: [Finding], tool: String?, hardware: String?
  ) {
    self.init(
      key: SweepKey.key(of: snapshot.identity, variable: snapshot.variable, tool: tool, hardware: hardware),
      title: snapshot.title, variable: snapshot.variable, maxStable: snapshot.maxStable?.numericValue,
      limitReached: !snapshot.limitNotReached, knee: snapshot.knee?.numericValue,
      recommendedLow: snapshot.recommended?.lowerBound, recommendedHigh: snapshot.recommended?.upperBound,
      peakThroughput: snapshot.peakThroughput, throughputMeasure: snapshot.measure.map { ComparedMetric(measure: $0).key },
      levels: snapshot.levels.map { level in
        Level(
          value: level.level.numericValue,
          metrics: Dictionary(uniqueKeysWithValues: level.metrics.filter { $0.value.isFinite }.map { ($0.key.key, $0.value) }),
          verdict: verdicts[level.level])
      },
      findings: findings)
  }

  /// The entry the trend analysis reads.
  public func trendEntry(label: String, testedAt: Double?) -> TrendEntry {
    TrendEntry(
      label: label, testedAt: testedAt, variable: variable, maxStable: maxStable, recommendedLow: recommendedLow,
      recommendedHigh: recommendedHigh, peakThroughput: peakThroughput,
      levels: levels.map { level in
        TrendEntry.Level(
          value: level.value,
          metrics: Dictionary(
            level.metrics.compactMap { key, value in ComparedMetric(key: key).map { ($0, value) } },
            uniquingKeysWith: { first, _ in first }),
          verdict: level.verdict)
      })
  }
}
