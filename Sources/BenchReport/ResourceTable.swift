import BenchAnalysis
import BenchModel

/// Seed 004's per-level table beside the load (并发数 | QPS | P99 | GPU利用率 | 错误率), with GPU
/// memory, power, J/token, KV cache, running/waiting requests, preemptions and prefix-cache hits:
/// each column only when some level has its data, the whole table only when a GPU log or a
/// server scrape was joined to the levels. Cells are pre-formatted for the templates.
public struct ResourceTable: Sendable {
  /// Column titles after the level column, in the report's language.
  public var columns: [String]
  public var rows: [ResourceRow]
  /// The Markdown alignment row (`|---:|---:|…`), one entry per column including the level.
  public var markdownAlignment: String

  static func build(_ analysis: SweepAnalysis, strings: StringsCatalogue, levelCell: (LoadLevel) -> String) -> ResourceTable? {
    let levels = analysis.levels
    guard levels.contains(where: { $0.gpu != nil || $0.server != nil }) else { return nil }
    typealias Column = (title: String, cell: (LevelMetrics) -> String?)
    func percent(_ value: Double?) -> String? { value.map { NumberFormatting.decimal($0, 0) + " %" } }
    let candidates: [Column] = [
      (strings["col_qps"], { NumberFormatting.decimal($0.requestThroughput, 2) }),
      (strings["col_latencyP99"], { NumberFormatting.milliseconds($0.latency[.e2el]?.percentile(99)) }),
      (
        strings["col_gpuUtil"],
        { level in
          guard let mean = level.gpu?.utilizationMean else { return nil }
          return "\(NumberFormatting.decimal(mean, 0)) / \(NumberFormatting.decimal(level.gpu?.utilizationP95, 0)) %"
        }
      ),
      (
        strings["col_gpuMemory"],
        { level in
          guard let used = level.gpu?.memoryUsedMiB else { return nil }
          let total = level.gpu?.memoryTotalMiB.map { " / " + NumberFormatting.decimal($0 / 1024, 1) } ?? ""
          return NumberFormatting.decimal(used / 1024, 1) + total + " GiB"
        }
      ),
      (strings["col_gpuPower"], { $0.gpu?.powerMeanW.map { NumberFormatting.decimal($0, 0) + " W" } }),
      (strings["col_energyPerToken"], { $0.gpu?.energyPerOutputTokenJ.map { NumberFormatting.decimal($0, 3) } }),
      (
        strings["col_kvCache"],
        { level in
          guard let mean = level.server?.kvCacheUsageMean else { return nil }
          return "\(NumberFormatting.decimal(mean, 0)) / \(NumberFormatting.decimal(level.server?.kvCacheUsageMax, 0)) %"
        }
      ),
      (
        strings["col_runningWaiting"],
        { level in
          guard level.server?.runningMean != nil || level.server?.waitingMean != nil else { return nil }
          return "\(NumberFormatting.decimal(level.server?.runningMean, 1)) / \(NumberFormatting.decimal(level.server?.waitingMean, 1))"
        }
      ),
      (strings["col_preemptions"], { $0.server?.preemptionsPerSecond.map { NumberFormatting.decimal($0, 2) } }),
      (strings["col_prefixHitRate"], { percent($0.server?.prefixCacheHitRate) }),
      (strings["col_errorRate"], { NumberFormatting.percent($0.failureRate) }),
    ]
    // The load columns are always there; a measured column only when some level has a value.
    let columns = candidates.enumerated().filter { index, column in
      index < 2 || index == candidates.count - 1 || levels.contains { column.cell($0) != nil }
    }.map(\.element)
    let rows = levels.map { level in
      ResourceRow(level: levelCell(level.level), cells: columns.map { $0.cell(level) ?? NumberFormatting.missing })
    }
    return ResourceTable(
      columns: columns.map(\.title), rows: rows, markdownAlignment: "|" + String(repeating: "---:|", count: columns.count + 1))
  }
}

/// One level of the `ResourceTable`.
public struct ResourceRow: Sendable {
  public var level: String
  public var cells: [String]
}
