import BenchAnalysis
import BenchModel
import Foundation
import Testing

@testable import BenchReport

/// The documented keys of analysis.json, their JSON types, and `null` for unknown values.
struct AnalysisJSONWriterTests {
  typealias F = ReportFixtures

  /// The shape of analysis.json as the README documents it; decoding fails on a wrong type.
  struct Document: Decodable {
    var tool: String
    var schemaVersion: Int
    var language: String
    var filesExamined: Int
    var sweeps: [SweepEntry]
    var skipped: [Skipped]

    struct SweepEntry: Decodable {
      var id: String
      var title: String
      var variable: String
      var throughputMeasure: String?
      var runs: [RunEntry]
      var knee: Knee
      var maxStable: MaxStable
      var recommended: Recommended
      var conclusions: [String]
    }

    struct RunEntry: Decodable {
      var file: String
      var files: [String]
      var repetitions: Int
      var concurrency: Int?
      var requests: Int?
      var completed: Int?
      var failed: Int?
      var successRate: Double?
      var requestThroughput: Double?
      var outputThroughput: Double?
      var ttftMs: LatencyEntry?
      var e2elMs: LatencyEntry?
      var perStreamTokensPerSecond: Double?
      var efficiency: Double?
      var scalingEfficiency: Double?
      var effectiveConcurrency: Double?
      var effectiveConcurrencySource: String?
      var errors: [ErrorEntry]
      var notes: [String]
    }

    struct LatencyEntry: Decodable {
      var source: String
      var mean: Double?
      var p99: Double?
    }

    struct ErrorEntry: Decodable {
      var message: String
      var count: Int
    }

    struct Knee: Decodable {
      var primaryAxis: String
      var status: String
      var concurrency: Int?
      var throughput: Double?
      var log2: Log2
      var sentence: String

      struct Log2: Decodable {
        var status: String
        var concurrency: Int?
        var throughput: Double?
      }
    }

    struct MaxStable: Decodable {
      var concurrency: Int?
      var firstUnstable: Int?
      var limitReached: Bool
      var criteria: [Criterion]
      var uncheckedCriteria: [String]
      var reason: String

      struct Criterion: Decodable {
        var criterion: String
        var value: Double
      }
    }

    struct Recommended: Decodable {
      var low: Int?
      var high: Int?
      var sentence: String
    }

    struct Skipped: Decodable {
      var file: String
      var line: Int?
      var kind: String
      var reason: String
    }
  }

  /// The example sweep of the report: throughput grows only 12 % at 128 (1,000 prompts per
  /// level, so every concurrency was really in flight).
  static func growthSweep() -> Sweep {
    let concurrency = [1, 2, 4, 8, 16, 32, 64, 128]
    let throughput: [Double] = [100, 190, 360, 650, 1000, 1300, 1600, 1792]
    return F.sweep(
      zip(concurrency, throughput).map {
        F.run(concurrency: $0, outputThroughput: $1) { run in
          run.numPrompts = 1000
          run.completed = 1000
        }
      })
  }

  static func input(_ sweeps: [Sweep], skipped: [SkippedInput] = []) -> ReportInput {
    ReportInput(
      analyses: sweeps.map { SweepAnalyzer.analyze($0) }, skipped: skipped, filesExamined: 10,
      environment: EnvironmentFacts())
  }

  func render(_ input: ReportInput, _ language: ReportLanguage = .en) throws -> Data {
    Data(AnalysisJSONWriter(strings: try F.strings(language)).render(input).utf8)
  }

  @Test func documentedKeysHaveTheirTypes() throws {
    let skipped = SkippedInput(
      location: SourceLocation(path: "results/broken.json", line: 3), kind: .unreadable,
      reason: "expected a value")
    let data = try render(Self.input([Self.growthSweep()], skipped: [skipped]))
    let document = try JSONDecoder().decode(Document.self, from: data)
    #expect(document.tool == "benchreport")
    #expect(document.schemaVersion == 1)
    #expect(document.language == "en")
    #expect(document.filesExamined == 10)

    let sweep = try #require(document.sweeps.first)
    #expect(sweep.variable == "concurrency")
    #expect(sweep.throughputMeasure == "outputThroughput")
    #expect(sweep.runs.count == 8)
    let first = sweep.runs[0]
    #expect(first.file == "c1.json")
    #expect(first.files == ["c1.json"])
    #expect(first.concurrency == 1)
    #expect(first.successRate == 1)
    #expect(first.requests == 1000)
    #expect(first.failed == 0)
    #expect(first.ttftMs?.source == "reported")
    #expect(first.ttftMs?.p99 == 90)

    #expect(sweep.knee.status == "found" || sweep.knee.status == "noKnee")
    #expect(["found", "noKnee", "tooFewLevels"].contains(sweep.knee.log2.status))
    #expect(sweep.maxStable.concurrency == 64)
    #expect(sweep.maxStable.firstUnstable == 128)
    #expect(sweep.maxStable.limitReached)
    #expect(sweep.maxStable.criteria.map(\.criterion) == ["throughputGrowth"])
    #expect(abs(sweep.maxStable.criteria[0].value - 0.12) < 1e-9)
    #expect(sweep.maxStable.reason.contains("64"))
    #expect(sweep.recommended.low == 44)
    #expect(sweep.recommended.high == 51)
    #expect(sweep.recommended.sentence.contains("44–51"))
    #expect(!sweep.conclusions.isEmpty)
    let parsed = try JSONSerialization.jsonObject(with: data)
    #expect(value(parsed, ["sweeps", 0, "runs", 7, "verdict", "kind"]) as? String == "saturated")
    #expect(value(parsed, ["sweeps", 0, "runs", 7, "verdict", "reasons", 0, "criterion"]) as? String == "throughputGrowth")
    #expect(value(parsed, ["sweeps", 0, "runs", 0, "verdict", "kind"]) as? String == "ok")
    #expect(value(parsed, ["sweeps", 0, "maxStable", "decidedBy"]) as? String == "saturated")
    #expect(value(parsed, ["sweeps", 0, "findings", 0, "code"]) as? String == "limit-found")
    #expect(value(parsed, ["sweeps", 0, "findings", 0, "evidence", "next"]) as? Int == 91)
    #expect(value(parsed, ["sweeps", 0, "recommended", "lowerBound"]) as? Bool == false)

    #expect(document.skipped.count == 1)
    #expect(document.skipped[0].file == "results/broken.json")
    #expect(document.skipped[0].line == 3)
    #expect(document.skipped[0].kind == "unreadable")
    #expect(document.skipped[0].reason == "expected a value")
  }

