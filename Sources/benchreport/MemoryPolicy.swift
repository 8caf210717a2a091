/// glibc malloc settings for a process that allocates and frees arrays of tens of MB.
///
/// By default glibc raises its mmap threshold to the size of the largest block freed so far
/// (up to 32 MB), after which such blocks come from the heap and, once freed, stay in the
/// process's resident memory. A fixed threshold keeps every large array in its own mapping,
/// returned to the system when freed.
enum MemoryPolicy {
  static func apply() {
    #if os(Linux)
      _ = glibcMallopt(mmapThresholdParameter, 1 << 20)
    #endif
  }

  /// Hands the free pages inside malloc's heaps back to the system. After ingest, the
  /// per-row objects of a long Locust history (~90 MB at the benchmark's scale 4, small
  /// blocks in the heap) are free but would otherwise stay resident for the rest of the run.
  static func releaseFreedMemory() {
    #if os(Linux)
      _ = glibcMallocTrim(0)
    #endif
  }

  /// `M_MMAP_THRESHOLD` in glibc's <malloc.h>, which Swift's Glibc module does not import.
  static let mmapThresholdParameter: Int32 = -3
}

#if os(Linux)
  /// glibc's `int mallopt(int param, int value)`.
  @_silgen_name("mallopt")
  private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

  /// glibc's `int malloc_trim(size_t pad)`.
  @_silgen_name("malloc_trim")
  private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
