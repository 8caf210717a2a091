import BenchModel
import Testing

@testable import BenchCharts

struct LoadTimelineChartBuilderTests {
  static let labels = ChartLabels { key in key == "chart_step" ? "{users} users" : key }

  /// One point per second for `seconds`, users stepping up by one every `stepLength` seconds
  /// for `steps` steps, then holding.
  static func timeline(seconds: Int, steps: Int, stepLength: Int) -> LoadTimeline {
    let points = (0..<seconds).map { second in
      LoadTimelinePoint(
        timestamp: 1_000_000 + Double(second), users: min(second / stepLength + 1, steps), requestsPerSecond: 1,
        p50Milliseconds: 100, p95Milliseconds: 200)
    }
    let starts = (0..<steps).map { Double($0 * stepLength) }
    return LoadTimeline(id: "run", source: "run_stats_history.csv", points: points, stepStarts: starts)
  }

  static func markers(_ timeline: LoadTimeline) -> [(x: Double, label: String)] {
    LoadTimelineChartBuilder(timeline: timeline, labels: labels, subtitle: nil).stepMarkers.compactMap {
      if case .verticalMarker(let x, let label) = $0 { return (x, label) }
      return nil
    }
  }

  @Test func everyStepIsMarkedWhenTheyAreFarApart() {
    let markers = Self.markers(Self.timeline(seconds: 600, steps: 5, stepLength: 120))
    #expect(markers.map(\.x) == [0, 120, 240, 360, 480])
    #expect(markers.map(\.label) == ["1 users", "2 users", "3 users", "4 users", "5 users"])
  }

  /// A day-long soak that ramps up 200 steps of 30 s in its first 100 minutes: a step is
  /// 1/2880 of the axis, so only steps at least 1/30 of the axis apart are marked.
  @Test func crowdedStepsAreThinned() {
    let markers = Self.markers(Self.timeline(seconds: 86_400, steps: 200, stepLength: 30))
    let spacing = 86_399.0 / 30
    #expect(markers.count == 3)
    #expect(markers.first?.x == 0)
    #expect(markers.first?.label == "1 users")
    for (a, b) in zip(markers, markers.dropFirst()) { #expect(b.x - a.x >= spacing) }
    // Each marked step keeps its own user count.
    for marker in markers { #expect(marker.label == "\(Int(marker.x) / 30 + 1) users") }
  }
}
