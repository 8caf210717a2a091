/// How long one input file took to read and parse, and how big it was: `--timings` sums
/// these per format to give each reader's throughput on one core.
public struct FileIngestTiming: Sendable, Equatable {
  /// The tool of the file's first run (`vllm-bench-serve`, `sglang-bench-serving`, …), or
  /// `skipped` for a file that held no result.
  public var format: String
  public var bytes: Int
  /// Wall time of reading and parsing this one file (on one thread).
  public var seconds: Double
  /// CPU time of that thread meanwhile (less than `seconds` on a busy machine).
  public var cpuSeconds: Double

  public init(format: String, bytes: Int, seconds: Double, cpuSeconds: Double) {
    self.format = format
    self.bytes = bytes
    self.seconds = seconds
    self.cpuSeconds = cpuSeconds
  }
}
