import Mustache

/// A template context value whose fields are looked up in a dictionary built once.
///
/// Why: swift-mustache looks up a field of a plain struct by building a `Mirror` and scanning
/// every field, on every tag. A report of a 200-level Locust sweep has thousands of table
/// cells, and those look-ups were most of `analyze`'s CPU time at small scales (1.1 s of 3.3 s
/// at the benchmark's scale 1). ``box(_:)`` puts each struct's stored fields into a
/// `MustacheParent`'s dictionary; the template sees the same values: a `nil` optional
/// is left out, which swift-mustache treats exactly like the `nil` its `Mirror` look-up
/// returns (the tag falls through to the enclosing context), arrays and dictionaries keep
/// their elements in order, boxed the same way, and everything that is not a plain struct or
/// class (strings, numbers, Booleans, enums, lambdas, templates, custom-rendered or
/// `CustomStringConvertible` values) is passed through untouched.
///
/// The fields are looked up lazily: a struct's box reads its fields (one `Mirror`) the first
/// time the template asks for one of them, so parts of the view model a template never shows
/// (the PR comment shows little of it; the Markdown report leaves out the per-level details)
/// cost nothing. A box tree serves one render at a time, on one thread.
final class MustacheBox: MustacheParent {
  private let value: Any
  private let kinds: KindCache
  private lazy var children: [String: Any] = {
    var children: [String: Any] = [:]
    for child in Mirror(reflecting: value).children {
      guard let label = child.label, children[label] == nil else { continue }
      // One level of Optional is unwrapped, as swift-mustache's own look-up does.
      if let unwrapped = Self.unwrapOptional(child.value, kinds: kinds) { children[label] = Self.box(unwrapped, kinds: kinds) }
    }
    return children
  }()

  private init(value: Any, kinds: KindCache) {
    self.value = value
    self.kinds = kinds
  }

  func child(named name: String) -> Any? { children[name] }

  /// `value` with every plain struct or class in it replaced by a box.
  static func box(_ value: Any) -> Any {
    box(value, kinds: KindCache())
  }

  /// What to do with values of one type (decided once per type: the checks are dynamic casts).
  private enum Kind {
    case passThrough, fields, optional, array, dictionary
  }

  /// The kinds of the types met so far in one box tree.
  private final class KindCache {
    private var kinds: [ObjectIdentifier: Kind] = [:]

    func kind(of value: Any) -> Kind {
      let type = ObjectIdentifier(Swift.type(of: value))
      if let known = kinds[type] { return known }
      let kind = MustacheBox.kind(of: value)
      kinds[type] = kind
      return kind
    }
  }

  private static func kind(of value: Any) -> Kind {
    let style = Mirror(reflecting: value).displayStyle
    // First: `is` casts see through optionals, so `Optional<String>` would pass for a String.
    if style == .optional { return .optional }
    if value is String || value is Substring || value is Bool || value is MustacheLambda
      || value is MustacheTemplate || value is MustacheParent && !(value is [String: Any])
      || value is MustacheCustomRenderable || value is MustacheCustomRepresentation
    {
      return .passThrough
    }
    switch style {
    case .struct?, .class?:
      return value is CustomStringConvertible || value is MustacheTransformable ? .passThrough : .fields
    case .collection?: return value is [Any] ? .array : .passThrough
    case .dictionary?: return value is [String: Any] ? .dictionary : .passThrough
    default: return .passThrough
    }
  }

  private static func box(_ value: Any, kinds: KindCache) -> Any {
    switch kinds.kind(of: value) {
    case .passThrough:
      return value
    case .fields:
      return MustacheBox(value: value, kinds: kinds)
    case .optional:
      guard let wrapped = Mirror(reflecting: value).children.first?.value else { return value }
      return box(wrapped, kinds: kinds)
    case .array:
      return (value as! [Any]).map { box($0, kinds: kinds) }
    case .dictionary:
      return (value as! [String: Any]).mapValues { box($0, kinds: kinds) }
    }
  }

  /// The value an optional holds, nil for an empty one, the value itself otherwise.
  private static func unwrapOptional(_ value: Any, kinds: KindCache) -> Any? {
    guard kinds.kind(of: value) == .optional else { return value }
    return Mirror(reflecting: value).children.first?.value
  }
}
