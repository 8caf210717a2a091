import BenchModel

/// Applies ``InputText/clean(_:limit:keepsLineBreaks:)`` to every string a reader took from
/// an input file, once, after reading and before grouping — so no reader can forget it and
/// nothing after ingest (sweep titles, charts, templates, the terminal) sees a raw control
/// character or a megabyte-long name.
enum InputTextCleaner {
  static func clean(_ result: inout IngestResult) {
    for index in result.runs.indices { clean(&result.runs[index]) }
    for index in result.skipped.indices {
      result.skipped[index].location.path = InputText.clean(result.skipped[index].location.path, limit: 1024)
      result.skipped[index].reason = InputText.clean(result.skipped[index].reason, limit: InputText.messageLimit)
    }
  }

  static func clean(_ run: inout Run) {
    run.source.path = InputText.clean(run.source.path, limit: 1024)
    run.model = InputText.clean(optional: run.model)
    run.tokenizer = InputText.clean(optional: run.tokenizer)
    run.backend = InputText.clean(optional: run.backend)
    run.endpointType = InputText.clean(optional: run.endpointType)
    run.label = InputText.clean(optional: run.label)
    run.dataset = InputText.clean(optional: run.dataset)
    run.date = InputText.clean(optional: run.date)
    run.task = InputText.clean(optional: run.task)
    if run.metadata.contains(where: { InputText.clean($0.key) != $0.key || InputText.clean($0.value) != $0.value }) {
      var metadata: [String: String] = [:]
      for (key, value) in run.metadata { metadata[InputText.clean(key)] = InputText.clean(value) }
      run.metadata = metadata
    }
    run.inputFiles = run.inputFiles.map { InputText.clean($0, limit: 1024) }
    run.notes = run.notes.map { InputText.clean($0, limit: InputText.messageLimit) }
    for index in run.failureRecords.indices {
      run.failureRecords[index].method = InputText.clean(optional: run.failureRecords[index].method)
      run.failureRecords[index].name = InputText.clean(run.failureRecords[index].name)
      run.failureRecords[index].error = InputText.clean(
        run.failureRecords[index].error, limit: InputText.messageLimit, keepsLineBreaks: true)
      run.failureRecords[index].firstSeen = InputText.clean(optional: run.failureRecords[index].firstSeen)
      run.failureRecords[index].lastSeen = InputText.clean(optional: run.failureRecords[index].lastSeen)
    }
    for index in run.exceptionRecords.indices {
      run.exceptionRecords[index].message = InputText.clean(
        run.exceptionRecords[index].message, limit: InputText.messageLimit, keepsLineBreaks: true)
      run.exceptionRecords[index].location = InputText.clean(optional: run.exceptionRecords[index].location, limit: InputText.messageLimit)
      run.exceptionRecords[index].nodes = InputText.clean(optional: run.exceptionRecords[index].nodes, limit: InputText.messageLimit)
    }
    if let samples = run.samples, !samples.errorCounts.isEmpty {
      run.samples?.errorCounts = samples.errorCounts.map {
        ErrorCount(message: InputText.clean($0.message, limit: InputText.messageLimit), count: $0.count)
      }
    }
  }
}
