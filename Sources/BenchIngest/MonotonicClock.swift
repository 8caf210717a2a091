#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds on a monotonic clock, for timings that must not jump with the wall clock, and
/// CPU seconds, which a busy machine does not inflate.
public enum MonotonicClock {
  public static func seconds() -> Double { read(CLOCK_MONOTONIC) }

  /// CPU time of the calling thread.
  public static func threadCPUSeconds() -> Double { read(CLOCK_THREAD_CPUTIME_ID) }

  /// CPU time of the whole process (all threads).
  public static func processCPUSeconds() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }

  private static func read(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
