import BenchModel
import Testing

@testable import BenchAnalysis

/// Target checks compare each level with each objective; the values here are made up and the
/// expected verdicts follow from the definitions (≤ limit, ≤ error rate, ≥ throughput).
struct TargetCheckTests {
  func level(_ users: Int, qps: Double, p99: Double, success: Double) -> LevelMetrics {
    var level = LevelMetrics(level: .users(users))
    level.requestThroughput = qps
    level.successRate = success
    level.latency[.e2el] = LatencySummary(percentiles: [99: p99])
    return level
  }

  @Test func everyObjectiveAtEveryLevel() throws {
    let objectives = try ServiceLevelObjective.parseList("e2el_p99=300ms,error_rate=1%,qps_min=50")
    let checks = TargetCheck.evaluate(
      [level(16, qps: 46.8, p99: 95, success: 1), level(64, qps: 147.1, p99: 330, success: 0.995)], objectives: objectives)
    #expect(checks.count == 6)
    #expect(checks.map(\.met) == [true, true, false, false, true, true])
    #expect(checks[4].measured.map { abs($0 - 0.005) < 1e-12 } == true)
    #expect(checks.map(\.level) == [.users(16), .users(16), .users(16), .users(64), .users(64), .users(64)])
  }

  @Test func unknownValueIsNeitherMetNorMissed() throws {
    let checks = TargetCheck.evaluate([LevelMetrics(level: .users(1))], objectives: [try ServiceLevelObjective.parse("e2el_p99=1s")])
    #expect(checks.first?.met == nil)
  }

  @Test func throughputTargetNeverStopsTheStabilityWalk() throws {
    var settings = AnalysisSettings()
    settings.objectives = [try ServiceLevelObjective.parse("qps_min=1000")]
    let judge = LevelJudge(levels: [], sweep: SweepFixtures.sweep([], variable: .users), measure: .requests, settings: settings)
    let reasons = judge.criteriaReasons(level(8, qps: 23, p99: 80, success: 1))
    #expect(reasons.isEmpty)
  }
}
