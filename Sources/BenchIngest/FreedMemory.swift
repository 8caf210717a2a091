/// Hands the free pages inside malloc's heaps back to the system (glibc `malloc_trim`).
///
/// Why: after a large read (a Locust history's per-row objects are small blocks in the heap),
/// the freed memory would otherwise stay resident for the rest of the run.
public enum FreedMemory {
  public static func release() {
    #if os(Linux)
      _ = glibcMallocTrim(0)
    #endif
  }
}

#if os(Linux)
  /// glibc's `int malloc_trim(size_t pad)`.
  @_silgen_name("malloc_trim")
  private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
