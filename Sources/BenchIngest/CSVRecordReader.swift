import Foundation

/// A streaming RFC 4180 reader: one record at a time from a file read in 64 KiB chunks, so a
/// multi-gigabyte Locust history is parsed in bounded memory.
///
/// Beyond RFC 4180 it accepts what real load-test CSVs contain (`formats/locust.md` §8): a UTF-8
/// BOM, LF / CRLF / CR CR LF (Windows text mode over `csv.writer`) record ends, CRLF records
/// with LF inside quoted tracebacks, the unescaped inner quotes of Locust 0.x hand-quoting
/// (kept as literal quotes and counted in `repairedQuotes`), a missing final newline, and a
/// last record cut off inside quotes (`endedInsideQuotes`). Text is UTF-8; a file that is not
/// valid UTF-8 is decoded as GB18030 (the Chinese Windows code page Python writes with) and
/// `encoding` says so. Blank lines are skipped.
public struct CSVRecordReader {
  /// One record: its fields and the 1-based line it starts on.
  public struct Record: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
  }

  /// One record whose cells are kept as bytes, filled by `next(into:)` and reused from record
  /// to record. Cells are read as bytes with `withCells` or as text with `string(_:)`.
  public struct RawRecord {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// Every cell as `next()` decodes it, when the record is not plain ASCII; else nil.
    var decoded: [String]?
    /// The 1-based line the record starts on.
    public internal(set) var line = 0

    public init() {}

    /// Number of cells.
    public var count: Int { ends.count }

    /// True when the cells' bytes are their text (plain ASCII, nothing decoded).
    public var isASCII: Bool { decoded == nil }

    /// Cell `index` as `next()` would return it.
    public func string(_ index: Int) -> String {
      if let decoded { return decoded[index] }
      return withCells { String(decoding: $0[index], as: UTF8.self) }
    }

    /// Calls `body` with the record's cells as UTF-8 bytes (one buffer access for the
    /// whole record rather than one per cell).
    public func withCells<Result>(_ body: (Cells) -> Result) -> Result {
      guard let decoded else {
        return bytes.withUnsafeBufferPointer { bytes in ends.withUnsafeBufferPointer { body(Cells(bytes: bytes, ends: $0)) } }
      }
      var utf8: [UInt8] = []
      var decodedEnds: [Int] = []
      for text in decoded {
        utf8 += text.utf8
        decodedEnds.append(utf8.count)
      }
      return utf8.withUnsafeBufferPointer { bytes in decodedEnds.withUnsafeBufferPointer { body(Cells(bytes: bytes, ends: $0)) } }
    }

    /// A record's cells, valid inside `withCells`.
    public struct Cells {
      let bytes: UnsafeBufferPointer<UInt8>
      let ends: UnsafeBufferPointer<Int>

      public var count: Int { ends.count }

      public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
      }
    }
  }

  /// The text encoding the fields were decoded with.
  public enum Encoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
  }

  private enum State {
    case fieldStart, unquoted, quoted, quotedQuote
  }

  private let handle: FileHandle?
  private var buffer: [UInt8]
  private var position = 0
  private var atEnd: Bool
  private var state = State.fieldStart
  /// The current record's field bytes, one field after another; `fieldEnds` marks where each
  /// finished field ends (one buffer per record rather than one array per field).
  private var recordBytes: [UInt8] = []
  private var fieldEnds: [Int] = []
  private var recordStarted = false
  private var line = 1
  private var recordLine = 1
  private var checkedBOM = false

  /// Inner quotes that were not doubled, kept as literal characters.
  public private(set) var repairedQuotes = 0
  /// True when the input ended inside a quoted field (a truncated file).
  public private(set) var endedInsideQuotes = false
  public private(set) var encoding = Encoding.utf8

  static let chunkSize = 64 * 1024

  /// Reads a whole byte array (small files, tests).
  public init(bytes: [UInt8]) {
    handle = nil
    buffer = bytes
    atEnd = true
  }

  /// Streams the file at `path`.
  public init(path: String) throws(CSVReadError) {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotOpen(path) }
    self.handle = handle
    buffer = []
    atEnd = false
  }

  /// The next record, or nil at the end of the input.
  public mutating func next() throws(CSVReadError) -> Record? {
    guard try scanRecord() else { return nil }
    return emit()
  }

  /// Reads the next record into `record`, reusing its storage; false at the end of the input.
  ///
  /// Why: a day-long Locust history has millions of cells, nearly all numbers, and `next()`
  /// makes a `String` of each. Here a record's cells stay bytes (`RawRecord.withCells`), and
  /// only the cells a caller asks for become strings, decoded exactly as `next()` decodes them.
  public mutating func next(into record: inout RawRecord) throws(CSVReadError) -> Bool {
    guard try scanRecord() else { return false }
    // The buffers change hands: the record's previous storage becomes the reader's, so a
    // steady stream of records allocates nothing.
    swap(&recordBytes, &record.bytes)
    swap(&fieldEnds, &record.ends)
    record.line = recordLine
    record.decoded = nil
    // Cells that are not plain ASCII (or hold a CR) go through `decode`, which may switch the
    // encoding to GB18030: then every cell of the record is decoded in order, as `next()` does.
    if encoding != .utf8 || !Self.isPlainASCII(record.bytes) {
      var fields: [String] = []
      fields.reserveCapacity(record.ends.count)
      var start = 0
      for end in record.ends {
        fields.append(decode(record.bytes[start..<end]))
        start = end
      }
      record.decoded = fields
    }
    recordBytes.removeAll(keepingCapacity: true)
    fieldEnds.removeAll(keepingCapacity: true)
    recordStarted = false
    state = .fieldStart
    return true
  }

  /// True when every byte is ASCII and none is a CR (what `decode` keeps as it is).
  private static func isPlainASCII(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      // Branch-free, so the loop vectorizes: records are checked whole.
      var high: UInt8 = 0
      var carriageReturns = 0
      for byte in bytes {
        high |= byte
        carriageReturns &+= byte == 0x0D ? 1 : 0
      }
      return high < 0x80 && carriageReturns == 0
    }
  }

  /// Scans up to the end of the next record, leaving its cells in `recordBytes`/`fieldEnds`;
  /// false when the input holds no further record.
  private mutating func scanRecord() throws(CSVReadError) -> Bool {
    while true {
      if position >= buffer.count {
        if !(try refill()) { return finish() }
      }
      if !checkedBOM {
        checkedBOM = true
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
          position += 3
          continue
        }
      }
      // Unquoted cells (nearly every cell of a history) are scanned through a pointer.
      if state == .fieldStart || state == .unquoted {
        let chunk = buffer
        if chunk.withUnsafeBufferPointer({ scanUnquoted($0) }) { return true }
        if position >= buffer.count { continue }
      }
      // Runs of ordinary bytes inside a field are copied in one go: a history is mostly
      // digits between commas.
      if state == .unquoted || state == .quoted {
        let start = position
        let count = buffer.count
        if state == .unquoted {
          while position < count, case let byte = buffer[position], byte != 0x2C && byte != 0x0D && byte != 0x0A {
            position += 1
          }
        } else {
          while position < count, case let byte = buffer[position], byte != 0x22 {
            if byte == 0x0A { line += 1 }
            position += 1
          }
        }
        if position > start { recordBytes.append(contentsOf: buffer[start..<position]) }
        if position >= count { continue }
      }
      let byte = buffer[position]
      position += 1
      if byte == 0x0A { line += 1 }
      switch state {
      case .fieldStart:
        switch byte {
        case 0x22:
          startRecordIfNeeded()
          state = .quoted
        case 0x2C:
          startRecordIfNeeded()
          fieldEnds.append(recordBytes.count)
        case 0x0D, 0x0A:
          if recordStarted {
            fieldEnds.append(recordBytes.count)
            return true
          }
        default:
          startRecordIfNeeded()
          recordBytes.append(byte)
          state = .unquoted
        }
      case .unquoted:
        switch byte {
        case 0x2C:
          endField()
        case 0x0D, 0x0A:
          endField()
          return true
        default:
          recordBytes.append(byte)
        }
      case .quoted:
        if byte == 0x22 { state = .quotedQuote } else { recordBytes.append(byte) }
      case .quotedQuote:
        switch byte {
        case 0x22:
          recordBytes.append(0x22)
          state = .quoted
        case 0x2C:
          endField()
        case 0x0D, 0x0A:
          endField()
          return true
        default:
          repairedQuotes += 1
          recordBytes.append(0x22)
          recordBytes.append(byte)
          state = .quoted
        }
      }
    }
  }

  /// The common case of `scanRecord`, unquoted cells, over the current chunk `bytes`: consumes
  /// bytes from `position` as the general loop would, up to the end of a record (true), the
  /// start of a quoted cell or the end of the chunk (false).
  private mutating func scanUnquoted(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var position = self.position
    defer { self.position = position }
    if state == .fieldStart && !recordStarted {
      // Blank lines and the LF of a CR LF are skipped between records.
      while position < count, case let byte = bytes[position], byte == 0x0A || byte == 0x0D {
        if byte == 0x0A { line += 1 }
        position += 1
      }
      // A whole record without quotes inside the chunk: copied in one go, then the commas
      // squeezed out in place (the cells end up as `next()` would store them).
      var end = position
      while end < count, case let byte = bytes[end], byte != 0x0A && byte != 0x0D && byte != 0x22 { end += 1 }
      if end < count, end > position, bytes[end] != 0x22 {
        startRecordIfNeeded()
        recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
        var ends: [Int] = []
        swap(&ends, &fieldEnds)
        let kept = recordBytes.withUnsafeMutableBufferPointer { record in
          var written = 0
          for index in 0..<record.count {
            let byte = record[index]
            if byte == 0x2C {
              ends.append(written)
            } else {
              record[written] = byte
              written += 1
            }
          }
          return written
        }
        ends.append(kept)
        swap(&ends, &fieldEnds)
        recordBytes.removeLast(recordBytes.count - kept)
        if bytes[end] == 0x0A { line += 1 }
        position = end + 1
        return true
      }
    }
    while position < count {
      if state == .fieldStart {
        let byte = bytes[position]
        if byte == 0x22 { return false }
        if byte == 0x2C {
          position += 1
          startRecordIfNeeded()
          fieldEnds.append(recordBytes.count)
          continue
        }
        if byte == 0x0D || byte == 0x0A {
          position += 1
          if byte == 0x0A { line += 1 }
          if recordStarted {
            fieldEnds.append(recordBytes.count)
            return true
          }
          continue
        }
        startRecordIfNeeded()
        state = .unquoted
      }
      let start = position
      while position < count, case let byte = bytes[position], byte != 0x2C && byte != 0x0D && byte != 0x0A {
        position += 1
      }
      if position > start { recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position])) }
      if position == count { return false }
      let byte = bytes[position]
      position += 1
      if byte == 0x0A { line += 1 }
      endField()
      if byte != 0x2C { return true }
    }
    return false
  }

  /// Every remaining record (small inputs only).
  public mutating func readAll() throws(CSVReadError) -> [Record] {
    var records: [Record] = []
    while let record = try next() { records.append(record) }
    return records
  }

  private mutating func refill() throws(CSVReadError) -> Bool {
    guard !atEnd, let handle else { return false }
    let data: Data?
    do {
      data = try handle.read(upToCount: Self.chunkSize)
    } catch {
      throw .readFailed(error.localizedDescription)
    }
    guard let data, !data.isEmpty else {
      atEnd = true
      try? handle.close()
      return false
    }
    buffer = [UInt8](data)
    position = 0
    return true
  }

  private mutating func startRecordIfNeeded() {
    if !recordStarted {
      recordStarted = true
      recordLine = line
    }
  }

  private mutating func endField() {
    fieldEnds.append(recordBytes.count)
    state = .fieldStart
  }

  private mutating func emit() -> Record {
    var fields: [String] = []
    fields.reserveCapacity(fieldEnds.count)
    var start = 0
    for end in fieldEnds {
      fields.append(decode(recordBytes[start..<end]))
      start = end
    }
    let record = Record(fields: fields, line: recordLine)
    recordBytes.removeAll(keepingCapacity: true)
    fieldEnds.removeAll(keepingCapacity: true)
    recordStarted = false
    state = .fieldStart
    return record
  }

  /// Ends the record the input stops in; false when there is none.
  private mutating func finish() -> Bool {
    switch state {
    case .quoted:
      endedInsideQuotes = true
      endField()
    case .unquoted, .quotedQuote:
      endField()
    case .fieldStart:
      if recordStarted { fieldEnds.append(recordBytes.count) }
    }
    return recordStarted || !fieldEnds.isEmpty
  }

  /// UTF-8, or GB18030 from the first field that is not valid UTF-8 on; CR before LF inside a
  /// quoted field is dropped (tracebacks written in Windows text mode).
  private mutating func decode(_ field: ArraySlice<UInt8>) -> String {
    // ASCII without CR (nearly every cell): no cleaning, and valid UTF-8 as it is.
    if encoding == .utf8 && field.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      return String(decoding: field, as: UTF8.self)
    }
    var bytes = Array(field)
    if bytes.contains(0x0D) {
      var cleaned: [UInt8] = []
      cleaned.reserveCapacity(bytes.count)
      for (index, byte) in bytes.enumerated() {
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A || bytes[index + 1] == 0x0D { continue }
        cleaned.append(byte)
      }
      bytes = cleaned
    }
    if encoding == .utf8 {
      if let text = String(validating: bytes, as: UTF8.self) { return text }
      encoding = .gb18030
    }
    return String(bytes: bytes, encoding: Self.gb18030) ?? String(decoding: bytes, as: UTF8.self)
  }

  /// GB18030 (`kCFStringEncodingGB_18030_2000` as an `NSStringEncoding`), a superset of GBK.
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// Why a CSV file could not be read at all.
public enum CSVReadError: Error, Equatable, CustomStringConvertible {
  case cannotOpen(String)
  case readFailed(String)

  public var description: String {
    switch self {
    case .cannotOpen(let path): "cannot open \(path) (missing, permission denied or not a regular file)"
    case .readFailed(let message): "read failed: \(message)"
    }
  }
}
