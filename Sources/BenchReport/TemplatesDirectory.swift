import Foundation

/// Finds the folder of default templates: `--templates DIR`, then `$BENCHREPORT_TEMPLATES`,
/// then an installed copy (`<prefix>/share/benchreport/templates` beside `<prefix>/bin`), then
/// the `templates/` folder of the source tree the executable was built in.
public enum TemplatesDirectory {
  public static func locate(explicit: String?, executablePath: String) throws(ReportError) -> String {
    // A folder the user named is the only candidate: falling back to the default templates
    // would quietly write a report they did not ask for.
    if let explicit {
      guard isTemplatesFolder(explicit) else { throw .templatesNotFound(searched: [explicit]) }
      return explicit
    }
    var candidates: [String] = []
    if let fromEnvironment = ProcessInfo.processInfo.environment["BENCHREPORT_TEMPLATES"] {
      candidates.append(fromEnvironment)
    }
    let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/benchreport/templates").path)
    for _ in 0..<6 {
      candidates.append(folder.appendingPathComponent("templates").path)
      folder = folder.deletingLastPathComponent()
    }
    for candidate in candidates where isTemplatesFolder(candidate) { return candidate }
    throw .templatesNotFound(searched: candidates)
  }

  static func isTemplatesFolder(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("strings/en.json"))
  }
}
