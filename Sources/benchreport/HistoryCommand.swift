import ArgumentParser
import BenchAnalysis
import BenchHistory
import BenchReport
import Foundation

/// `benchreport history list|show|remove|import FILE …`: look after a history file.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List, show, remove or import the analyses recorded in a history file (analyze --history FILE).",
    subcommands: [List.self, Show.self, Remove.self, Import.self])

  /// A store error as a usage-level failure: the message, exit 2, nothing written.
  static func failing<T>(_ body: () throws(HistoryError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      FileHandle.standardError.write(Data("benchreport: \(error)\n".utf8))
      throw ExitCode(2)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The recorded analyses, oldest test first.")

    @Argument(help: "The history file.") var file: String
    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() throws {
      let summaries = try HistoryCommand.failing { () throws(HistoryError) in
        try HistoryStore(path: file, create: false).list()
      }
      if json {
        let rows: [OrderedJSON] = summaries.map { summary in
          .object([
            ("id", .int(summary.id)), ("label", .string(summary.label)),
            ("testedAt", summary.testedAt.map { .string(TestTime.iso8601($0)) } ?? .null),
            ("fingerprint", .string(summary.fingerprint)), ("inputFiles", .int(summary.inputFiles)),
            ("sweeps", .array(summary.sweeps.map(OrderedJSON.string))),
          ])
        }
        print(OrderedJSON.array(rows).serialized())
        return
      }
      for summary in summaries {
        let date = summary.testedAt.map(TestTime.iso8601) ?? "—"
        print("#\(summary.id)\t\(summary.label)\t\(date)\t\(summary.inputFiles) files\t\(summary.sweeps.joined(separator: "; "))")
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One recorded analysis as JSON, as recorded.")

    @Argument(help: "The history file.") var file: String
    @Argument(help: "The analysis' number (history list).") var id: Int

    func run() throws {
      let analysis = try HistoryCommand.failing { () throws(HistoryError) in
        try HistoryStore(path: file, create: false).analysis(id: id)
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
      print(String(decoding: try encoder.encode(analysis), as: UTF8.self))
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove recorded analyses (and only them).")

    @Argument(help: "The history file.") var file: String
    @Argument(help: "The analyses' numbers (history list).") var ids: [Int]

    func run() throws {
      try HistoryCommand.failing { () throws(HistoryError) in
        let store = try HistoryStore(path: file, create: false)
        for id in ids { try store.remove(id: id) }
      }
      print("removed \(ids.map { "#\($0)" }.joined(separator: ", ")) from \(file)")
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record earlier analysis.json files (a folder, searched recursively, or files), so a history starts with past reports.",
      discussion: """
        Each analysis.json is one entry, labelled with its folder's name (reports/week-03 → week-03). The test time \
        is the file's testedAt, or, for an analysis.json written before testedAt existed, the file's modification time. \
        The result files are not at hand, so the fingerprint is the SHA-256 of what is recorded (numbers, decisions, \
        verdicts; not the report language): importing a report twice, or its zh and en copies, records it once.
        """)

    @Argument(help: "The history file (created if missing).") var file: String
    @Argument(help: "Folders or analysis.json files.") var inputs: [String]
    @Option(help: "Hardware for the sweep identity, when the analysis.json has no environment.gpu.") var hardware: String?

    func run() throws {
      var paths: [String] = []
      for input in inputs {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
          throw ValidationError("\(input): no such file or folder")
        }
        if !isDirectory.boolValue { paths.append(input); continue }
        let enumerator = FileManager.default.enumerator(atPath: input)
        while let relative = enumerator?.nextObject() as? String {
          if (relative as NSString).lastPathComponent == "analysis.json" {
            paths.append((input as NSString).appendingPathComponent(relative))
          }
        }
      }
      var records: [RecordedAnalysis] = []
      for path in paths.sorted() {
        guard let data = FileManager.default.contents(atPath: path), AnalysisJSONReader.isAnalysisJSON(data) else {
          FileHandle.standardError.write(Data("benchreport: \(path): not an analysis.json written by benchreport, skipped\n".utf8))
          continue
        }
        let document: AnalysisJSONHistory
        do {
          document = try AnalysisJSONHistory.read(data, path: path)
        } catch {
          FileHandle.standardError.write(Data("benchreport: \(error), skipped\n".utf8))
          continue
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)?
          .map { $0.timeIntervalSince1970 }
        let testedAt = document.sweeps.compactMap(\.testedAt).min() ?? modified
        let gpu = document.environment["gpu"] ?? hardware
        let sweeps = document.sweeps.map { sweep in
          RecordedSweep(
            snapshot: sweep.snapshot, verdicts: sweep.verdicts,
            findings: sweep.findings.map { RecordedSweep.Finding(code: $0.code, severity: $0.severity, levels: $0.levels) },
            tool: sweep.tool, hardware: gpu)
        }
        // reports/week-03/analysis.json → week-03; reports/week-03/en/analysis.json (a language copy) too.
        var folder = (path as NSString).deletingLastPathComponent
        if ["en", "zh"].contains((folder as NSString).lastPathComponent) { folder = (folder as NSString).deletingLastPathComponent }
        let label = (folder as NSString).lastPathComponent
        records.append(
          RecordedAnalysis(
            label: label.isEmpty ? path : label, testedAt: testedAt,
            inputs: [.init(name: (folder as NSString).appendingPathComponent("analysis.json"), sha256: Self.fingerprint(sweeps), bytes: 0)],
            environment: document.environment, sweeps: sweeps))
      }
      try HistoryCommand.failing { () throws(HistoryError) in
        let store = try HistoryStore(path: file, create: true)
        var seen: Set<String> = []
        // A report's language copies (week-03/en/analysis.json) are the same analysis: the first is kept.
        for record in records where seen.insert(record.fingerprint).inserted {
          print(HistoryOptions.describe(try store.record(record), label: record.label, path: file), terminator: "")
        }
      }
    }

    /// SHA-256 of the recorded sweeps as sorted-key JSON (the test time left out: it may be a
    /// file's modification time, which differs between copies).
    static func fingerprint(_ sweeps: [RecordedSweep]) -> String {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
      let body = (try? encoder.encode(sweeps)) ?? Data()
      return SHA256.hex(body)
    }
  }
}
