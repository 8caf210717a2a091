import Foundation
import Testing

/// End-to-end tests of `benchreport analyze` on hostile, broken or missing input and on
/// outputs it cannot write: the exit code says what happened (README: 0, 1, 2) and the
/// previous report in `--out` survives every failure.
@Suite struct AnalyzeFailureTests {
  typealias E2E = AnalyzeCommandTests

  /// A folder with last week's report in it, and the inputs that made it.
  struct Workspace {
    let root: URL
    var input: URL { root.appendingPathComponent("results") }
    var out: URL { root.appendingPathComponent("reports/week-04") }

    init() throws {
      root = try E2E.temporaryFolder()
      try SyntheticResults.writeSweep(into: input)
    }

    /// Writes the "previous" report and returns its files.
    func previousReport() throws -> [String: Data] {
      let result = try E2E.run(["analyze", input.path, "--out", out.path, "--quiet", "--format", "md,html,json,pr"])
      #expect(result.status == 0, "stderr: \(result.stderr)")
      let files = try SyntheticResults.snapshot(of: out)
      #expect(files["report.md"] != nil)
      return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  // MARK: Item 2: no results wipes nothing

  @Test func noResultsExitsTwoAndLeavesThePreviousReport() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let before = try workspace.previousReport()
    let typo = workspace.root.appendingPathComponent("typo").path
    let result = try E2E.run(["analyze", typo, "--out", workspace.out.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no benchmark results"))
    #expect(result.stderr.contains("nothing written"))
    #expect(try SyntheticResults.snapshot(of: workspace.out) == before)

    let notes = workspace.root.appendingPathComponent("notes")
    try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
    try Data("just notes\n".utf8).write(to: notes.appendingPathComponent("notes.txt"))
    let empty = try E2E.run(["analyze", notes.path, "--out", workspace.out.path])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("notes.txt"))
    #expect(try SyntheticResults.snapshot(of: workspace.out) == before)
  }

  @Test func noResultsIntoANewFolderCreatesNothing() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let result = try E2E.run(["analyze", workspace.root.appendingPathComponent("typo").path, "--out", workspace.out.path])
    #expect(result.status == 2)
    #expect(!FileManager.default.fileExists(atPath: workspace.out.path))
  }

  // MARK: Item 11: failures that write nothing exit 2 and name the path

  @Test func failuresThatWriteNothingExitTwoNamingThePath() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let before = try workspace.previousReport()
    let input = workspace.input.path

    // Missing templates folder.
    let missing = workspace.root.appendingPathComponent("no-templates").path
    let templates = try E2E.run(["analyze", input, "--out", workspace.out.path, "--templates", missing])
    #expect(templates.status == 2, "stderr: \(templates.stderr)")
    #expect(templates.stderr.contains(missing))

    // A YAML syntax error and an unknown key in benchreport.yaml.
    let config = workspace.root.appendingPathComponent("bad.yaml")
    try Data("thresholds: [success_rate: 95%\n".utf8).write(to: config)
    let yaml = try E2E.run(["analyze", input, "--out", workspace.out.path, "--config", config.path])
    #expect(yaml.status == 2, "stderr: \(yaml.stderr)")
    #expect(yaml.stderr.contains(config.path))
    try Data("threshold:\n  success_rate: 95%\n".utf8).write(to: config)
    let unknown = try E2E.run(["analyze", input, "--out", workspace.out.path, "--config", config.path])
    #expect(unknown.status == 2, "stderr: \(unknown.stderr)")
    #expect(unknown.stderr.contains(config.path) && unknown.stderr.contains("threshold"))

    // An output folder that cannot be created (below a file, or in /proc).
    let file = workspace.root.appendingPathComponent("a-file")
    try Data("x".utf8).write(to: file)
    for out in [file.appendingPathComponent("sub").path, "/proc/benchreport-cannot-write-here"] {
      let unwritable = try E2E.run(["analyze", input, "--out", out, "-q"])
      #expect(unwritable.status == 2, "\(out): \(unwritable.stderr)")
      #expect(unwritable.stderr.contains(out), "\(unwritable.stderr)")
    }

    // --out pointing at a file, and an empty --out.
    let atFile = try E2E.run(["analyze", input, "--out", file.path])
    #expect(atFile.status == 2)
    #expect(atFile.stderr.contains(file.path))
    #expect(try Data(contentsOf: file) == Data("x".utf8))
    let empty = try E2E.run(["analyze", input, "--out", ""])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("--out"))

