import BenchModel
import Testing

@testable import BenchAnalysis

struct RegressionRuleTests {
  @Test func parsesTheIssueExamples() throws {
    let rules = try RegressionRule.parseList("ttft_p99:+10%,output_throughput:-5%,success_rate:-1pt")
    #expect(rules.count == 3)
    #expect(rules[0].subject == .metric(.latency(.ttft, .percentile(99))))
    #expect(rules[0].increase && rules[0].amount == .relative(0.10))
    #expect(rules[1].subject == .metric(.outputThroughput))
    #expect(!rules[1].increase && rules[1].amount == .relative(0.05))
    #expect(rules[2].subject == .metric(.successRate))
    #expect(!rules[2].increase && rules[2].amount == .points(0.01))
  }

  @Test func parsesUnitsAliasesAndDecisions() throws {
    #expect(try RegressionRule(parsing: " e2el_p99 : +200ms ").amount == .milliseconds(200))
    #expect(try RegressionRule(parsing: "e2el_p99:+2s").amount == .milliseconds(2000))
    #expect(try RegressionRule(parsing: "ttft_median:+10%").subject == .metric(.latency(.ttft, .percentile(50))))
    #expect(try RegressionRule(parsing: "qps:-3%").subject == .metric(.requestThroughput))
    #expect(try RegressionRule(parsing: "max_stable:-1%").subject == .decision(.maxStable))
    #expect(try RegressionRule(parsing: "output_throughput:−50").amount == .absolute(50))
  }

  @Test func refusesWhatItCannotUnderstandWithAnActionableMessage() {
    #expect(throws: RuleError.missingColon(rule: "ttft_p99+10%")) { try RegressionRule(parsing: "ttft_p99+10%") }
    #expect(throws: RuleError.missingSign(rule: "ttft_p99:10%")) { try RegressionRule(parsing: "ttft_p99:10%") }
    #expect(throws: RuleError.invalidAmount(rule: "ttft_p99:+ten%")) { try RegressionRule(parsing: "ttft_p99:+ten%") }
    #expect(throws: RuleError.self) { try RegressionRule(parsing: "success_rate:-5ms") }
    #expect(throws: RuleError.self) { try RegressionRule(parsing: "output_throughput:-1pt") }
    #expect(throws: RuleError.self) { try RegressionRule(parsing: "ttft_p99.9:+10%") }  // not a compared statistic
    do {
      _ = try RegressionRule(parsing: "ttft_p98:+10%")
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".contains("unknown metric 'ttft_p98'"))
      #expect("\(error)".contains("ttft_p99"))
    }
  }

  func change(_ metric: ComparedMetric, _ base: Double, _ new: Double, _ assessment: ChangeAssessment) -> MetricChange {
    MetricChange(metric: metric, base: base, new: new, assessment: assessment, evidence: .relativeThreshold(0.05))
  }

  @Test func firesOnlyInItsDirectionFromItsAmountAndBeyondNoise() throws {
    let rule = try RegressionRule(parsing: "ttft_p99:+10%")
    #expect(rule.fires(on: change(.latency(.ttft, .percentile(99)), 100, 110, .worse)))  // exactly the amount
    #expect(rule.fires(on: change(.latency(.ttft, .percentile(99)), 100, 150, .worse)))
    #expect(!rule.fires(on: change(.latency(.ttft, .percentile(99)), 100, 109, .worse)))
    #expect(!rule.fires(on: change(.latency(.ttft, .percentile(99)), 100, 80, .better)))  // wrong direction
    #expect(!rule.fires(on: change(.latency(.ttft, .percentile(99)), 100, 120, .unchanged)))  // within noise
    #expect(!rule.fires(on: change(.latency(.ttft, .percentile(50)), 100, 150, .worse)))  // other metric

    let points = try RegressionRule(parsing: "success_rate:-1pt")
    #expect(points.fires(on: change(.successRate, 0.99, 0.97, .worse)))
    #expect(!points.fires(on: change(.successRate, 0.99, 0.985, .worse)))

    let milliseconds = try RegressionRule(parsing: "e2el_p99:+200ms")
    #expect(milliseconds.fires(on: change(.latency(.e2el, .percentile(99)), 1000, 1250, .worse)))
    #expect(!milliseconds.fires(on: change(.latency(.e2el, .percentile(99)), 1000, 1150, .worse)))
  }

  @Test func decisionRulesSeeALostDecisionAsMinusOneHundredPercent() throws {
    let rule = try RegressionRule(parsing: "max_stable:-25%")
    let halved = DecisionChange(kind: .maxStable, base: 64, new: 32, assessment: .worse)
    let lost = DecisionChange(kind: .maxStable, base: 64, new: nil, assessment: .worse)
    let slightly = DecisionChange(kind: .maxStable, base: 64, new: 56, assessment: .worse)
    #expect(rule.fires(on: halved))
    #expect(rule.fires(on: lost))
    #expect(!rule.fires(on: slightly))
  }
}
