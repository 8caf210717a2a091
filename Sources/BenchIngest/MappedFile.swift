import CMappedFileGuard

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file's bytes mapped read-only into memory, parsed in place.
///
/// Why not `FileManager.contents(atPath:)`: that copies a file into a `Data` (and the parser
/// wanted a `[UInt8]`, a second copy), so a folder's largest file sat in memory two or three
/// times over. A mapping costs no copy, and ``releaseConsumed(upTo:)`` drops the pages the
/// parser has finished with, so the resident memory of a 500 MB file stays at a few MB.
///
/// A file shortened while it is mapped (vLLM rewrites its result with `open(…, "w")`, which
/// empties it first) would raise SIGBUS on the next page read and kill the process. The
/// mapping is registered with `CMappedFileGuard`, which turns such pages into zeros instead;
/// ``changedSinceMapped`` then tells the caller to discard what was read.
final class MappedFile {
  /// The file's bytes; valid while the object lives.
  let bytes: UnsafeBufferPointer<UInt8>
  private let base: UnsafeMutableRawPointer?
  private var released = 0
  /// Kept open to compare the file's size and modification time at the end of the read.
  private let descriptor: Int32
  private let mapped: stat
  private var guardSlot: Int32 = -1
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Maps the file at `path`, or returns nil when it is not a regular file or cannot be
  /// opened or mapped (the caller then reads it the ordinary way).
  init?(path: String) {
    // O_NONBLOCK: a FIFO put in place of the file after it was listed must not block the open.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
    mapped = status
    let size = Int(status.st_size)
    guard size > 0 else {
      base = nil
      bytes = UnsafeBufferPointer(start: nil, count: 0)
      return
    }
    guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
      close(descriptor)
      return nil
    }
    let slot = benchreport_guard_register(pointer, size)
    guard slot >= 0 else {
      // Without the guard a shortened file would crash the process: read it the ordinary way.
      munmap(pointer, size)
      close(descriptor)
      return nil
    }
    guardSlot = slot
    _ = madvise(pointer, size, MADV_SEQUENTIAL)
    base = pointer
    bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: size)
  }

  /// Whether the file was shortened, rewritten or touched since it was mapped, so the bytes
  /// read may be a mix of two versions (or zeros where pages vanished).
  var changedSinceMapped: Bool {
    if guardSlot >= 0, benchreport_guard_faulted(guardSlot) != 0 { return true }
    var now = stat()
    guard fstat(descriptor, &now) == 0 else { return true }
    #if canImport(Glibc)
      let (before, after) = (mapped.st_mtim, now.st_mtim)
    #else
      let (before, after) = (mapped.st_mtimespec, now.st_mtimespec)
    #endif
    return now.st_size != mapped.st_size || before.tv_sec != after.tv_sec || before.tv_nsec != after.tv_nsec
  }

  /// Drops the resident pages below `offset` (whole pages only). Reading them again later is
  /// still correct: the kernel reads them back from the file.
  func releaseConsumed(upTo offset: Int) {
    guard let base else { return }
    let end = min(offset, bytes.count) / Self.pageSize * Self.pageSize
    guard end > released else { return }
    _ = madvise(base + released, end - released, MADV_DONTNEED)
    released = end
  }

  deinit {
    if guardSlot >= 0 { _ = benchreport_guard_unregister(guardSlot) }
    if let base { munmap(base, bytes.count) }
    close(descriptor)
  }
}