    #expect(try SyntheticResults.snapshot(of: workspace.out) == before)
  }

  @Test func readOnlyOutputFolderExitsTwoAndKeepsTheReport() throws {
    // Root writes through the mode bits; the /proc case above covers root.
    guard geteuid() != 0 else { return }
    let workspace = try Workspace()
    defer {
      chmod(workspace.out.path, 0o755)
      workspace.remove()
    }
    let before = try workspace.previousReport()
    chmod(workspace.out.path, 0o555)
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "-q"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(workspace.out.path))
    #expect(try SyntheticResults.snapshot(of: workspace.out) == before)
  }

  @Test func mentionsInInputNamesAreNotLiveInThePRComment() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try FileManager.default.removeItem(at: workspace.input)
    try SyntheticResults.writeSweep(into: workspace.input, model: "@acme/llm-team")
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--format", "md,pr", "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let comment = try String(contentsOf: workspace.out.appendingPathComponent("pr-comment.md"), encoding: .utf8)
    #expect(comment.contains("acme"))
    #expect(!comment.contains("@acme"))
    #expect(comment.contains("@&#8203;acme"))
  }

  // MARK: Item 3: one bad value stops nothing

  @Test func nonFiniteNegativeAndAbsurdSamplesAreLeftOutWithANote() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try FileManager.default.removeItem(at: workspace.input)
    // JSONSerialization cannot write NaN/Infinity: bad values are patched into the text.
    let files = try SyntheticResults.writeSweep(into: workspace.input) { level, object in
      guard level == 2 || level == 4, var ttfts = object["ttfts"] as? [Double] else { return }
      ttfts[3] = level == 2 ? 123_456.5 : 1e308
      ttfts[5] = -0.5
      object["ttfts"] = ttfts
    }
    let patched = try String(contentsOf: files[1], encoding: .utf8).replacingOccurrences(of: "123456.5", with: "NaN")
    try Data(patched.replacingOccurrences(of: "0.0105", with: "Infinity").utf8).write(to: files[1])
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--lang", "en", "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let report = try String(contentsOf: workspace.out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("vllm-concurrency2.json: "), "the note names the file")
    #expect(report.contains("vllm-concurrency4.json: 2 of 40 requests left out of the per-request samples"))
    let charts = try FileManager.default.contentsOfDirectory(atPath: workspace.out.appendingPathComponent("charts").path)
    #expect(charts.contains { $0.hasSuffix("itl-histogram.svg") })
    #expect(charts.contains { $0.hasSuffix("ttft-cdf.png") })
  }

  @Test func levelZeroIsLeftOutWithANoteAndTheRestIsReported() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try SyntheticResults.writeSweep(into: workspace.root.appendingPathComponent("results/zero"), levels: [0])
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--lang", "en"])
    #expect(result.status == 1, "a result file that cannot be used: report written, exit 1; \(result.stderr)")
    #expect(result.stdout.contains("zero/vllm-concurrency0.json: max_concurrency is 0, not a load level; run left out"))
    #expect(FileManager.default.fileExists(atPath: workspace.out.appendingPathComponent("report.html").path))
    #expect(result.stdout.contains("concurrency: 1, 2, 4, 8"))
  }

  @Test func aChartThatCannotBeDrawnIsLeftOutNotTheReport() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try FileManager.default.removeItem(at: workspace.input)
    try SyntheticResults.writeSweep(into: workspace.input) { level, object in
      if level == 4 { object["output_throughput"] = 1e308 }
    }
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--lang", "en"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("-throughput.png: chart left out: it cannot be drawn"))
    let report = try String(contentsOf: workspace.out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("chart left out"))
    #expect(!report.contains("concurrency-throughput.png)"), "no link to the chart that is not there")
    #expect(report.contains("concurrency-ttft.png)"))
    let html = try String(contentsOf: workspace.out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!html.contains("<!--benchreport-inline-chart"))
    #expect(html.contains("<svg"))
  }

  // MARK: Item 4: control characters and absurd lengths in input text

  static let hostile = "evil\u{1B}[31m\u{1B}]0;title\u{07}\u{1}\u{FFFE}\u{0}name"

  @Test func controlCharactersInNamesMetadataAndFileNamesAreCleaned() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try FileManager.default.removeItem(at: workspace.input)
    let files = try SyntheticResults.writeSweep(into: workspace.input, model: Self.hostile) { _, object in
      object["metadata_key\u{1B}"] = "value\u{1B}[2J\u{1}"
      object["label"] = "lab\u{1B}el"
    }
    // A file name with ESC and U+0001 in it.
    try FileManager.default.moveItem(at: files[0], to: workspace.input.appendingPathComponent("c1\u{1B}[1m\u{1}.json"))
    // A Locust run whose request name carries an ESC sequence.
    let locust = workspace.root.appendingPathComponent("results/locust")
    try FileManager.default.createDirectory(at: locust, withIntermediateDirectories: true)
    let sample = E2E.packageRoot.appendingPathComponent("samples/locust-user-sweep-gateway")
    for users in [1, 2, 4] {
      for suffix in ["stats", "stats_history", "failures", "exceptions"] {
        let text = try String(contentsOf: sample.appendingPathComponent("u\(users)_\(suffix).csv"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "llama3", with: "lla\u{1B}[2Jma\u{1}3").utf8)
          .write(to: locust.appendingPathComponent("u\(users)_\(suffix).csv"))
      }
    }
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--format", "md,html,json,pr"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(!result.stderr.contains("template"))
    for text in [result.stdout, result.stderr] {
      #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character in the terminal output")
    }
    #expect(result.stdout.contains("evil␛[31m"))
    for name in ["report.md", "report.html", "analysis.json", "pr-comment.md"] {
      let text = try String(contentsOf: workspace.out.appendingPathComponent(name), encoding: .utf8)
      #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && !["\n", "\t", "\r"].contains($0)) || $0.value == 0xFFFE }, "\(name)")
      #expect(!text.contains("\\u001b") && !text.contains("\\u0001"), "\(name) has an escaped control character")
    }
    let report = try String(contentsOf: workspace.out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("lla␛\\[2Jma␁3"))  // Markdown escapes "["
    let analysis = try String(contentsOf: workspace.out.appendingPathComponent("analysis.json"), encoding: .utf8)
    #expect(analysis.contains("c1␛[1m␁.json"))
  }

  @Test func aFiveMegabyteModelNameIsCutAndQuick() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try FileManager.default.removeItem(at: workspace.input)
    try SyntheticResults.writeSweep(into: workspace.input, model: String(repeating: "m", count: 5_000_000))
    let started = Date()
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(Date().timeIntervalSince(started) < 20)
    let analysis = try E2E.json(workspace.out.appendingPathComponent("analysis.json"))
    let model = ((analysis["sweeps"] as? [[String: Any]])?.first?["model"] as? String) ?? ""
    #expect(model.count == 257 && model.hasSuffix("…"))
  }

  // MARK: Item 5: placeholder injection

  @Test func inputTextLikeAPlaceholderStaysText() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try FileManager.default.removeItem(at: workspace.input)
    let placeholder = "<!--benchreport-inline-chart-0-->"
    let files = try SyntheticResults.writeSweep(into: workspace.input, model: "m\(placeholder)")
    try FileManager.default.moveItem(at: files[0], to: workspace.input.appendingPathComponent("\(placeholder).json"))
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--format", "md,html,json,pr", "-q"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let analysisURL = workspace.out.appendingPathComponent("analysis.json")
    let analysis = try String(contentsOf: analysisURL, encoding: .utf8)
    #expect(!analysis.contains("<svg"))
    #expect(analysis.contains(placeholder))
    _ = try E2E.json(analysisURL)  // still valid JSON
    for name in ["report.md", "pr-comment.md"] {
      #expect(!(try String(contentsOf: workspace.out.appendingPathComponent(name), encoding: .utf8)).contains("<svg"), "\(name)")
    }
    let html = try String(contentsOf: workspace.out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!html.contains("<!--benchreport-inline-chart"))
    // Next week's run reads this analysis.json as its baseline.
    let next = try E2E.run([
      "analyze", workspace.input.path, "--out", workspace.root.appendingPathComponent("week-05").path,
      "--baseline", analysisURL.path, "-q",
    ])
    #expect(next.status == 0, "stderr: \(next.stderr)")
  }

  // MARK: Item 7: --out compared as a real path

  @Test func outputReachedThroughASymbolicLinkIntoTheInputIsRefused() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let link = workspace.root.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: workspace.input)
    let out = link.appendingPathComponent("report").path
    let refused = try E2E.run(["analyze", workspace.input.path, "--out", out, "-q"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("is inside the input"))
    #expect(!FileManager.default.fileExists(atPath: workspace.input.appendingPathComponent("report").path))

    // With --force the output is written there, and the next run does not read it back.
    for _ in 0..<2 {
      let forced = try E2E.run(["analyze", workspace.input.path, "--out", out, "--force", "--lang", "en"])
      #expect(forced.status == 0, "stderr: \(forced.stderr)")
      #expect(forced.stdout.hasPrefix("benchreport: 4 files, 1 sweeps, 0 files"), "the previous report was read: \(forced.stdout)")
    }
  }

  // MARK: Item 8: the output set is replaced as a whole

  /// Staging folders left next to `--out` (there must be none after any run).
  static func leftovers(next out: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)) ?? []
    return names.filter { $0.contains("benchreport-staging") }
  }

  /// The report set a run writes, made in a folder of its own.
  static func reference(_ workspace: Workspace, _ arguments: [String]) throws -> [String: Data] {
    let folder = workspace.root.appendingPathComponent("reference-\(UUID().uuidString)")
    let result = try E2E.run(["analyze", workspace.input.path, "--out", folder.path, "-q"] + arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    return try SyntheticResults.snapshot(of: folder)
  }

  @Test func aFullDiskLeavesThePreviousSetWhole() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let before = try workspace.previousReport()
    // A file size limit makes writes fail with EFBIG (SIGXFSZ ignored) once a file passes
    // 100 KB, as a full disk makes them fail with ENOSPC: the HTML report cannot be written.
    let command = "trap '' XFSZ; ulimit -f 100; exec \"$0\" \"$@\""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", command, E2E.executable.path, "analyze", workspace.input.path, "--out", workspace.out.path,
      "--lang", "en", "--format", "md,html,json,pr", "-q",
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2, "stderr: \(stderr)")
    #expect(stderr.contains("cannot write"))
    #expect(try SyntheticResults.snapshot(of: workspace.out) == before, "a new file beside the old ones")
    #expect(Self.leftovers(next: workspace.out).isEmpty)
  }

  @Test func ctrlCLeavesEitherTheOldOrTheNewSetAndNoTemporaryFiles() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let old = try workspace.previousReport()
    let new = try Self.reference(workspace, ["--lang", "en", "--format", "md,html,json,pr"])
    #expect(old != new)
    for attempt in 0..<6 {
      let process = Process()
      process.executableURL = E2E.executable
      process.arguments = [
        "analyze", workspace.input.path, "--out", workspace.out.path, "--lang", attempt % 2 == 0 ? "en" : "zh",
        "--format", "md,html,json,pr", "-q",
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(50_000 + attempt * 90_000))
      process.interrupt()
      process.waitUntilExit()
      let state = try SyntheticResults.snapshot(of: workspace.out)
      #expect(state == old || state == new, "attempt \(attempt): old and new files mixed (exit \(process.terminationStatus))")
      #expect(Self.leftovers(next: workspace.out).isEmpty, "attempt \(attempt)")
      #expect(!state.keys.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") })
    }
  }

  @Test func concurrentRunsIntoOneOutputDoNotInterleave() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let chinese = try Self.reference(workspace, ["--format", "md,html,json,pr"])
    let english = try Self.reference(workspace, ["--lang", "en", "--format", "md,html,json,pr"])
    for _ in 0..<2 {
      let runs = ["zh", "en"].map { language in
        let process = Process()
        process.executableURL = E2E.executable
        process.arguments = [
          "analyze", workspace.input.path, "--out", workspace.out.path, "--lang", language, "--format", "md,html,json,pr", "-q",
        ]
        process.standardError = FileHandle.nullDevice
        return process
      }
      for process in runs { try process.run() }
      for process in runs {
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
      }
      let state = try SyntheticResults.snapshot(of: workspace.out)
      #expect(state == chinese || state == english, "two runs' files interleaved")
      #expect(Self.leftovers(next: workspace.out).isEmpty)
    }
  }

  // MARK: Console logs and notes beside the results

  @Test func consoleLogsBesideTheResultsDoNotMakeTheRunPartial() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    try Data("[2026-01-03 10:00:01] INFO starting\n[2026-01-03 10:00:09] INFO done\n".utf8)
      .write(to: workspace.input.appendingPathComponent("bench.log"))
    try Data("vllm bench serve --max-concurrency 8 --save-result\n".utf8).write(to: workspace.input.appendingPathComponent("commands.txt"))
    let result = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "--lang", "en"])
    #expect(result.status == 0, "stdout: \(result.stdout)")
    #expect(result.stdout.contains("bench.log: console log / notes, not a result file"))
    #expect(result.stdout.contains("commands.txt: console log / notes, not a result file"))

    // A result file that is really broken still makes the run partial.
    try Data("{\"backend\": \"vllm\", \"completed\": 10, \"request_throughput\": ".utf8)
      .write(to: workspace.input.appendingPathComponent("broken.json"))
    let partial = try E2E.run(["analyze", workspace.input.path, "--out", workspace.out.path, "-q"])
    #expect(partial.status == 1)
  }
}
