import Testing

@testable import BenchHistory

/// Expected digests from `sha256sum` / Python's hashlib.
struct SHA256Tests {
  @Test func knownDigests() {
    #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    // hashlib.sha256(bytes(range(256)) * 5): several blocks and a partial one.
    let bytes = Array((0..<5).flatMap { _ in (0...255).map(UInt8.init) })
    #expect(SHA256.hex(bytes) == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed")
    var pieces = SHA256()
    pieces.update(Array(bytes[0..<7]))
    pieces.update(Array(bytes[7..<700]))
    pieces.update(Array(bytes[700...]))
    #expect(pieces.finalizeHex() == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed")
  }
}
