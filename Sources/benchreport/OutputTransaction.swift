import BenchIngest
import BenchReport
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a report's files as one set: into a staging folder next to `--out`, then swapped in.
///
/// - Every file is written to the staging folder first. A full disk, a chart or template
///   error, or Ctrl-C at that stage (see `InterruptCleanup`) removes the staging folder and
///   leaves `--out` exactly as it was.
/// - `commit()` then takes an exclusive lock on `--out` (`flock` on the folder: a second run
///   into the same `--out` waits for the first), and moves the new files in with `rename`,
///   which needs no space and replaces each file atomically; `charts/` is exchanged as a
///   whole (`renameat2(RENAME_EXCHANGE)` on Linux), so no old chart stays beside the new
///   ones. Stop signals are held off for these few renames. Files in `--out` that the new set
///   does not contain (another format, an `en/` report inside) are left as they are.
/// - Staging folders left by a killed (SIGKILL) run are removed by the next one.
final class OutputTransaction {
  let destination: String
  let staging: String
  private(set) var committed = false
  private var stagingLock: Int32 = -1

  /// Creates the staging folder next to `destination` (or inside it, when its parent cannot
  /// be written to but it can).
  init(destination: String) throws {
    self.destination = destination
    let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
    let parent = (absolute as NSString).deletingLastPathComponent
    let name = (absolute as NSString).lastPathComponent
    let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let candidates = [
      (parent as NSString).appendingPathComponent(".\(name)\(Self.stagingMarker)\(unique)"),
      (absolute as NSString).appendingPathComponent("\(Self.stagingMarker.dropFirst())\(unique)"),
    ]
    var firstError: Error?
    for candidate in candidates {
      do {
        try FileManager.default.createDirectory(
          atPath: (candidate as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: candidate, withIntermediateDirectories: false)
        staging = candidate
        InterruptCleanup.remember(candidate)
        // Held while this run lives, so another run can tell a live staging folder from one
        // a killed run left behind.
        stagingLock = open(candidate, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        if stagingLock >= 0 { _ = flock(stagingLock, LOCK_SH) }
        return
      } catch {
        firstError = firstError ?? error
      }
    }
    throw ReportError.cannotWrite(
      path: destination, message: "cannot create a staging folder next to it: \(firstError?.localizedDescription ?? "unknown error")")
  }

  static let stagingMarker = ".benchreport-staging-"

  /// A writer into the staging folder that reports the final paths.
  var writer: OutputWriter { OutputWriter(directory: destination, stagingDirectory: staging) }

  /// Moves the staged files into `destination`; see the type's documentation.
  func commit() throws {
    do {
      try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
    } catch {
      throw ReportError.cannotWrite(path: destination, message: error.localizedDescription)
    }
    let lockDescriptor = try lock()
    defer { close(lockDescriptor) }
    removeAbandonedStagingFolders()
    guard access(destination, W_OK) == 0 else {
      throw ReportError.cannotWrite(path: destination, message: String(cString: strerror(errno)))
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []).filter {
      !$0.hasPrefix(".")  // Foundation's temporary files of an atomic write, if any were left
    }.sorted()
    try InterruptCleanup.deferringSignals {
      // Folders (charts/) first: their exchange is the step that can fail on an odd file system.
      for name in names.sorted(by: { isFolder($0) && !isFolder($1) }) {
        let from = (staging as NSString).appendingPathComponent(name)
        let to = (destination as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: to, isDirectory: &isDirectory)
        if isFolder(name), exists, isDirectory.boolValue {
          try exchange(from, to)
        } else {
          guard rename(from, to) == 0 else {
            throw ReportError.cannotWrite(path: to, message: String(cString: strerror(errno)))
          }
        }
      }
      committed = true
    }
    abort()  // removes the staging folder, which now holds the replaced charts
  }

  /// Removes the staging folder (everything written so far); `--out` is untouched.
  func abort() {
    try? FileManager.default.removeItem(atPath: staging)
    InterruptCleanup.forget(staging)
    if stagingLock >= 0 {
      close(stagingLock)
      stagingLock = -1
    }
  }

  private func isFolder(_ name: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: (staging as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// An exclusive `flock` on the destination folder, waited for with a message.
  private func lock() throws -> Int32 {
    let descriptor = open(destination, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
    guard descriptor >= 0 else {
      throw ReportError.cannotWrite(path: destination, message: String(cString: strerror(errno)))
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      FileHandle.standardError.write(Data("benchreport: waiting for another benchreport writing to \(destination)\n".utf8))
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }
    return descriptor
  }

  /// Staging folders of runs that were killed (SIGKILL, power loss) before they could remove
  /// them: a live run holds a shared lock on its staging folder, so one that can be locked
  /// exclusively is abandoned.
  private func removeAbandonedStagingFolders() {
    let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
    let parent = (absolute as NSString).deletingLastPathComponent
    let prefix = ".\((absolute as NSString).lastPathComponent)\(Self.stagingMarker)"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
    for name in names where name.hasPrefix(prefix) {
      let path = (parent as NSString).appendingPathComponent(name)
      guard path != staging else { continue }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { try? FileManager.default.removeItem(atPath: path) }
    }
  }

  /// Swaps two folders atomically where the system can (Linux `renameat2` with
  /// `RENAME_EXCHANGE`), else in two renames.
  private func exchange(_ staged: String, _ current: String) throws {
    if let renameat2 = Self.renameat2, renameat2(AT_FDCWD, staged, AT_FDCWD, current, 2 /* RENAME_EXCHANGE */) == 0 {
      return
    }
    let aside = staged + ".replaced"
    guard rename(current, aside) == 0 else {
      throw ReportError.cannotWrite(path: current, message: String(cString: strerror(errno)))
    }
    guard rename(staged, current) == 0 else {
      let message = String(cString: strerror(errno))
      _ = rename(aside, current)
      throw ReportError.cannotWrite(path: current, message: message)
    }
  }

  private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
  /// glibc's `renameat2` (2.28+), looked up at run time: Swift's Glibc module does not import it.
  nonisolated(unsafe) private static let renameat2: RenameAt2? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()
}
