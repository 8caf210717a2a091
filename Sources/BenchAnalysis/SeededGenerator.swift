/// A pseudo-random number generator whose output is fixed by its seed, on every machine and
/// with every Swift version: xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4), 2021), with its 256-bit state filled from
/// the 64-bit seed by four outputs of SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), as the
/// xoshiro authors recommend.
///
/// Why: bootstrap intervals go into reports that are diffed in pull requests, so the same
/// samples and seed must give the same bits everywhere. `SystemRandomNumberGenerator` cannot
/// be seeded, and the standard library does not promise that `Int.random(in:using:)` keeps
/// its algorithm from one release to the next; this type and ``index(below:)`` are ours and
/// stay as documented here.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state0: UInt64
  private var state1: UInt64
  private var state2: UInt64
  private var state3: UInt64

  /// A generator whose sequence depends only on `seed` (any value, 0 included).
  public init(seed: UInt64) {
    var splitMixState = seed
    state0 = Self.splitMix64(&splitMixState)
    state1 = Self.splitMix64(&splitMixState)
    state2 = Self.splitMix64(&splitMixState)
    state3 = Self.splitMix64(&splitMixState)
  }

  /// A generator starting from the given xoshiro256** state words, for checking the
  /// published reference outputs. The state must not be all zero (the generator would only
  /// ever return 0).
  init(state: (UInt64, UInt64, UInt64, UInt64)) {
    (state0, state1, state2, state3) = state
  }

  /// The next 64 random bits: xoshiro256**'s output `rotl(s1 · 5, 7) · 9`, then its state step.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state1 &* 5, by: 7) &* 9
    let shifted = state1 << 17
    state2 ^= state0
    state3 ^= state1
    state1 ^= state2
    state0 ^= state3
    state2 ^= shifted
    state3 = rotateLeft(state3, by: 45)
    return result
  }

  /// A uniformly distributed integer in `0..<bound`, without modulo bias, by Lemire's
  /// multiply-and-reject method ("Fast random integer generation in an interval", ACM TOMACS
  /// 29(1), 2019): the high word of `next() · bound` is the draw, unless the low word falls
  /// below `2⁶⁴ mod bound`, in which case the draw is repeated. `bound` must be positive.
  @inline(__always)
  public mutating func index(below bound: Int) -> Int {
    precondition(bound > 0, "index(below:) needs a positive bound")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range  // 2⁶⁴ mod range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(truncatingIfNeeded: product.high)
  }

  /// One step of SplitMix64: advances `state` by the golden-ratio increment and returns it
  /// scrambled (the finaliser of the reference `splitmix64.c`).
  static func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  @inline(__always)
  private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }
}
