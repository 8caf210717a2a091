/// Content sniffing: what a file starts with, ignoring the white space and UTF-8 byte-order-mark
/// bytes that editors and tools put in front. Every "is this JSON / CSV / HTML?" decision in
/// ingest looks at the same byte, so they must skip the same things.
public enum LeadingBytes {
  /// Bytes that never decide a format: space, LF, CR, tab, and the bytes of a UTF-8 BOM.
  public static func isInsignificant(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF: true
    default: false
    }
  }

  /// The first byte that is not white space or part of a byte-order mark, nil when there is none.
  public static func first<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> UInt8? {
    bytes.first { !isInsignificant($0) }
  }

  /// Whether the content starts like a JSON object or array.
  public static func startsLikeJSON<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    let byte = first(of: bytes)
    return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
  }
}
