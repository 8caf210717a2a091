import BenchAnalysis
import BenchModel
import Foundation
import GRDB
import Testing

@testable import BenchHistory

/// A recorded analysis of one small sweep, `seed` changing its numbers.
func sampleAnalysis(label: String, testedAt: Double?, files: [String] = ["a", "b"], throughput: Double = 100)
  -> RecordedAnalysis
{
  let levels = [1.0, 2, 4].map { level in
    RecordedSweep.Level(
      value: level, metrics: ["request_throughput": throughput * level / 4, "e2el_p99": 50 * level, "success_rate": 1],
      verdict: "ok")
  }
  let sweep = RecordedSweep(
    key: "variable=users|backend=locust|tool=locust", title: "locust", variable: .users, maxStable: 4, limitReached: false,
    knee: 2, recommendedLow: 2, recommendedHigh: 3, peakThroughput: throughput, throughputMeasure: "request_throughput",
    levels: levels, findings: [.init(code: "not-saturated", severity: "info", levels: ["4"])])
  return RecordedAnalysis(
    label: label, testedAt: testedAt,
    inputs: files.map { .init(name: "\($0).csv", sha256: SHA256.hex($0.utf8), bytes: 10) },
    environment: ["gpu": "none"], sweeps: [sweep])
}

func temporaryPath(_ name: String = "history.sqlite") -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("benchhistory-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder.appendingPathComponent(name).path
}

struct HistoryStoreTests {
  @Test func recordsOnceAndReadsBack() throws {
    let path = temporaryPath()
    let store = try HistoryStore(path: path, create: true)
    let first = sampleAnalysis(label: "week-1", testedAt: 1_000)
    #expect(try store.record(first) == .added(id: 1))
    // The same files under other names: the same analysis.
    var renamed = first
    renamed.inputs = renamed.inputs.map { .init(name: "moved/" + $0.name, sha256: $0.sha256, bytes: $0.bytes) }
    #expect(try store.record(first) == .unchanged(id: 1))
    #expect(try store.list().count == 1)
    #expect(try store.analysis(id: 1) == first)
    // Same inputs, another result: updated in place, still one entry.
    var rerun = first
    rerun.sweeps[0].peakThroughput = 120
    #expect(try store.record(rerun) == .updated(id: 1))
    #expect(try store.analysis(id: 1) == rerun)
    #expect(try store.list().count == 1)
    #expect(try store.schemaVersion() == HistorySchema.version)
  }

  @Test func trendEntriesStopAtTheReportsWeek() throws {
    let store = try HistoryStore(path: temporaryPath(), create: true)
    for week in 1...6 {
      try store.record(sampleAnalysis(label: "week-\(week)", testedAt: Double(week * 1000), files: ["w\(week)"]))
    }
    let key = "variable=users|backend=locust|tool=locust"
    let entries = try store.trendEntries(sweepKey: key, until: 4000, limit: 3)
    #expect(entries.map(\.entry.label) == ["week-2", "week-3", "week-4"])
    #expect(try store.trendEntries(sweepKey: key, until: nil, limit: 10).count == 6)
    try store.remove(id: 6)
    #expect(try store.list().map(\.label) == ["week-1", "week-2", "week-3", "week-4", "week-5"])
    #expect(throws: HistoryError.noSuchAnalysis(path: store.path, id: 6)) { try store.remove(id: 6) }
  }

  @Test func missingFileIsNotCreatedForReading() {
    let path = temporaryPath()
    #expect(throws: HistoryError.missing(path: path)) { try HistoryStore(path: path, create: false) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func garbageFileIsRefusedAndKept() throws {
    let path = temporaryPath()
    let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try garbage.write(to: URL(fileURLWithPath: path))
    #expect(throws: HistoryError.self) { try HistoryStore(path: path, create: true) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
  }

  @Test func corruptHistoryIsRefusedAndKept() throws {
    let path = temporaryPath()
    do {
      let store = try HistoryStore(path: path, create: true)
      for week in 1...40 { try store.record(sampleAnalysis(label: "w\(week)", testedAt: Double(week), files: ["f\(week)"])) }
    }
    // Overwrite a page in the middle (the b-tree pages of the tables), keeping the header.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    for offset in 4096..<min(bytes.count, 4096 * 3) { bytes[offset] = 0xA5 }
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect {
      let store = try HistoryStore(path: path, create: true)
      _ = try store.list()
      try store.record(sampleAnalysis(label: "new", testedAt: 99, files: ["new"]))
    } throws: { error in
      guard let error = error as? HistoryError else { return false }
      if case .corrupt = error { return true }
      return false
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test func otherSQLiteFileIsRefused() throws {
    let path = temporaryPath()
    let other = try DatabaseQueue(path: path)
    try other.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')") }
    try other.close()
    #expect {
      try HistoryStore(path: path, create: true)
    } throws: { error in
      if case .notAHistory = error as? HistoryError { return true }
      return false
    }
    let check = try DatabaseQueue(path: path)
    #expect(try check.read { try String.fetchOne($0, sql: "SELECT text FROM notes") } == "keep me")
  }

  @Test func newerSchemaIsRefused() throws {
    let path = temporaryPath()
    do {
      let store = try HistoryStore(path: path, create: true)
      try store.record(sampleAnalysis(label: "w1", testedAt: 1))
    }
    let raw = try DatabaseQueue(path: path)
    try raw.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
    try raw.close()
    #expect {
      try HistoryStore(path: path, create: true)
    } throws: { error in
      if case .newerSchema = error as? HistoryError { return true }
      return false
    }
  }

  @Test func lockedFileIsReportedAndNothingIsLost() throws {
    let path = temporaryPath()
    let store = try HistoryStore(path: path, create: true, busyTimeout: 0.2)
    try store.record(sampleAnalysis(label: "w1", testedAt: 1))
    // Another process holds a write lock.
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let other = try DatabaseQueue(path: path, configuration: configuration)
    try other.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
    #expect(throws: HistoryError.locked(path: path)) {
      try store.record(sampleAnalysis(label: "w2", testedAt: 2, files: ["c"]))
    }
    try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    #expect(try store.list().map(\.label) == ["w1"])
    try store.record(sampleAnalysis(label: "w2", testedAt: 2, files: ["c"]))
    #expect(try store.list().map(\.label) == ["w1", "w2"])
  }
}

/// Upgrades from every earlier schema version: a file at each earlier version (the empty file
/// is version 0) opens, is migrated to the current version, and keeps its rows.
struct HistorySchemaTests {
  @Test func upgradesFromEveryEarlierVersion() throws {
    let migrations = HistorySchema.migrator.migrations
    for earlier in 0..<migrations.count {
      let path = temporaryPath()
      let raw = try DatabaseQueue(path: path)
      if earlier > 0 { try HistorySchema.migrator.migrate(raw, upTo: migrations[earlier - 1]) }
      try raw.close()
      let store = try HistoryStore(path: path, create: true)
      #expect(try store.schemaVersion() == migrations.count)
      try store.record(sampleAnalysis(label: "after upgrade", testedAt: 5))
      #expect(try store.list().count == 1)
    }
  }

  @Test func versionIsInUserVersion() throws {
    let store = try HistoryStore(path: temporaryPath(), create: true)
    #expect(try store.schemaVersion() == HistorySchema.version)
    #expect(try store.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == HistorySchema.applicationID)
  }
}
