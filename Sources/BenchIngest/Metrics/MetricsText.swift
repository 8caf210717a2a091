import BenchModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte-level pieces the GPU-log and `/metrics` readers share: lines, trimmed cells, numbers
/// with a unit after them, and wall-clock timestamps — all without a `String` per value, so a
/// day-long 1 s log of 8 GPUs (~700 000 rows) reads in a fraction of a second.
enum MetricsText {
  /// Calls `body` with each line of `bytes` (without its `\n` or `\r\n`); stops when it
  /// returns false.
  static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
    guard let base = bytes.baseAddress else { return }
    var start = 0
    let count = bytes.count
    while start < count {
      let end: Int
      if let found = memchr(base + start, 0x0A, count - start) {
        end = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      } else {
        end = count
      }
      var lineEnd = end
      if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      if !body(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])) { return }
      start = end + 1
    }
  }

  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, isBlank(bytes[start]) { start += 1 }
    while end > start, isBlank(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// A cell's number: `87`, `87 %`, `50234 MiB`, `250.13 W`, `1.76e+09`; nil for `[N/A]`,
  /// `[Not Supported]` (any `[…]`), `N/A`, an empty cell or anything else.
  static func number(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
    var cell = trimmed(cell)
    guard let first = cell.first, first != UInt8(ascii: "[") else { return nil }
    // A unit after the number, separated by a space (nvidia-smi without `nounits`).
    if let space = cell.firstIndex(of: 0x20) { cell = UnsafeBufferPointer(rebasing: cell[0..<space]) }
    if let value = TolerantJSONParser.plainNumber(cell), value.isFinite { return value }
    if cell.first == UInt8(ascii: "+"), let value = TolerantJSONParser.plainNumber(UnsafeBufferPointer(rebasing: cell[1...])) {
      return value.isFinite ? value : nil
    }
    return nil
  }

  /// A timestamp cell: nvidia-smi's `2024/05/01 12:00:01.123` (local, no zone); ISO 8601
  /// `2025-09-08T17:26:50+08:00`, `…Z` (epoch) or without a zone (local); or Unix seconds.
  static func timestamp(_ cell: UnsafeBufferPointer<UInt8>) -> (seconds: Double, clock: WallClock)? {
    let cell = trimmed(cell)
    let count = cell.count
    guard count >= 10 else {
      return nil
    }
    func digits(_ from: Int, _ length: Int) -> Int? {
      guard from + length <= count else { return nil }
      var value = 0
      for index in from..<(from + length) {
        let byte = cell[index]
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    // Unix seconds (≥ 2001-09-09), possibly with a fraction.
    if cell[4] != UInt8(ascii: "/") && cell[4] != UInt8(ascii: "-"), let value = TolerantJSONParser.plainNumber(cell), value > 1e9 {
      return (value > 1e12 ? value / 1000 : value, .epoch)
    }
    guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), count >= 19,
      let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var seconds = Double(daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second)
    var position = 19
    if position < count, cell[position] == UInt8(ascii: ".") || cell[position] == UInt8(ascii: ",") {
      position += 1
      var scale = 0.1
      while position < count, cell[position] >= 0x30, cell[position] <= 0x39 {
        seconds += Double(cell[position] - 0x30) * scale
        scale /= 10
        position += 1
      }
    }
    guard position < count else { return (seconds, .local) }
    switch cell[position] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"): return (seconds, .epoch)
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign = cell[position] == UInt8(ascii: "+") ? 1.0 : -1.0
      guard let hours = digits(position + 1, 2) else { return nil }
      let minutesAt = cell.count > position + 3 && cell[position + 3] == UInt8(ascii: ":") ? position + 4 : position + 3
      let minutes = digits(minutesAt, 2) ?? 0
      return (seconds - sign * Double(hours * 3600 + minutes * 60), .epoch)
    default:
      return (seconds, .local)
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
