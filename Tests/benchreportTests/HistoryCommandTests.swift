import Foundation
import Testing

/// `benchreport history` and `benchreport trend` as a user runs them: import last weeks'
/// analysis.json files, list them as JSON, render the trend report, and refuse a damaged file
/// without touching it.
@Suite struct HistoryCommandTests {
  typealias E2E = AnalyzeCommandTests

  @Test func importListAndTrend() throws {
    let folder = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let history = folder.appendingPathComponent("history.sqlite").path
    // The committed week-1 and week-2 reports (zh and en copies: each week recorded once).
    let weeks = ["locust-user-sweep-gateway", "locust-user-sweep-gateway-week2"].map { "reports/" + $0 }
    let imported = try E2E.run(["history", "import", history] + weeks)
    #expect(imported.status == 0, "stderr: \(imported.stderr)")
    let again = try E2E.run(["history", "import", history] + weeks)
    #expect(again.status == 0, "stderr: \(again.stderr)")

    let listed = try E2E.run(["history", "list", history, "--json"])
    #expect(listed.status == 0, "stderr: \(listed.stderr)")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    // Importing twice, and the en copies, add nothing: one entry per week.
    #expect(entries.count == 2)

    let out = folder.appendingPathComponent("trend")
    let trend = try E2E.run(["trend", history, "--out", out.path, "--charts", "none"])
    #expect(trend.status == 0, "stderr: \(trend.stderr)")
    for file in ["trend.md", "trend.html", "trend.json"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
    }
  }

  @Test func damagedHistoryIsRefusedAndKept() throws {
    let folder = try E2E.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let history = folder.appendingPathComponent("history.sqlite")
    let garbage = Data("not a database, just text someone saved here\n".utf8)
    try garbage.write(to: history)
    let listed = try E2E.run(["history", "list", history.path])
    #expect(listed.status == 2)
    #expect(listed.stderr.contains(history.path))
    #expect(try Data(contentsOf: history) == garbage)
  }
}
