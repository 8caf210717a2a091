/// Per-request samples from a result file's arrays, in **seconds** as the tools write them.
///
/// Inter-token gaps are stored flattened (`interTokenGaps` with `gapOffsets`) rather than as
/// `[[Double]]`: a 10 000-request file has millions of gaps and one array keeps them compact.
public struct RequestSamples: Sendable, Equatable {
  public var inputLengths: [Int]
  public var outputLengths: [Int]
  /// TTFT per request, seconds; 0 for failed requests.
  public var timeToFirstToken: [Double]
  /// All inter-token gaps of all requests, seconds, request after request.
  public var interTokenGaps: [Double]
  /// `gapOffsets[i]..<gapOffsets[i+1]` are request i's gaps; `count + 1` entries.
  public var gapOffsets: [Int]
  /// End-to-end latency per request when the file has a `latencies` array, seconds.
  public var endToEndLatency: [Double]?
  /// Whether each request succeeded (`errors[i] == ""`).
  public var succeeded: [Bool]
  /// Distinct error messages with their counts, first line only, most frequent first.
  public var errorCounts: [ErrorCount]

  public init(
    inputLengths: [Int] = [], outputLengths: [Int] = [], timeToFirstToken: [Double] = [],
    interTokenGaps: [Double] = [], gapOffsets: [Int] = [0], endToEndLatency: [Double]? = nil,
    succeeded: [Bool] = [], errorCounts: [ErrorCount] = []
  ) {
    self.inputLengths = inputLengths
    self.outputLengths = outputLengths
    self.timeToFirstToken = timeToFirstToken
    self.interTokenGaps = interTokenGaps
    self.gapOffsets = gapOffsets
    self.endToEndLatency = endToEndLatency
    self.succeeded = succeeded
    self.errorCounts = errorCounts
  }

  /// Number of requests the arrays describe.
  public var count: Int { timeToFirstToken.count }

  /// Whether request `index` succeeded; requests beyond `succeeded` (files without an
  /// `errors` array) count as successful.
  public func isSuccessful(_ index: Int) -> Bool {
    index >= succeeded.count || succeeded[index]
  }

  /// True when no failed request has gaps (vLLM writes `[]` for them), so `interTokenGaps` is
  /// exactly the gaps of the successful requests.
  public var gapsAreAllSuccessful: Bool {
    succeeded.indices.allSatisfy { succeeded[$0] || $0 >= count || gapOffsets[$0] == gapOffsets[$0 + 1] }
  }

  /// Request `index`'s inter-token gaps.
  public func gaps(of index: Int) -> ArraySlice<Double> {
    interTokenGaps[gapOffsets[index]..<gapOffsets[index + 1]]
  }
}

/// An error message and how many requests failed with it.
public struct ErrorCount: Sendable, Hashable {
  public var message: String
  public var count: Int

  public init(message: String, count: Int) {
    self.message = message
    self.count = count
  }
}
