/// The Locust outputs of one run, found by their common prefix in one folder
/// (`--csv out/u8 --json-file out/u8 --html out/u8.html` → `out/u8_stats.csv`, `out/u8.json`,
/// `out/u8.html`, …). Each file's kind was decided from its content; only the grouping uses
/// names, because nothing inside the files links them.
struct LocustRunSet: Sendable {
  /// One classified file.
  struct File: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
      case csv(LocustCSVKind)
      case json
      case html
    }

    /// Path to read.
    var path: String
    /// Path shown to the user (relative to the analysed folder).
    var display: String
    var kind: Kind
  }

  /// Display path without the Locust suffix (`sweep/u8`).
  var prefix: String
  var files: [File] = []

  func file(_ match: (File.Kind) -> Bool) -> File? { files.first { match($0.kind) } }

  var stats: File? { file { if case .csv(.stats) = $0 { true } else { false } } }
  var requests: File? { file { $0 == .csv(.requests) } }
  var distribution: File? { file { $0 == .csv(.distribution) } }
  var history: File? { file { if case .csv(.history) = $0 { true } else { false } } }
  var failures: File? { file { if case .csv(.failures) = $0 { true } else { false } } }
  var exceptions: File? { file { $0 == .csv(.exceptions) } }
  var json: File? { file { $0 == .json } }
  var html: File? { file { $0 == .html } }

  /// The folder part of the prefix ("" at the top).
  var folder: String {
    guard let slash = prefix.lastIndex(of: "/") else { return "" }
    return String(prefix[..<slash])
  }

  /// The file-name part of the prefix (`u8`; `""` for `--csv ""`).
  var baseName: String {
    guard let slash = prefix.lastIndex(of: "/") else { return prefix }
    return String(prefix[prefix.index(after: slash)...])
  }

  /// Suffixes Locust (and its web UI downloads) append to the prefix, longest first.
  static let suffixes = [
    "_requests_full_history.csv", "_stats_history.csv", "_distribution.csv", "_exceptions.csv", "_failures.csv",
    "_requests.csv", "_stats.csv", ".json", ".html", ".htm",
  ]

  /// `sweep/u8_stats_history.csv` → `sweep/u8`; a name without a Locust suffix keeps its
  /// extension-less name.
  static func prefix(of display: String) -> String {
    let lowered = display.lowercased()
    for suffix in suffixes where lowered.hasSuffix(suffix) {
      return String(display.dropLast(suffix.count))
    }
    if let dot = display.lastIndex(of: "."), !display[dot...].contains("/") { return String(display[..<dot]) }
    return display
  }

  /// Groups classified files into run sets, in prefix order.
  static func group(_ files: [File]) -> [LocustRunSet] {
    var sets: [String: LocustRunSet] = [:]
    for file in files {
      let key = prefix(of: file.display)
      sets[key, default: LocustRunSet(prefix: key)].files.append(file)
    }
    return sets.keys.sorted().map { sets[$0]! }
  }
}
