import BenchAnalysis
import BenchHistory
import BenchModel
import Foundation

/// `make bench`'s history half: records a generated history (default 5 years of weekly
/// analyses of 20 sweeps, one analysis per sweep and week: 5,200) into a new file, timing each
/// record, and prints the per-record times and the file's size. `benchreport trend` on the file
/// then times the trend rendering (see the Makefile).
///
///     benchreport-history-bench FILE [ANALYSES] [SWEEPS]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: benchreport-history-bench FILE [ANALYSES=5200] [SWEEPS=20]\n".utf8))
  exit(2)
}
let path = arguments[1]
let analyses = arguments.count > 2 ? Int(arguments[2]) ?? 5200 : 5200
let sweepCount = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
try? FileManager.default.removeItem(atPath: path)

var generator = SeededGenerator(seed: 42)
@MainActor func noise() -> Double { Double(generator.next() >> 11) / 9_007_199_254_740_992 - 0.5 }

let levels: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
@MainActor func analysis(week: Int, sweep: Int) -> RecordedAnalysis {
  // A step in week 150 for every fifth sweep, otherwise 3 % noise.
  let capacity = (1000 + Double(sweep) * 50) * (sweep % 5 == 0 && week >= 150 ? 0.8 : 1) * (1 + 0.03 * noise())
  let recordedLevels = levels.map { level in
    let throughput = min(capacity, level * 20)
    return RecordedSweep.Level(
      value: level,
      metrics: [
        "output_throughput": throughput, "request_throughput": throughput / 200, "success_rate": level > 128 ? 0.97 : 1,
        "ttft_p99": 40 * (1 + level / 64) * (1 + 0.05 * noise()), "tpot_p99": 12 * (1 + level / 128),
        "e2el_p99": 2000 * (1 + level / 64),
      ], verdict: level > 64 ? "saturated" : "ok")
  }
  let sweepRecord = RecordedSweep(
    key: "variable=concurrency|model=model-\(sweep)|backend=openai|dataset=random|tool=vllm|hardware=H100", title: "model-\(sweep) · openai",
    variable: .concurrency, maxStable: 64, limitReached: true, knee: 32, recommendedLow: 44, recommendedHigh: 51,
    peakThroughput: capacity, throughputMeasure: "output_throughput", levels: recordedLevels,
    findings: [.init(code: "limit-found", severity: "info", levels: ["64", "128"])])
  let files = levels.map { level in
    RecordedAnalysis.InputFile(
      name: "week-\(week)/model-\(sweep)/c\(Int(level)).json", sha256: SHA256.hex("w\(week)s\(sweep)c\(level)".utf8), bytes: 123_456)
  }
  return RecordedAnalysis(
    label: "week-\(week)", testedAt: 1_640_995_200 + Double(week) * 7 * 86_400 + Double(sweep) * 600, inputs: files,
    environment: ["gpu": "H100", "framework": "vLLM"], sweeps: [sweepRecord])
}

let store = try HistoryStore(path: path, create: true)
var times: [Double] = []
let weeks = (analyses + sweepCount - 1) / sweepCount
let clock = ContinuousClock()
outer: for week in 0..<weeks {
  for sweep in 0..<sweepCount {
    if times.count == analyses { break outer }
    let record = analysis(week: week, sweep: sweep)
    let elapsed = try clock.measure { _ = try store.record(record) }
    times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
  }
}
// Recording the same inputs again: found by fingerprint, nothing written.
let again = try clock.measure { _ = try store.record(analysis(week: weeks - 1, sweep: 0)) }
let sorted = times.sorted()
func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
print("history: recorded \(times.count) analyses (\(weeks) weeks × \(sweepCount) sweeps, \(levels.count) levels each) into \(path)")
print(
  "history: record per analysis: mean \(ms(times.reduce(0, +) / Double(times.count))), median \(ms(sorted[sorted.count / 2])), p99 \(ms(sorted[Int(Double(sorted.count - 1) * 0.99)])), max \(ms(sorted.last!)); re-record of known inputs \(again)"
)
print("history: file size \(size / 1024) KiB (\(size / max(times.count, 1)) bytes per analysis)")
