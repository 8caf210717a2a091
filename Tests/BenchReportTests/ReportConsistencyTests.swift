// Every sentence kind checked against its numbers, on every sample and real run: the report, the
// PR comment and the terminal summary say the same thing, "only" never describes a change of 2×
// or more, and a sweep whose limit was not reached never calls a level unstable.

import BenchAnalysis
import BenchIngest
import BenchModel
import Foundation
import Testing

@testable import BenchReport

struct ReportConsistencyTests {
  static let folders: [String] = {
    let root = RealRunVerdictTests.root
    let samples = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path)) ?? []
    let runs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/RealRuns").path)) ?? []
    return (samples.filter { $0 != "README.md" && $0 != "compare" }.map { "samples/" + $0 } + runs.map { "Tests/RealRuns/" + $0 }).sorted()
  }()

  @Test(arguments: folders)
  func sentencesAgreeWithTheirNumbers(_ folder: String) throws {
    let analyses = RealRunVerdictTests.analyses(folder)
    #expect(!analyses.isEmpty, "\(folder): no sweep")
    for language in ReportLanguage.allCases {
      let strings = try VerdictSampleTests.strings(language)
      let input = ReportInput(analyses: analyses, skipped: [], filesExamined: 0, environment: EnvironmentFacts())
      let context = ReportContextBuilder(strings: strings).build(input)
      let summaries = ReportSummaryLines.lines(for: input, strings: strings)
      for (index, analysis) in analyses.enumerated() {
        let section = context.sweeps[index]
        let narrator = SweepNarrator(analysis: analysis, strings: strings)
        // The terminal and the report give the same decision.
        #expect(summaries[index].decision == narrator.decisionSentence)
        #expect(section.maxStableText == narrator.maxStableSentence)
        // The headline numbers are the ones the sentences state.
        if let maxStable = analysis.stability.maxStable {
          #expect(section.maxStableText.contains(narrator.levelText(maxStable)), "\(folder): \(section.maxStableText)")
        }
        if analysis.recommendation != nil {
          #expect(section.recommendationText.contains(section.recommendedValue), "\(folder): \(section.recommendationText)")
        }
        if section.kneeValue != NumberFormatting.missing {
          let level = section.kneeValue.split(separator: " (").first.map(String.init) ?? section.kneeValue
          #expect(section.kneeText.contains(level), "\(folder): knee \(section.kneeValue) vs \(section.kneeText)")
        }
        // No level is called unstable when no level ended the walk.
        if analysis.stability.firstUnstable == nil {
          #expect(!section.maxStableText.contains(strings["kind_unstable"]), "\(folder): \(section.maxStableText)")
          #expect(!section.summaryRows.contains { $0.isUnstable })
        }
        // "only" (English) never describes a change of 2× or more.
        if language == .en {
          for sentence in section.conclusions + section.findings.map(\.text) + [section.maxStableText] {
            for match in sentence.matches(of: /only (?:from )?([0-9.,]+) ?(?:ms)? to ([0-9.,]+)/) {
              let from = Double(match.1.replacingOccurrences(of: ",", with: "")) ?? 0
              let to = Double(match.2.replacingOccurrences(of: ",", with: "")) ?? 0
              #expect(from <= 0 || to / from < 2, "\(folder): \(sentence)")
            }
          }
        }
        // Every finding names its numbers: no placeholder is left unfilled.
        for text in section.findings.map(\.text) + section.conclusions + [section.bottleneck] {
          #expect(text.firstMatch(of: /\{[a-zA-Z]+\}/) == nil, "\(folder): \(text)")
        }
      }
    }
  }
}
