import BenchModel
import Foundation

/// Finds every input file below the paths a user gave, in a deterministic order, and gives
/// each to its reader (`ReaderRegistry`): the most confident one, from the file's first bytes.
/// The readers plan the read jobs; `ScanPlan.read` runs them on all cores.
public struct InputScanner: Sendable {
  /// File names that configure benchreport rather than hold results.
  public static let configurationFileNames: Set<String> = ["benchreport.yaml", "benchreport.yml"]

  /// Absolute paths never read (the output folder, when it lies inside the input).
  public var excludedPaths: [String]

  /// The readers files are offered to; `ReaderRegistry.readers` unless a test says otherwise.
  public var readers: [any ResultReader] = ReaderRegistry.readers

  public init(excludedPaths: [String] = []) {
    // Compared as real paths: an output folder reached through a symbolic link is still it.
    self.excludedPaths = excludedPaths.map(RealPath.resolve)
  }

  /// Reads every file below `paths` (files or folders, recursively).
  public func scan(_ paths: [String]) -> IngestResult { plan(paths).read() }

  /// Finds every file below `paths` and gives each to its reader, which plans the read jobs;
  /// nothing is read yet but the files' first bytes.
  public func plan(_ paths: [String]) -> ScanPlan {
    var result = IngestResult()
    var files: [(path: String, display: String)] = []
    // Folders reached through symbolic links are followed only inside these: a link to `/`
    // must not turn a results folder into a walk of the whole machine.
    let roots = paths.filter { FileEntry.kind(of: $0, following: true) == .directory }.map(FileEntry.realPath)
    for path in paths {
      switch FileEntry.kind(of: path, following: true) {
      case .missing:
        result.skipped.append(SkippedInput(location: SourceLocation(path: path), kind: .unreadable, reason: "no such file or folder"))
      case .directory:
        var visited: Set<String> = []
        collect(directory: path, displayPrefix: "", roots: roots, visited: &visited, files: &files, result: &result)
      case .regular:
        files.append((path, path))
      case .other(let kind), .symbolicLink(let kind):
        result.skipped.append(Self.notRegular(path, kind: kind))
      }
    }
    let sniffed = files.enumerated().map { index, file in
      var sniffed = SniffedFile(path: file.path, display: file.display, head: Self.head(of: file.path))
      sniffed.scanIndex = index
      return sniffed
    }
    var jobsByReader = [[ReadJob]](repeating: [], count: readers.count)
    for (reader, plan) in assign(sniffed) {
      jobsByReader[reader] += plan.jobs
      result.filesExamined += plan.skipped.count
      result.skipped += plan.skipped
    }
    return ScanPlan(jobs: jobsByReader.flatMap { $0 }, readers: readers, found: result)
  }

  /// Gives every file to its most confident reader (ties: the earlier registry entry); files a
  /// reader declines go on to their next most confident one. Each reader plans its files in
  /// scan order, in registry order, once per round (one round unless a later reader declines
  /// a file an earlier one would take).
  func assign(_ files: [SniffedFile]) -> [(reader: Int, plan: ReadPlan)] {
    // Each file's candidate readers, most confident first.
    let candidates: [[Int]] = files.map { file in
      let scores = readers.map { $0.confidence(for: file) }
      return readers.indices.filter { scores[$0] > .none }.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }
    var next = [Int](repeating: 0, count: files.count)  // index into each file's candidates
    var pending = Set(files.indices)
    var plans: [(reader: Int, plan: ReadPlan)] = []
    while !pending.isEmpty {
      for reader in readers.indices {
        let mine = pending.filter { next[$0] < candidates[$0].count && candidates[$0][next[$0]] == reader }.sorted()
        guard !mine.isEmpty else { continue }
        pending.subtract(mine)
        let plan = readers[reader].plan(mine.map { files[$0] })
        for file in plan.declined {
          let index = file.scanIndex
          next[index] += 1
          pending.insert(index)
        }
        plans.append((reader, plan))
      }
      // A file no reader wants (every registry has a fallback reader, so only a test's).
      for index in pending where next[index] >= candidates[index].count {
        pending.remove(index)
        plans.append(
          (0, ReadPlan(skipped: [SkippedInput(location: SourceLocation(path: files[index].display), kind: .notAResult, reason: "not a benchmark result file")])))
      }
    }
    return plans
  }

  /// The first bytes of a file, from which the readers decide whose it is.
  static func head(of path: String) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: SniffedFile.headSize) else { return nil }
    return [UInt8](data)
  }

  private func collect(
    directory: String, displayPrefix: String, roots: [String], visited: inout Set<String>,
    files: inout [(path: String, display: String)], result: inout IngestResult
  ) {
    let real = RealPath.resolve(directory)
    if excludedPaths.contains(real) { return }
    guard visited.insert(real).inserted else {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: displayPrefix.isEmpty ? directory : displayPrefix), kind: .notAResult, reason: "folder already visited (symbolic link loop)"))
      return
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      result.skipped.append(
        SkippedInput(location: SourceLocation(path: displayPrefix.isEmpty ? directory : displayPrefix), kind: .unreadable, reason: "folder cannot be listed: \(error.localizedDescription)"))
      return
    }
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      let display = displayPrefix.isEmpty ? name : displayPrefix + "/" + name
      if name.hasPrefix(".") { continue }  // .git, .DS_Store: never benchmark output
      var kind = FileEntry.kind(of: path, following: false)
      if case .symbolicLink = kind {
        kind = FileEntry.kind(of: path, following: true)
        if kind == .directory {
          let target = FileEntry.realPath(path)
          guard roots.contains(where: { RealPath.isInside(target, folder: $0) }) else {
            result.skipped.append(
              SkippedInput(
                location: SourceLocation(path: display), kind: .notAResult,
                reason: "symbolic link to a folder outside the input (\(target)); not followed"))
            continue
          }
        }
      }
      switch kind {
      case .missing:
        result.skipped.append(SkippedInput(location: SourceLocation(path: display), kind: .unreadable, reason: "broken symbolic link"))
      case .directory:
        collect(directory: path, displayPrefix: display, roots: roots, visited: &visited, files: &files, result: &result)
      case .regular:
        // benchreport.yaml at the top is read by ConfigurationFile.
        if !(displayPrefix.isEmpty && Self.configurationFileNames.contains(name)) { files.append((path, display)) }
      case .other(let what), .symbolicLink(let what):
        result.skipped.append(Self.notRegular(display, kind: what))
      }
    }
  }

  /// A file shortened or rewritten while it was read (a benchmark still writing it).
  static func changedWhileRead(_ display: String) -> SkippedInput {
    SkippedInput(
      location: SourceLocation(path: display), kind: .unreadable,
      reason: "changed while it was read (shortened or rewritten, e.g. by a benchmark still writing it); run again once it is complete")
  }

  /// A FIFO, socket or device: never opened (a FIFO named `*.json` would block the run forever).
  static func notRegular(_ display: String, kind: String) -> SkippedInput {
    SkippedInput(
      location: SourceLocation(path: display), kind: .notAResult, reason: "not a regular file (\(kind)); not read")
  }
}
