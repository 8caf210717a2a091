import BenchModel

/// The files found below the inputs, each given to its reader, as read jobs not yet run.
public struct ScanPlan: Sendable {
  /// In merge order: the jobs of each reader in registry order, each reader's in its order.
  public var jobs: [ReadJob]
  let readers: [any ResultReader]
  /// What the search and the readers' planning already found: folders that could not be
  /// listed, links not followed, files recognised and not read.
  var found: IngestResult

  init(jobs: [ReadJob], readers: [any ResultReader], found: IngestResult) {
    self.jobs = jobs
    self.readers = readers
    self.found = found
  }

  /// Runs every job on all cores and merges the results in job order, so the output does not
  /// depend on the scheduling. Jobs start largest first (Locust sets, the slowest per byte,
  /// then files by size): that keeps both cores busy to the end, and the largest files'
  /// samples come first, while little else is held — a day-long Locust history holds ~90 MB
  /// of rows while it is assembled, which next to every file's samples would set the peak
  /// memory. Two jobs at a time on two cores, so memory stays bounded.
  ///
  /// - Parameter finishing: run on each job's result on the thread that read it, while other
  ///   jobs are still being read (the pipeline summarises the runs' latency there). Not
  ///   counted in the per-format read timings.
  public func read(finishing: (@Sendable (inout IngestResult) -> Void)? = nil) -> IngestResult {
    var result = found
    let jobs = self.jobs
    let sizes = jobs.map(\.startOrderSize)
    let order = jobs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    let finished = ParallelMap.map(order) { index in
      var jobResult = jobs[index].read()
      finishing?(&jobResult)
      return jobResult
    }
    var results = [IngestResult?](repeating: nil, count: jobs.count)
    for (position, index) in order.enumerated() { results[index] = finished[position] }
    for jobResult in results { result.merge(jobResult!) }
    result.metrics.sortByTime()
    for reader in readers { reader.reconcile(&result) }
    InputTextCleaner.clean(&result)
    result.skipped.sort()
    return result
  }
}
