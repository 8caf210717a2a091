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
/// (The file must not be truncated while it is mapped; result files are written once.)
final class MappedFile {
  /// The file's bytes; valid while the object lives.
  let bytes: UnsafeBufferPointer<UInt8>
  private let base: UnsafeMutableRawPointer?
  private var released = 0
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Maps the file at `path`, or returns nil when it is not a regular file or cannot be
  /// opened or mapped (the caller then reads it the ordinary way).
  init?(path: String) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(status.st_size)
    guard size > 0 else {
      base = nil
      bytes = UnsafeBufferPointer(start: nil, count: 0)
      return
    }
    guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
      return nil
    }
    _ = madvise(pointer, size, MADV_SEQUENTIAL)
    base = pointer
    bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: size)
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
    if let base { munmap(base, bytes.count) }
  }
}
