/// Finding a byte string in bytes, fast.
///
/// Why: the standard library's generic `firstRange(of:)` compares element by element through
/// generic collection code; on the 64 KB head of every input file (asked, for instance,
/// whether it holds `"num_reqs_per_sec"`) and on a 5 MB HTML report it showed in profiles.
/// Here the first byte is found with `memchr`-like scanning of a buffer and only candidates are
/// compared.
public enum ByteSearch {
  /// The first position at or after `start` where `needle` begins in `bytes`.
  public static func firstOccurrence(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let first = needle.first, start >= 0, bytes.count >= needle.count else { return nil }
    let last = bytes.count - needle.count
    var index = start
    while index <= last {
      guard let hit = UnsafeBufferPointer(rebasing: bytes[index...last]).firstIndex(of: first) else { return nil }
      let position = index + hit
      var matches = true
      for offset in 1..<needle.count where bytes[position + offset] != needle[offset] {
        matches = false
        break
      }
      if matches { return position }
      index = position + 1
    }
    return nil
  }

  /// Whether `needle` occurs in `bytes`.
  public static func contains(_ needle: String, in bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { firstOccurrence(of: Array(needle.utf8), in: $0) } != nil
  }
}
