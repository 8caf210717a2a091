/// The four per-request latency metrics the serving benchmarks report.
///
/// The raw value is the spelling vLLM uses in its key names (`mean_ttft_ms`, `p99_e2el_ms`),
/// so readers can build keys from it.
public enum LatencyMetric: String, CaseIterable, Sendable, Codable, Hashable {
  /// Time to first token.
  case ttft
  /// Time per output token, excluding the first token.
  case tpot
  /// Inter-token latency: every gap between streamed chunks.
  case itl
  /// End-to-end request latency.
  case e2el
}
