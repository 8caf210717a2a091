import Foundation

/// A UTF-16 or UTF-32 byte-order mark at the start of a file. PowerShell's `Out-File` and
/// `>` write UTF-16 LE with a BOM by default; such a result file read as UTF-8 looked like
/// "not a benchmark result file". It is transcoded to UTF-8 and read like any other.
enum ByteOrderMark: String {
  case utf32LittleEndian = "UTF-32 LE"
  case utf32BigEndian = "UTF-32 BE"
  case utf16LittleEndian = "UTF-16 LE"
  case utf16BigEndian = "UTF-16 BE"

  /// The mark `bytes` start with; UTF-32 LE is tested before UTF-16 LE, whose mark it begins with.
  init?(_ bytes: UnsafeBufferPointer<UInt8>) {
    func starts(_ mark: [UInt8]) -> Bool { bytes.count >= mark.count && zip(bytes, mark).allSatisfy { $0 == $1 } }
    if starts([0xFF, 0xFE, 0x00, 0x00]) {
      self = .utf32LittleEndian
    } else if starts([0x00, 0x00, 0xFE, 0xFF]) {
      self = .utf32BigEndian
    } else if starts([0xFF, 0xFE]) {
      self = .utf16LittleEndian
    } else if starts([0xFE, 0xFF]) {
      self = .utf16BigEndian
    } else {
      return nil
    }
  }

  var encoding: String.Encoding {
    switch self {
    case .utf32LittleEndian: .utf32LittleEndian
    case .utf32BigEndian: .utf32BigEndian
    case .utf16LittleEndian: .utf16LittleEndian
    case .utf16BigEndian: .utf16BigEndian
    }
  }

  var length: Int {
    switch self {
    case .utf32LittleEndian, .utf32BigEndian: 4
    case .utf16LittleEndian, .utf16BigEndian: 2
    }
  }

  /// The text after the mark as UTF-8, nil when it is not valid in this encoding.
  func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    let body = Data(UnsafeBufferPointer(rebasing: bytes[length...]))
    guard let text = String(data: body, encoding: encoding) else { return nil }
    return Array(text.utf8)
  }
}
