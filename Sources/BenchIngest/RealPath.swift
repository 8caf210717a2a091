import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Absolute paths with every symbolic link resolved, for comparing where two paths really
/// are: `--out` reached through a link into the input is inside the input, whatever its text.
public enum RealPath {
  /// `path` made absolute and resolved with `realpath`; a part that does not exist yet (an
  /// `--out` folder still to be created) is appended to its deepest existing ancestor, resolved.
  public static func resolve(_ path: String) -> String {
    var absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var missing: [String] = []
    while true {
      if let resolved = realpath(absolute, nil) {
        defer { free(resolved) }
        let base = String(cString: resolved)
        guard !missing.isEmpty else { return base }
        return missing.reversed().reduce(base) { ($0 as NSString).appendingPathComponent($1) }
      }
      let parent = (absolute as NSString).deletingLastPathComponent
      guard parent != absolute, !parent.isEmpty else { return URL(fileURLWithPath: path).standardizedFileURL.path }
      missing.append((absolute as NSString).lastPathComponent)
      absolute = parent
    }
  }

  /// Whether `path` is `folder` or inside it; both already resolved.
  public static func isInside(_ path: String, folder: String) -> Bool {
    path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
  }
}
