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
  private var field: [UInt8] = []
  private var fields: [[UInt8]] = []
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
          fields.append([])
        case 0x0D, 0x0A:
          if recordStarted {
            fields.append([])
            return emit()
          }
        default:
          startRecordIfNeeded()
          field.append(byte)
          state = .unquoted
        }
      case .unquoted:
        switch byte {
        case 0x2C:
          endField()
        case 0x0D, 0x0A:
          endField()
          return emit()
        default:
          field.append(byte)
        }
      case .quoted:
        if byte == 0x22 { state = .quotedQuote } else { field.append(byte) }
      case .quotedQuote:
        switch byte {
        case 0x22:
          field.append(0x22)
          state = .quoted
        case 0x2C:
          endField()
        case 0x0D, 0x0A:
          endField()
          return emit()
        default:
          repairedQuotes += 1
          field.append(0x22)
          field.append(byte)
          state = .quoted
        }
      }
    }
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
    fields.append(field)
    field.removeAll(keepingCapacity: true)
    state = .fieldStart
  }

  private mutating func emit() -> Record {
    let record = Record(fields: fields.map { decode($0) }, line: recordLine)
    fields.removeAll(keepingCapacity: true)
    recordStarted = false
    state = .fieldStart
    return record
  }

  private mutating func finish() -> Record? {
    switch state {
    case .quoted:
      endedInsideQuotes = true
      endField()
    case .unquoted, .quotedQuote:
      endField()
    case .fieldStart:
      if recordStarted { fields.append([]) }
    }
    guard recordStarted || !fields.isEmpty else { return nil }
    return emit()
  }

  /// UTF-8, or GB18030 from the first field that is not valid UTF-8 on; CR before LF inside a
  /// quoted field is dropped (tracebacks written in Windows text mode).
  private mutating func decode(_ bytes: [UInt8]) -> String {
    var bytes = bytes
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
