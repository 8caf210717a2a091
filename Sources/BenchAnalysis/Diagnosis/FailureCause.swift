import BenchModel

/// Why requests failed, classified from the error texts the tools record (vLLM `errors[]`,
/// SGLang errors, Locust failures and exceptions). The first matching class wins, in the order
/// of `allCases`.
public enum FailureCause: String, Sendable, Codable, CaseIterable {
  /// The request never reached the server: connection refused or reset, DNS.
  case serverUnreachable = "server-unreachable"
  /// The server refused work it could not take: 503, 429, "overloaded", rate limits.
  case loadShedding = "load-shedding"
  /// The client gave up waiting, or a gateway timed out (504).
  case timeouts
  /// The load script or the request was wrong: 4xx other than 429, exceptions in the
  /// locustfile, functional checks failed through `catch_response`. Never a server limit.
  case clientErrors = "client-errors"
  /// The server failed the request: 500, 502, a dropped connection mid-response.
  case serverErrors = "server-errors"
  /// No pattern matched.
  case other

  /// Lower-case fragments that identify each class.
  static let markers: [FailureCause: [String]] = [
    .loadShedding: [
      "503", "429", "overloaded", "too many requests", "service unavailable", "rate limit", "ratelimit", "server is busy",
      "queue is full", "capacity",
    ],
    .timeouts: ["timeout", "timed out", "504", "deadline exceeded"],
    .clientErrors: [
      "catchresponseerror", "keyerror", "valueerror", "typeerror", "attributeerror", "indexerror", "jsondecodeerror",
      "nameerror", "assertionerror", "400 ", "400:", "401", "403", "404", "405", "413", "422", "bad request", "unauthorized",
      "forbidden", "not found", "unprocessable",
    ],
    .serverErrors: [
      "500", "502", "internal server error", "bad gateway", "server disconnected", "remoteprotocolerror", "incompleteread",
      "chunkedencodingerror", "protocolerror", "connection closed",
    ],
  ]

  /// The class of one error text.
  public static func classify(_ message: String) -> FailureCause {
    let lowered = message.lowercased()
    if ConnectionErrors.isConnectionError(lowered) { return .serverUnreachable }
    // A status the script quotes ("… failed with status 0", "status code: 503") decides first:
    // a CatchResponseError is the script's wording, not necessarily the script's fault.
    if let status = quotedStatus(lowered) {
      switch status {
      case 0: return .serverErrors  // no response at all: dropped or timed out before any reply
      case 429, 503: return .loadShedding
      case 504, 408: return .timeouts
      case 400..<500: return .clientErrors
      case 500..<600: return .serverErrors
      default: break
      }
    }
    for cause in [FailureCause.loadShedding, .timeouts, .clientErrors, .serverErrors] {
      if markers[cause, default: []].contains(where: { lowered.contains($0) }) { return cause }
    }
    return .other
  }
}

extension FailureCause {
  /// The number after "status" / "status code" / "status_code" in an error text, if any.
  static func quotedStatus(_ lowered: String) -> Int? {
    guard let match = lowered.firstMatch(of: /status(?:[ _]?code)?\s*[=:]?\s*(\d{1,3})(?!\d)/) else { return nil }
    return Int(match.1)
  }
}

/// Failed requests of one cause at one level (a row of the failure-causes table).
public struct FailureCauseCount: Sendable, Equatable {
  public var cause: FailureCause
  /// nil for a step-load run's run-wide list, which no single step owns.
  public var level: LoadLevel?
  public var count: Int
  /// The most frequent error text of this cause there.
  public var example: String
  /// Locust's first/last seen times, where recorded.
  public var firstSeen: String?
  public var lastSeen: String?

  public init(cause: FailureCause, level: LoadLevel?, count: Int, example: String, firstSeen: String? = nil, lastSeen: String? = nil) {
    self.cause = cause
    self.level = level
    self.count = count
    self.example = example
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }
}

/// Builds the cause × level table of a sweep.
enum FailureCauses {
  static func table(_ sweep: Sweep, levels: [LevelMetrics]) -> [FailureCauseCount] {
    var rows: [FailureCauseCount] = []
    func add(_ cause: FailureCause, _ level: LoadLevel?, _ count: Int, _ example: String, _ first: String?, _ last: String?) {
      guard count > 0 else { return }
      if let index = rows.firstIndex(where: { $0.cause == cause && $0.level == level }) {
        rows[index].count += count
        if let first, rows[index].firstSeen.map({ first < $0 }) ?? true { rows[index].firstSeen = first }
        if let last, rows[index].lastSeen.map({ last > $0 }) ?? true { rows[index].lastSeen = last }
      } else {
        rows.append(FailureCauseCount(cause: cause, level: level, count: count, example: example, firstSeen: first, lastSeen: last))
      }
    }
    for sweepLevel in sweep.levels {
      let metrics = levels.first { $0.level == sweepLevel.level }
      var fromRecords = false
      var seenWideLists: Set<String> = []
      for run in sweepLevel.runs {
        // A step-load run's failures cover the whole run: listed once, under no level.
        let level: LoadLevel? = run.plateau == nil ? sweepLevel.level : nil
        if level == nil {
          guard seenWideLists.insert(run.source.path).inserted, sweepLevel.level == sweep.levels.first?.level else { continue }
        }
        for record in run.failureRecords {
          fromRecords = true
          add(FailureCause.classify(record.error), level, record.occurrences, record.error, record.firstSeen, record.lastSeen)
        }
        for record in run.exceptionRecords {
          add(.clientErrors, level, record.count, record.message, nil, nil)
        }
      }
      if !fromRecords, let metrics {
        for error in metrics.topErrors { add(FailureCause.classify(error.message), sweepLevel.level, error.count, error.message, nil, nil) }
      }
    }
    return rows
  }
}
