/// The documents `analyze` can write. Markdown, HTML and the PR comment come from Mustache
/// templates (one template set for every language); JSON from `AnalysisJSONWriter`.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// `report.md`, the weekly report.
  case markdown = "md"
  /// `report.html`, the weekly report as one self-contained XHTML file (inline SVG charts).
  case html
  /// `analysis.json`, the machine-readable analysis.
  case json
  /// `pr-comment.md`, a compact pull-request comment.
  case prComment = "pr"

  /// Written when `--format` is not given; the PR comment is asked for explicitly (CI).
  public static let defaults: [ReportFormat] = [.markdown, .html, .json]

  /// Accepts the `--format` spellings: `md`/`markdown`, `html`, `json`, `pr`/`pr-comment`.
  public init?(argument: String) {
    switch argument.lowercased() {
    case "md", "markdown": self = .markdown
    case "html": self = .html
    case "json": self = .json
    case "pr", "pr-comment": self = .prComment
    default: return nil
    }
  }

  /// The file written into `--out`.
  public var fileName: String {
    switch self {
    case .markdown: "report.md"
    case .html: "report.html"
    case .json: "analysis.json"
    case .prComment: "pr-comment.md"
    }
  }

  /// The template in the templates folder; nil for JSON, which has a fixed schema.
  public var defaultTemplate: String? {
    switch self {
    case .markdown: "weekly.md"
    case .html: "weekly.html"
    case .json: nil
    case .prComment: "pr-comment.md"
    }
  }

  /// The file `compare` writes into `--out`.
  public var comparisonFileName: String {
    switch self {
    case .markdown: "compare.md"
    case .html: "compare.html"
    case .json: "comparison.json"
    case .prComment: "compare-pr.md"
    }
  }

  /// The comparison template in the templates folder; nil for JSON.
  public var comparisonTemplate: String? {
    switch self {
    case .markdown: "compare.md"
    case .html: "compare.html"
    case .json: nil
    case .prComment: "compare-pr.md"
    }
  }

  /// How text from input files is escaped in the view model for this format.
  public var escaping: TextEscaping {
    switch self {
    case .markdown, .prComment: .markdown
    case .html: .html
    case .json: .none
    }
  }

  /// The template engine's escaping for this format.
  public var templateMode: TemplateRenderer.Mode {
    self == .html ? .html : .text
  }
}
