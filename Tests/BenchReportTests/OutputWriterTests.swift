import BenchReport
import Foundation
import Testing

@Suite struct OutputWriterTests {
  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("benchreport-writer-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func writesNestedFilesAndReplacesOldOnes() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let writer = OutputWriter(directory: folder)
    let path = try writer.write("first", to: "charts/a.svg")
    try writer.write("second", to: "charts/a.svg")
    #expect(path == folder + "/charts/a.svg")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    // Atomic writes leave no temporary files behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/charts") == ["a.svg"])
  }

  @Test(arguments: ["../escape.md", "charts/../../escape.md", "/tmp/escape.md", "", "charts//a.svg"])
  func refusesNamesThatLeaveTheOutputFolder(_ name: String) throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(throws: ReportError.self) { try OutputWriter(directory: folder).write("x", to: name) }
  }
}
