/// Why rendering failed after a valid layout: a Cairo or font problem, or SVG
/// post-processing. Messages say what failed and what to check.
public enum ChartRenderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The spec itself is invalid; see the wrapped error for the series or annotation.
  case invalidSpec(ChartSpecError)
  /// Cairo reported an error status at `stage` (e.g. "creating the PNG surface").
  case cairo(stage: String, status: String)
  /// Pango could not create a font map or context.
  case pango(stage: String)
  /// A fontconfig file could not be read or parsed.
  case fontConfigUnreadable(path: String)
  /// A fontconfig file was read but lists no usable font.
  case noFonts(path: String)
  /// The SVG Cairo wrote (or one passed in) is not well-formed XML.
  case malformedSVG([XMLIssue])
  /// An id prefix that would not make valid XML ids.
  case invalidIDPrefix(String)

  public var description: String {
    switch self {
    case .invalidSpec(let error):
      return error.description
    case .cairo(let stage, let status):
      return "Cairo failed while \(stage): \(status). If this says 'out of memory', check the chart size."
    case .pango(let stage):
      return "Pango failed while \(stage); check that libpango1.0 and fontconfig are installed."
    case .fontConfigUnreadable(let path):
      return "Could not load the fontconfig file \(path): check that it exists and is a valid <fontconfig> XML file."
    case .noFonts(let path):
      return "The fontconfig file \(path) lists no usable fonts; add a <dir> with fonts "
        + "(e.g. /usr/share/fonts/truetype/dejavu from fonts-dejavu-core)."
    case .malformedSVG(let issues):
      let first = issues.prefix(3).map(\.description).joined(separator: "; ")
      return "SVG is not well-formed XML (\(issues.count) problem(s)): \(first)"
    case .invalidIDPrefix(let prefix):
      return "'\(prefix)' cannot prefix SVG ids: use a letter or '_' first, then letters, digits, '-', '_' or '.'."
    }
  }
}
