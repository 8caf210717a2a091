import BenchIngest

/// glibc malloc settings for a process that allocates and frees arrays of tens of MB.
///
/// By default glibc raises its mmap threshold to the size of the largest block freed so far
/// (up to 32 MB), after which such blocks come from the heap and, once freed, stay in the
/// process's resident memory. A fixed threshold keeps every large array in its own mapping,
/// returned to the system when freed.
public enum MemoryPolicy {
  public static func apply() {
    #if os(Linux)
      _ = glibcMallopt(mmapThresholdParameter, 1 << 20)
    #endif
  }

  /// Hands the free pages inside malloc's heaps back to the system (see FreedMemory).
  public static func releaseFreedMemory() {
    FreedMemory.release()
  }

  /// `M_MMAP_THRESHOLD` in glibc's <malloc.h>, which Swift's Glibc module does not import.
  static let mmapThresholdParameter: Int32 = -3
}

#if os(Linux)
  /// glibc's `int mallopt(int param, int value)`.
  @_silgen_name("mallopt")
  private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

#endif
