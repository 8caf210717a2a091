import BenchModel

/// The failures and exceptions a sweep's load-generator runs recorded, each run set once: the
/// steps of a step-load run (and the per-task runs of one file set) share one list, which must
/// not be repeated per level.
enum SweepFailures {
  struct Entry<Record: Sendable>: Sendable {
    /// The run's primary file.
    var file: String
    /// The run's level, or nil for a list shared by several steps.
    var level: LoadLevel?
    var record: Record
  }

  static func failures(of sweep: Sweep) -> [Entry<FailureRecord>] {
    // The "N more" records of cut tables come last, whatever their totals.
    collect(sweep) { $0.failureRecords }.sorted { lhs, rhs in
      if lhs.record.isRemainder != rhs.record.isRemainder { return rhs.record.isRemainder }
      if lhs.record.occurrences != rhs.record.occurrences { return lhs.record.occurrences > rhs.record.occurrences }
      return (lhs.file, lhs.record.name, lhs.record.error) < (rhs.file, rhs.record.name, rhs.record.error)
    }
  }

  static func exceptions(of sweep: Sweep) -> [Entry<ExceptionRecord>] {
    collect(sweep) { $0.exceptionRecords }.sorted {
      $0.record.isRemainder != $1.record.isRemainder
        ? $1.record.isRemainder : ($0.record.count, $1.file) > ($1.record.count, $0.file)
    }
  }

  static func collect<Record>(_ sweep: Sweep, _ records: (Run) -> [Record]) -> [Entry<Record>] {
    var seen: Set<String> = []
    var entries: [Entry<Record>] = []
    for level in sweep.levels {
      for run in level.runs where seen.insert(run.source.path).inserted {
        let shared = run.plateau != nil
        entries += records(run).map { Entry(file: run.source.path, level: shared ? nil : level.level, record: $0) }
      }
    }
    return entries
  }
}
