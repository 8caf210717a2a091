import Foundation
import Testing

@testable import BenchIngest

/// The streaming CSV reader against Python's `csv` module (the writer Locust uses) on every real
/// Locust CSV in `Fixtures/locust/` (`csv-reference.json`, written by `csv_reference.py`), and on
/// small synthetic inputs for each edge case of formats/locust.md §8.
@Suite struct CSVRecordReaderTests {
  struct Reference {
    var encoding: String
    var records: Int
    var fieldCounts: [Int]
    var header: [String]
    var last: [String]
  }

  static func references() throws -> [String: Reference] {
    let url = TestFixtures.root.appendingPathComponent("locust/csv-reference.json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: Any]])
    return object.mapValues {
      Reference(
        encoding: $0["encoding"] as! String, records: $0["records"] as! Int, fieldCounts: $0["fieldCounts"] as! [Int],
        header: $0["header"] as! [String], last: $0["last"] as! [String])
    }
  }

  @Test func everyLocustSampleParsesAsPythonCSVDoes() throws {
    let references = try Self.references()
    #expect(references.count == 46)
    for (relative, reference) in references {
      let path = TestFixtures.root.appendingPathComponent("locust/\(relative)").path
      var reader = try CSVRecordReader(path: path)
      let records = try reader.readAll()
      #expect(records.count == reference.records, "\(relative)")
      #expect(Set(records.map(\.fields.count)).sorted() == reference.fieldCounts, "\(relative)")
      #expect(records.first?.fields == reference.header, "\(relative)")
      #expect(records.last?.fields == reference.last, "\(relative)")
      #expect(reader.encoding.rawValue == reference.encoding, "\(relative)")
      #expect(!reader.endedInsideQuotes, "\(relative)")
    }
  }

  @Test func streamsAcrossChunkBoundaries() throws {
    // A field that straddles the 64 KiB chunk edge, with a doubled quote right at it.
    let padding = String(repeating: "x", count: CSVRecordReader.chunkSize - 8)
    let text = "a,b\r\n\(padding),\"q\"\"uote, with comma\"\r\nlast,row"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-chunk-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var reader = try CSVRecordReader(path: url.path)
    let records = try reader.readAll()
    #expect(records.map(\.fields) == [["a", "b"], [padding, "q\"uote, with comma"], ["last", "row"]])
    #expect(records.map(\.line) == [1, 2, 3])
  }

  @Test func bomLineEndsAndQuotedNewlines() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Name,Error\r\r\nqwen2,\"line one\r\nline two\"\r\n\r\n对话,\"\"\n".utf8)
    var reader = CSVRecordReader(bytes: bytes)
    let records = try reader.readAll()
    #expect(records.map(\.fields) == [["Name", "Error"], ["qwen2", "line one\nline two"], ["对话", ""]])
    #expect(records.map(\.line) == [1, 2, 5])
  }

  @Test func unescapedInnerQuotesOfLocust0xAreKept() throws {
    // Locust 0.x hand-quoting: "%s" around a name that itself contains quotes.
    var reader = CSVRecordReader(bytes: Array("\"GET\",\"/say \"hi\" now\",12\n".utf8))
    let records = try reader.readAll()
    #expect(records.map(\.fields) == [["GET", "/say \"hi\" now", "12"]])
    #expect(reader.repairedQuotes == 2)
  }

  @Test func truncatedQuotedFieldIsReported() throws {
    var reader = CSVRecordReader(bytes: Array("a,b\n1,\"cut off".utf8))
    let records = try reader.readAll()
    #expect(records.last?.fields == ["1", "cut off"])
    #expect(reader.endedInsideQuotes)
  }

  @Test func emptyTrailingFieldsAndNoFinalNewline() throws {
    var reader = CSVRecordReader(bytes: Array("a,,\n,\nx".utf8))
    #expect(try reader.readAll().map(\.fields) == [["a", "", ""], ["", ""], ["x"]])
  }
}
