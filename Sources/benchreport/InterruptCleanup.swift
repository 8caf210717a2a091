import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the staging folder (and with it every temporary file) when the run is stopped
/// with Ctrl-C (SIGINT), SIGTERM or SIGHUP, and holds such a signal off while the output set
/// is being swapped in, so a stop never leaves old and new files mixed.
///
/// How: the three signals are blocked in every thread (installed first thing in `main`, so
/// all threads created later inherit the mask) and one thread takes them with `sigwait`.
/// That thread runs ordinary code — it can remove folders, which a signal handler cannot —
/// under the same lock the swap holds, then exits with 128 + the signal number, as the
/// default action would have.
enum InterruptCleanup {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: [String] = []
  private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  static func install() {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in signals { sigaddset(&set, signal) }
    guard pthread_sigmask(SIG_BLOCK, &set, nil) == 0 else { return }
    let blocked = set
    let waiter = Thread {
      var waitedFor = blocked
      var received: Int32 = 0
      while sigwait(&waitedFor, &received) != 0 {}
      lock.lock()
      for path in paths { try? FileManager.default.removeItem(atPath: path) }
      FileHandle.standardError.write(Data("benchreport: stopped; the previous report was left as it was\n".utf8))
      _exit(128 + received)
    }
    waiter.start()
  }

  /// Removes `path` if the run is stopped before `forget(path)`.
  static func remember(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    paths.append(path)
  }

  static func forget(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    paths.removeAll { $0 == path }
  }

  /// Runs `body` with stop signals held off until it returns.
  static func deferringSignals<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
