import GRDB

/// The history file's schema and its migrations (README "History file").
///
/// Each migration runs once, in a transaction, in order; GRDB records the applied ones in
/// `grdb_migrations`, and `PRAGMA user_version` holds their count (the schema version) for
/// other tools. A migration is never edited once released: a change of schema is a new one
/// appended here, and HistorySchemaTests upgrades a file from every earlier version.
enum HistorySchema {
  /// `PRAGMA application_id` of a benchreport history ("BRHS"), so `file(1)` and benchreport
  /// can tell it from another SQLite file.
  static let applicationID: Int32 = 0x4252_4853

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          PRAGMA application_id = \(applicationID);
          CREATE TABLE analysis (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,      -- SHA-256 of the input files' sorted SHA-256s
            contentSHA256 TEXT NOT NULL,           -- of what was recorded: an unchanged re-record writes nothing
            label TEXT NOT NULL,
            testedAt REAL,                         -- Unix seconds (UTC) from the inputs
            environment TEXT NOT NULL              -- JSON object of the environment facts
          );
          CREATE INDEX analysis_testedAt ON analysis(testedAt, id);
          CREATE TABLE inputFile (
            analysisId INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
            name TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL
          );
          CREATE INDEX inputFile_analysis ON inputFile(analysisId);
          CREATE TABLE sweep (
            id INTEGER PRIMARY KEY,
            analysisId INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
            sweepKey TEXT NOT NULL, title TEXT NOT NULL, variable TEXT NOT NULL,
            maxStable REAL, limitReached INTEGER NOT NULL, knee REAL,
            recommendedLow REAL, recommendedHigh REAL, peakThroughput REAL, throughputMeasure TEXT
          );
          CREATE INDEX sweep_key ON sweep(sweepKey, analysisId);
          CREATE INDEX sweep_analysis ON sweep(analysisId);
          CREATE TABLE level (
            sweepId INTEGER NOT NULL REFERENCES sweep(id) ON DELETE CASCADE,
            value REAL NOT NULL,                   -- concurrency, users or req/s (∞ as 9e999)
            verdict TEXT,
            metrics TEXT NOT NULL                  -- JSON object: metric key → number
          );
          CREATE INDEX level_sweep ON level(sweepId);
          CREATE TABLE finding (
            sweepId INTEGER NOT NULL REFERENCES sweep(id) ON DELETE CASCADE,
            code TEXT NOT NULL, severity TEXT NOT NULL, levels TEXT NOT NULL
          );
          CREATE INDEX finding_sweep ON finding(sweepId);
          PRAGMA user_version = 1;
          """)
    }
    return migrator
  }

  /// The schema version this benchreport writes (the number of migrations).
  static var version: Int { migrator.migrations.count }
}