  /// The value at `path` (keys and array indices) of a parsed JSON document.
  func value(_ root: Any, _ path: [Any]) -> Any? {
    var current: Any? = root
    for step in path {
      if let key = step as? String {
        guard let object = current as? [String: Any], let next = object[key] else { return nil }
        current = next
      } else if let index = step as? Int {
        guard let array = current as? [Any], array.indices.contains(index) else { return nil }
        current = array[index]
      }
    }
    return current
  }

  @Test func unknownValuesAreNullNotMissingOrZero() throws {
    // Counts unknown (no failed, no num_prompts), no latency, no throughput at all.
    let runs = [1, 2].map { concurrency in
      F.run(concurrency: concurrency, outputThroughput: 100) {
        $0.numPrompts = nil
        $0.outputThroughput = nil
        $0.requestThroughput = nil
        $0.latency = [:]
      }
    }
    var sweep = F.sweep(runs)
    sweep.identity.model = nil
    sweep.identity.sourceHint = "results/folder"
    let root = try JSONSerialization.jsonObject(with: try render(Self.input([sweep])))
    let run: [Any] = ["sweeps", 0, "runs", 0]
    for key in [
      "requests", "failed", "successRate", "requestThroughput", "outputThroughput", "ttftMs",
      "e2elMs", "perStreamTokensPerSecond", "efficiency", "scalingEfficiency",
      "effectiveConcurrency", "effectiveConcurrencySource", "durationSeconds", "requestRate",
    ] {
      #expect(value(root, run + [key]) is NSNull, "\(key) should be null")
    }
    #expect((value(root, run + ["completed"]) as? NSNumber)?.intValue == 100)
    #expect(value(root, ["sweeps", 0, "model"]) is NSNull)
    #expect(value(root, ["sweeps", 0, "throughputMeasure"]) is NSNull)
    #expect(value(root, ["sweeps", 0, "knee", "status"]) as? String == "tooFewLevels")
    #expect(value(root, ["sweeps", 0, "knee", "concurrency"]) is NSNull)
    #expect(value(root, ["sweeps", 0, "knee", "throughput"]) is NSNull)
    #expect(value(root, ["environment", "gpu"]) is NSNull)
    #expect(
      (value(root, ["sweeps", 0, "maxStable", "uncheckedCriteria"]) as? [String])?.isEmpty == false)
  }

  @Test func noStableLevelGivesNullRecommendation() throws {
    let runs = [1, 2, 4].map { concurrency in
      F.run(concurrency: concurrency, outputThroughput: Double(concurrency) * 100) {
        $0.completed = 50
        $0.failed = 50
      }
    }
    let root = try JSONSerialization.jsonObject(with: try render(Self.input([F.sweep(runs)])))
    #expect(value(root, ["sweeps", 0, "maxStable", "concurrency"]) is NSNull)
    #expect((value(root, ["sweeps", 0, "maxStable", "firstUnstable"]) as? NSNumber)?.intValue == 1)
    #expect(value(root, ["sweeps", 0, "recommended", "low"]) is NSNull)
    #expect(value(root, ["sweeps", 0, "recommended", "high"]) is NSNull)
    #expect(value(root, ["sweeps", 0, "recommended", "sentence"]) is String)
  }

  @Test func rateSweepWritesInfAndRateKeys() throws {
    let root = try JSONSerialization.jsonObject(with: try render(Self.input([F.rateSweep()])))
    let sweep: [Any] = ["sweeps", 0]
    #expect(value(root, sweep + ["variable"]) as? String == "requestRate")
    #expect(value(root, sweep + ["runs", 3, "requestRate"]) as? String == "inf")
    #expect((value(root, sweep + ["runs", 0, "requestRate"]) as? NSNumber)?.doubleValue == 2)
    #expect(value(root, sweep + ["runs", 0, "concurrency"]) is NSNull)
    #expect((value(root, sweep + ["maxStable", "requestRate"]) as? NSNumber)?.doubleValue == 8)
    #expect(value(root, sweep + ["maxStable", "firstUnstable"]) as? String == "inf")
    #expect((value(root, sweep + ["recommended", "low"]) as? NSNumber)?.doubleValue == 5.6)
    #expect((value(root, sweep + ["recommended", "high"]) as? NSNumber)?.doubleValue == 6.4)
    #expect(value(root, sweep + ["runs", 3, "errors", 0, "message"]) as? String != nil)
    #expect((value(root, sweep + ["runs", 3, "successRate"]) as? NSNumber)?.doubleValue == 0.8)
  }

  @Test func keyOrderIsStable() throws {
    let text = String(decoding: try render(Self.input([Self.growthSweep()])), as: UTF8.self)
    let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      $0.split(separator: "\"")[1]
    }
    #expect(
      topLevel == [
        "tool", "schemaVersion", "language", "filesExamined", "environment", "sweeps", "skipped",
      ])
  }
}
