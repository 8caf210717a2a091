/// Tests on the eight bytes of a little-endian word at once (the "has zero byte" tricks, in
/// their exact form: no false hits), for scanners that look for the next special byte in a
/// long run of ordinary ones, such as the end of a skipped JSON string.
enum WordBytes {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The word's eight bytes from `pointer` (any alignment), first byte lowest.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  /// The high bit of every byte of `word` that equals `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (ones &* UInt64(byte))
    return ~(((x & low7) &+ low7) | x) & highs
  }

  /// The high bit of every byte of `word` below `limit` (at most 0x80).
  @inline(__always)
  static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
    ~(((word & low7) &+ (ones &* UInt64(0x80 - limit))) | word) & highs
  }

  /// The index of the first byte marked in `hits`, nil when none is.
  @inline(__always)
  static func firstHit(_ hits: UInt64) -> Int? {
    hits == 0 ? nil : hits.trailingZeroBitCount / 8
  }
}
