import BenchAnalysis
import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// `nvidia-smi --query-gpu … --format=csv` logs, real (xypp3's wrapper log) and a hand-written
/// native one; expected values from Python's `csv` and `datetime` over the same files.
struct NvidiaSMIReaderTests {
  static var metrics: URL { TestFixtures.root.appendingPathComponent("metrics") }

  static func read(_ name: String) -> IngestResult {
    let path = metrics.appendingPathComponent(name).path
    return NvidiaSMIReader.read(path: path, display: name)
  }

  @Test func aWrapperLogWithAZoneGivesOneSeriesPerGPU() throws {
    let result = Self.read("xypp3-nvidia_smi.csv")
    #expect(result.skipped.isEmpty)
    let gpus = result.metrics.gpus
    // python3: rows grouped by the `gpu` column (`index` is always 0 in this wrapper's log):
    // GPUs 0-2 have 6 samples, 3-7 have 5; times 1757323610 (17:26:50+08:00) to 1757323618.
    #expect(gpus.map(\.id) == ["0", "1", "2", "3", "4", "5", "6", "7"])
    #expect(gpus.map(\.times.count) == [6, 6, 6, 5, 5, 5, 5, 5])
    #expect(gpus[0].clock == .epoch)
    #expect(gpus[0].times.first == 1_757_323_610)
    #expect(gpus[0].times.last == 1_757_323_618)
    // statistics.mean of power.draw for GPU 0: 74.03333333333333; memory.used 4, total 81559.
    let power = gpus[0].powerWatts.reduce(0, +) / Double(gpus[0].powerWatts.count)
    #expect(abs(power - 74.03333333333333) < 1e-9)
    #expect(gpus[0].memoryUsedMiB.allSatisfy { $0 == 4 })
    #expect(gpus[0].memoryTotalMiB.allSatisfy { $0 == 81559 })
    // No utilization.gpu column: missing, never 0.
    #expect(gpus[0].utilizationPercent.allSatisfy { $0.isNaN })
  }

  @Test func aNativeLogWithUnitsNotApplicableCellsAndATruncatedLine() throws {
    let result = Self.read("native-units-na-truncated.csv")
    let gpus = result.metrics.gpus
    #expect(gpus.map(\.id) == ["GPU-aaaa", "GPU-bbbb"])
    #expect(gpus[0].clock == .local)
    // datetime(2026,12,3,7,26,50,125000, tzinfo=utc).timestamp() = 1796282810.125: the local
    // reading stored as if it were UTC; the analysis applies the zone.
    #expect(abs(gpus[0].times[0] - 1_796_282_810.125) < 1e-6)
    #expect(gpus[0].utilizationPercent == [87, 83])
    #expect(gpus[1].utilizationPercent == [91, 95])
    #expect(gpus[0].memoryUsedMiB == [50234, 50240])
    #expect(gpus[1].powerWatts[0].isNaN)
    #expect(gpus[1].powerWatts[1] == 260)
    #expect(result.metrics.notes.count == 1)
    #expect(result.metrics.notes[0].contains("line 6"))
  }

  @Test func theHeaderIsRecognisedWithOrWithoutUnitsAndOtherCSVsAreNot() {
    func sniff(_ text: String) -> ReadConfidence {
      NvidiaSMIReader().confidence(for: SniffedFile(path: "/x", display: "x.csv", head: Array(text.utf8)))
    }
    #expect(sniff("timestamp, name, utilization.gpu [%], memory.used [MiB]\n") == .certain)
    #expect(sniff("index,memory.used,power.draw\n0, 4, 70\n") == .certain)
    #expect(sniff("Type,Name,Request Count\n") == .none)
    #expect(sniff("{\"date\": \"20250101-000000\"}") == .none)
  }

  @Test func aLogWithoutTimestampsIsSkippedWithTheReason() throws {
    let folder = try TestFixtures.temporaryFolder()
    let file = folder.appendingPathComponent("gpu.csv")
    try Data("index, utilization.gpu [%]\n0, 50 %\n".utf8).write(to: file)
    let result = NvidiaSMIReader.read(path: file.path, display: "gpu.csv")
    #expect(result.metrics.isEmpty)
    #expect(result.skipped.first?.reason.contains("timestamp") == true)
  }
}

/// The real log joined to a vLLM run's window (BenchAnalysis' `ResourceJoin`).
struct NvidiaSMIJoinTests {
  @Test func theRealLogJoinedToARunInItsZone() {
    let metrics = NvidiaSMIReaderTests.read("xypp3-nvidia_smi.csv").metrics
    var run = Run(source: SourceLocation(path: "c8.json"), format: SourceFormat(tool: .vllmServe, schema: "V9"))
    run.model = "m"
    run.maxConcurrency = 8
    run.completed = 100
    run.date = "20250908-172658"  // ended 17:26:58 in Shanghai, after 4 s
    run.duration = 4
    run.outputThroughput = 500
    let sweep = Sweep(
      identity: SweepIdentity(
        model: "m", backend: nil, label: nil, dataset: nil, configuredInputLength: nil, configuredOutputLength: nil, metadata: [],
        sourceHint: nil),
      variable: .concurrency, levels: [SweepLevel(level: .concurrency(8), runs: [run])])
    var settings = AnalysisSettings()
    settings.timeZone = TimeZone(identifier: "Asia/Shanghai")
    let gpu = SweepAnalyzer.analyze(sweep, settings: settings, metrics: metrics).levels[0].gpu
    // python3 (csv, datetime, statistics) over the rows with 17:26:54+08:00 ≤ t ≤ 17:26:58:
    // GPUs 0-2 have 3 rows, 3-7 have 2; per-GPU mean power.draw summed = 587.0 W;
    // 587.0 / 500 tok/s = 1.174 J/token; memory.used max 4 MiB × 8, total 81559 × 8.
    #expect(gpu?.samples == 19)
    #expect(abs((gpu?.powerMeanW ?? 0) - 587.0) < 1e-9)
    #expect(abs((gpu?.energyPerOutputTokenJ ?? 0) - 1.174) < 1e-12)
    #expect(gpu?.memoryUsedMiB == 32)
    #expect(gpu?.memoryTotalMiB == 652_472)
    #expect(gpu?.utilizationMean == nil)  // not logged: absent, never 0
    #expect(gpu?.gpus.count == 8)
  }
}
