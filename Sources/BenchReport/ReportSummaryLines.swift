import BenchAnalysis

/// One-line statements per sweep for terminals and PR comments, in the catalogue's language.
public enum ReportSummaryLines {
  public struct Lines: Sendable {
    public var title: String
    public var knee: String
    public var decision: String
    /// Warning and critical findings, one sentence each.
    public var findings: [String]
  }

  public static func lines(for input: ReportInput, strings: StringsCatalogue) -> [Lines] {
    input.analyses.map { analysis in
      let narrator = SweepNarrator(analysis: analysis, strings: strings)
      return Lines(
        title: SweepDescription.title(of: analysis.sweep.identity), knee: narrator.kneeSentence,
        decision: narrator.decisionSentence,
        findings: analysis.findings.filter { $0.severity >= .warning }.map { narrator.text(of: $0) })
    }
  }
}
