import BenchAnalysis
import BenchModel
import Foundation
import GRDB

/// The history file: every recorded analysis, in one SQLite file (GRDB).
///
/// Safety: every change is one transaction (a failure leaves the file as it was); a file that
/// is damaged, not a history, or from a newer benchreport is refused before anything is
/// written; a file locked by another writer is waited for 5 s, then refused. The file uses
/// SQLite's rollback journal (no `-wal` files beside it), so it can be copied or committed
/// whenever no benchreport is writing it.
public final class HistoryStore: Sendable {
  public let path: String
  let queue: DatabaseQueue

  /// What `record` did.
  public enum RecordOutcome: Sendable, Equatable {
    case added(id: Int)
    /// The same inputs were recorded before with the same result: nothing was written.
    case unchanged(id: Int)
    /// The same inputs were recorded before with another result (another benchreport or other
    /// thresholds): that entry now holds this one.
    case updated(id: Int)
  }

  /// One line of `history list`.
  public struct Summary: Sendable, Equatable {
    public var id: Int
    public var label: String
    public var testedAt: Double?
    public var fingerprint: String
    public var sweeps: [String]
    public var inputFiles: Int
  }

  /// Opens (and with `create`, creates) the file and brings its schema up to date.
  public init(path: String, create: Bool, busyTimeout: Double = 5) throws(HistoryError) {
    self.path = path
    let exists = FileManager.default.fileExists(atPath: path)
    if !exists && !create { throw .missing(path: path) }
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.journalMode = .default
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      throw Self.translate(error, path: path)
    }
    try Self.checkAndMigrate(queue, path: path)
  }

  static func checkAndMigrate(_ queue: DatabaseQueue, path: String) throws(HistoryError) {
    let migrator = HistorySchema.migrator
    do {
      let (applicationID, tables, applied) = try queue.read { db in
        (
          try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
          try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
          try db.tableExists("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        )
      }
      if !tables.isEmpty && applicationID != HistorySchema.applicationID {
        throw HistoryError.notAHistory(
          path: path, detail: "a SQLite file with tables \(tables.sorted().prefix(5).joined(separator: ", "))")
      }
      let known = Set(migrator.migrations)
      let unknown = applied.filter { !known.contains($0) }
      if !unknown.isEmpty {
        throw HistoryError.newerSchema(path: path, found: applied, supported: migrator.migrations.count)
      }
      if applied.count < migrator.migrations.count {
        try migrator.migrate(queue)
      }
    } catch {
      throw translate(error, path: path)
    }
  }

  /// The error a user can act on for a GRDB/SQLite error.
  static func translate(_ error: Error, path: String) -> HistoryError {
    if let error = error as? HistoryError { return error }
    guard let error = error as? DatabaseError else { return .sqlite(path: path, detail: "\(error)") }
    switch error.resultCode {
    case .SQLITE_NOTADB: return .notAHistory(path: path, detail: "not a SQLite database")
    case .SQLITE_CORRUPT: return .corrupt(path: path, detail: error.message ?? "database disk image is malformed")
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
    case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
    default: return .sqlite(path: path, detail: error.message ?? "\(error)")
    }
  }

  /// The schema version of the open file.
  public func schemaVersion() throws(HistoryError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
  }

  func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
    do { return try queue.read(body) } catch { throw Self.translate(error, path: path) }
  }

  func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
    do { return try queue.write(body) } catch { throw Self.translate(error, path: path) }
  }

  // MARK: Recording

  /// Records `analysis`; the same inputs recorded again do not make a second entry.
  @discardableResult
  public func record(_ analysis: RecordedAnalysis) throws(HistoryError) -> RecordOutcome {
    let fingerprint = analysis.fingerprint
    let content = Self.contentHash(analysis)
    let existing = try read { db in
      try Row.fetchOne(db, sql: "SELECT id, contentSHA256 FROM analysis WHERE fingerprint = ?", arguments: [fingerprint])
    }
    if let existing, (existing["contentSHA256"] as String) == content { return .unchanged(id: existing["id"]) }
    return try write { db in
      if let existing {
        let id: Int = existing["id"]
        try db.execute(sql: "DELETE FROM sweep WHERE analysisId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM inputFile WHERE analysisId = ?", arguments: [id])
        try db.execute(
          sql: "UPDATE analysis SET contentSHA256 = ?, label = ?, testedAt = ?, environment = ? WHERE id = ?",
          arguments: [content, analysis.label, analysis.testedAt, Self.json(analysis.environment), id])
        try Self.insertChildren(analysis, id: id, db: db)
        return .updated(id: id)
      }
      try db.execute(
        sql: "INSERT INTO analysis (fingerprint, contentSHA256, label, testedAt, environment) VALUES (?, ?, ?, ?, ?)",
        arguments: [fingerprint, content, analysis.label, analysis.testedAt, Self.json(analysis.environment)])
      let id = Int(db.lastInsertedRowID)
      try Self.insertChildren(analysis, id: id, db: db)
      return .added(id: id)
    }
  }

  static func insertChildren(_ analysis: RecordedAnalysis, id: Int, db: Database) throws {
    let inputStatement = try db.cachedStatement(sql: "INSERT INTO inputFile (analysisId, name, sha256, bytes) VALUES (?, ?, ?, ?)")
    for input in analysis.inputs {
      try inputStatement.execute(arguments: [id, input.name, input.sha256, input.bytes])
    }
    let sweepStatement = try db.cachedStatement(
      sql: """
        INSERT INTO sweep (analysisId, sweepKey, title, variable, maxStable, limitReached, knee, recommendedLow,
          recommendedHigh, peakThroughput, throughputMeasure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let levelStatement = try db.cachedStatement(sql: "INSERT INTO level (sweepId, value, verdict, metrics) VALUES (?, ?, ?, ?)")
    let findingStatement = try db.cachedStatement(
      sql: "INSERT INTO finding (sweepId, code, severity, levels) VALUES (?, ?, ?, ?)")
    for sweep in analysis.sweeps {
      try sweepStatement.execute(arguments: [
        id, sweep.key, sweep.title, sweep.variable.rawValue, sweep.maxStable, sweep.limitReached, sweep.knee,
        sweep.recommendedLow, sweep.recommendedHigh, sweep.peakThroughput, sweep.throughputMeasure,
      ])
      let sweepID = db.lastInsertedRowID
      for level in sweep.levels {
        try levelStatement.execute(arguments: [sweepID, level.value, level.verdict, json(level.metrics)])
      }
      for finding in sweep.findings {
        try findingStatement.execute(arguments: [sweepID, finding.code, finding.severity, finding.levels.joined(separator: ",")])
      }
    }
  }

  /// A JSON object with sorted keys (the same text for the same values).
  static func json<Value: Encodable>(_ object: [String: Value]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  static func contentHash(_ analysis: RecordedAnalysis) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return SHA256.hex((try? encoder.encode(analysis)) ?? Data())
  }

  // MARK: Reading

  /// Every recorded analysis, oldest test first (entries without a time first, in record order).
  public func list() throws(HistoryError) -> [Summary] {
    try read { db in
      let sweeps = try Row.fetchAll(db, sql: "SELECT analysisId, title FROM sweep ORDER BY id")
      var titles: [Int: [String]] = [:]
      for row in sweeps { titles[row["analysisId"], default: []].append(row["title"]) }
      return try Row.fetchAll(
        db,
        sql: """
          SELECT id, label, testedAt, fingerprint, (SELECT COUNT(*) FROM inputFile WHERE analysisId = analysis.id) AS files
          FROM analysis ORDER BY testedAt IS NOT NULL, testedAt, id
          """
      ).map { row in
        Summary(
          id: row["id"], label: row["label"], testedAt: row["testedAt"], fingerprint: row["fingerprint"],
          sweeps: titles[row["id"]] ?? [], inputFiles: row["files"])
      }
    }
  }

  /// One recorded analysis, as recorded.
  public func analysis(id: Int) throws(HistoryError) -> RecordedAnalysis {
    let found: RecordedAnalysis? = try read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM analysis WHERE id = ?", arguments: [id]) else { return nil }
      let inputs = try Row.fetchAll(db, sql: "SELECT * FROM inputFile WHERE analysisId = ? ORDER BY rowid", arguments: [id])
        .map { RecordedAnalysis.InputFile(name: $0["name"], sha256: $0["sha256"], bytes: $0["bytes"]) }
      let environment = Self.decode([String: String].self, row["environment"]) ?? [:]
      let sweepRows = try Row.fetchAll(db, sql: "SELECT * FROM sweep WHERE analysisId = ? ORDER BY id", arguments: [id])
      let sweeps = try sweepRows.map { try Self.sweep($0, db: db) }
      return RecordedAnalysis(
        label: row["label"], testedAt: row["testedAt"], inputs: inputs, environment: environment, sweeps: sweeps)
    }
    guard let found else { throw .noSuchAnalysis(path: path, id: id) }
    return found
  }

  static func sweep(_ row: Row, db: Database) throws -> RecordedSweep {
    let sweepID: Int = row["id"]
    let levels = try Row.fetchAll(db, sql: "SELECT * FROM level WHERE sweepId = ? ORDER BY value", arguments: [sweepID]).map {
      RecordedSweep.Level(value: $0["value"], metrics: decode([String: Double].self, $0["metrics"]) ?? [:], verdict: $0["verdict"])
    }
    let findings = try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE sweepId = ? ORDER BY rowid", arguments: [sweepID])
      .map { finding in
        let levels: String = finding["levels"]
        return RecordedSweep.Finding(
          code: finding["code"], severity: finding["severity"],
          levels: levels.isEmpty ? [] : levels.split(separator: ",").map(String.init))
      }
    return RecordedSweep(
      key: row["sweepKey"], title: row["title"], variable: LoadVariable(rawValue: row["variable"]) ?? .concurrency,
      maxStable: row["maxStable"], limitReached: row["limitReached"], knee: row["knee"],
      recommendedLow: row["recommendedLow"], recommendedHigh: row["recommendedHigh"],
      peakThroughput: row["peakThroughput"], throughputMeasure: row["throughputMeasure"], levels: levels,
      findings: findings)
  }

  static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
    guard let text else { return nil }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try? decoder.decode(type, from: Data(text.utf8))
  }

  /// Removes one recorded analysis (and only it).
  public func remove(id: Int) throws(HistoryError) {
    let removed = try write { db in
      try db.execute(sql: "DELETE FROM analysis WHERE id = ?", arguments: [id])
      return db.changesCount
    }
    if removed == 0 { throw .noSuchAnalysis(path: path, id: id) }
  }

  /// The analysis recorded for these inputs, if any.
  public func id(of analysis: RecordedAnalysis) throws(HistoryError) -> Int? {
    try read { db in try Int.fetchOne(db, sql: "SELECT id FROM analysis WHERE fingerprint = ?", arguments: [analysis.fingerprint]) }
  }

  /// Every sweep key in the file with its latest title, in order of first appearance.
  public func sweepKeys() throws(HistoryError) -> [(key: String, title: String)] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT sweepKey, title FROM sweep WHERE id IN (SELECT MAX(id) FROM sweep GROUP BY sweepKey) ORDER BY sweepKey"
      ).map { (key: $0["sweepKey"] as String, title: $0["title"] as String) }
    }
  }

  /// The last `limit` entries of a sweep tested no later than `until` (Unix seconds; nil for
  /// all), oldest first: the trend of the week a report is about, whatever was recorded after.
  public func trendEntries(sweepKey: String, until: Double?, untilID: Int? = nil, limit: Int) throws(HistoryError)
    -> [(entry: TrendEntry, sweep: RecordedSweep, analysisID: Int)]
  {
    try read { db in
      var conditions = ["s.sweepKey = ?"]
      var arguments: StatementArguments = [sweepKey]
      if let until {
        conditions.append("(a.testedAt IS NULL OR a.testedAt < ? OR (a.testedAt = ? AND a.id <= ?))")
        _ = arguments.append(contentsOf: [until, until, untilID ?? Int.max])
      }
      _ = arguments.append(contentsOf: [limit])
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.*, a.label AS entryLabel, a.testedAt AS entryTestedAt, a.id AS entryID FROM sweep s
          JOIN analysis a ON a.id = s.analysisId WHERE \(conditions.joined(separator: " AND "))
          ORDER BY a.testedAt IS NOT NULL DESC, a.testedAt DESC, a.id DESC LIMIT ?
          """, arguments: arguments)
      return try rows.reversed().map { row in
        let sweep = try Self.sweep(row, db: db)
        return (sweep.trendEntry(label: row["entryLabel"], testedAt: row["entryTestedAt"]), sweep, row["entryID"])
      }
    }
  }
}
