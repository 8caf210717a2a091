/// A sentence pattern with `{name}` placeholders, as in the strings catalogues
/// ("at {level} throughput grew only {value}").
public struct TextPattern: Sendable, Hashable {
  public var text: String

  public init(_ text: String) {
    self.text = text
  }

  /// The pattern with its placeholders replaced in one left-to-right pass: a value that itself
  /// contains `{…}` is inserted as is, never expanded again, so the result does not depend on
  /// the order of `values`. Unknown placeholders stay visible.
  public func filled(with values: [String: String]) -> String {
    var result = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      result += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      result += values[name] ?? String(rest[open...close])
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }
}
