import BenchModel

/// The words on charts, in the report's language. Charts do not know the strings catalogue
/// (that lives in BenchReport); the report layer passes a lookup, and each key is documented
/// in templates/README.md under "chart_*".
public struct ChartLabels: Sendable {
  let lookup: @Sendable (String) -> String

  public init(lookup: @escaping @Sendable (String) -> String) {
    self.lookup = lookup
  }

  public subscript(key: String) -> String { lookup(key) }

  /// `key` with `{name}` placeholders replaced (see `TextPattern`).
  public func format(_ key: String, _ values: [String: String]) -> String {
    TextPattern(lookup(key)).filled(with: values)
  }
}
