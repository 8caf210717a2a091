#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a path in an input folder is, from `stat`/`lstat` — asked before anything opens it,
/// because opening a FIFO blocks until someone writes to it.
enum FileEntry: Equatable {
  case missing
  case directory
  case regular
  /// A symbolic link (only when asked not to follow links); the payload names what it is.
  case symbolicLink(String)
  /// A FIFO, socket or device; the payload names which.
  case other(String)

  static func kind(of path: String, following: Bool) -> FileEntry {
    var status = stat()
    guard (following ? stat(path, &status) : lstat(path, &status)) == 0 else { return .missing }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .regular
    case S_IFLNK: return .symbolicLink("symbolic link")
    case S_IFIFO: return .other("FIFO")
    case S_IFSOCK: return .other("socket")
    case S_IFCHR: return .other("character device")
    case S_IFBLK: return .other("block device")
    default: return .other("special file")
    }
  }

  /// The path with every symbolic link resolved.
  static func realPath(_ path: String) -> String { RealPath.resolve(path) }
}
