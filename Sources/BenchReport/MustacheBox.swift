@_spi(Reflection) import Swift
import Mustache

/// A template context value whose fields are read straight from the value, by name.
///
/// Why: swift-mustache looks up a field of a plain struct by building a `Mirror` and scanning
/// every field, on every tag. A report of a 200-level Locust sweep has thousands of table
/// cells, and those look-ups were most of `analyze`'s CPU time at small scales (1.1 s of 3.3 s
/// at the benchmark's scale 1). A later version built each struct's `Mirror` once, on the first
/// look-up; at scale 4 that was still a fifth of rendering the documents (every `Mirror` looks
/// up each field's type by its mangled name and copies every field into an `Any`).
///
/// Now the stored fields of each struct type (name, offset, type) are read from the runtime's
/// metadata once per type (`FieldLayout`), and a box reads only the fields the template asks
/// for, each once. The template sees the same values as with swift-mustache's own look-up: a
/// `nil` optional is left out (the tag falls through to the enclosing context, exactly as for
/// the `nil` its `Mirror` look-up returns), arrays and dictionaries keep their elements in
/// order, boxed the same way, and everything that is not a plain struct or class (strings,
/// numbers, Booleans, enums, lambdas, templates, custom-rendered or `CustomStringConvertible`
/// values) is passed through untouched. Classes, and any struct whose layout the runtime does
/// not describe, are read through one `Mirror` as before. A box tree serves one render at a
/// time, on one thread.
final class MustacheBox: MustacheParent {
  private let source: Source
  private let kinds: KindCache
  /// For `.stored`: field i once asked for (`.some(nil)`: a nil optional).
  private var loaded: [Any??]
  /// For `.mirrored`: every field, read on the first look-up.
  private var mirrored: [String: Any]?

  /// Where a box's field values come from.
  private enum Source {
    /// A struct stored in the box, read at the layout's offsets.
    case stored(StoredValue, FieldLayout)
    /// A value read through a `Mirror`.
    case mirrored(Any)
  }

  private init(source: Source, kinds: KindCache) {
    self.source = source
    self.kinds = kinds
    if case .stored(_, let layout) = source {
      loaded = Array(repeating: nil, count: layout.offsets.count)
    } else {
      loaded = []
    }
  }

  func child(named name: String) -> Any? {
    switch source {
    case .stored(let stored, let layout):
      guard let index = layout.index[name] else { return nil }
      if let known = loaded[index] { return known }
      let value = Self.unwrapOptional(stored.field(at: layout.offsets[index], as: layout.types[index]), kinds: kinds)
        .map { Self.box($0, kinds: kinds) }
      loaded[index] = .some(value)
      return value
    case .mirrored(let value):
      if let mirrored { return mirrored[name] }
      var children: [String: Any] = [:]
      for child in Mirror(reflecting: value).children {
        guard let label = child.label, children[label] == nil else { continue }
        // One level of Optional is unwrapped, as swift-mustache's own look-up does.
        if let unwrapped = Self.unwrapOptional(child.value, kinds: kinds) { children[label] = Self.box(unwrapped, kinds: kinds) }
      }
      mirrored = children
      return children[name]
    }
  }

  /// `value` with every plain struct or class in it replaced by a box.
  static func box(_ value: Any) -> Any {
    box(value, kinds: KindCache())
  }

  /// What to do with values of one type (decided once per type: the checks are dynamic casts).
  private enum Kind {
    case passThrough, optional, array, dictionary
    /// A struct read at these offsets.
    case stored(FieldLayout)
    /// A class, or a struct without a layout: read through a `Mirror`.
    case mirrored
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
    case .struct?:
      if value is CustomStringConvertible || value is MustacheTransformable { return .passThrough }
      return FieldLayout(of: type(of: value)).map(Kind.stored) ?? .mirrored
    case .class?:
      return value is CustomStringConvertible || value is MustacheTransformable ? .passThrough : .mirrored
    case .collection?: return value is [Any] ? .array : .passThrough
    case .dictionary?: return value is [String: Any] ? .dictionary : .passThrough
    default: return .passThrough
    }
  }

  private static func box(_ value: Any, kinds: KindCache) -> Any {
    switch kinds.kind(of: value) {
    case .passThrough:
      return value
    case .stored(let layout):
      return MustacheBox(source: .stored(StoredValue.make(value), layout), kinds: kinds)
    case .mirrored:
      return MustacheBox(source: .mirrored(value), kinds: kinds)
    case .optional:
      guard let wrapped = (value as! any OptionalValue).wrappedValue else { return value }
      return box(wrapped, kinds: kinds)
    case .array:
      return (value as! [Any]).map { box($0, kinds: kinds) }
    case .dictionary:
      return (value as! [String: Any]).mapValues { box($0, kinds: kinds) }
    }
  }

  /// The value an optional holds, nil for an empty one, the value itself otherwise.
  private static func unwrapOptional(_ value: Any, kinds: KindCache) -> Any? {
    guard case .optional = kinds.kind(of: value) else { return value }
    return (value as! any OptionalValue).wrappedValue
  }
}

/// The stored fields of a struct type as the runtime's metadata describes them.
struct FieldLayout {
  /// Field name → position in `offsets` and `types`.
  let index: [String: Int]
  let offsets: [Int]
  let types: [Any.Type]

  /// Nil when the runtime cannot describe the type's fields.
  init?(of type: Any.Type) {
    var index: [String: Int] = [:]
    var offsets: [Int] = []
    var types: [Any.Type] = []
    let described = _forEachField(of: type) { name, offset, fieldType, _ in
      let label = String(cString: name)
      if index[label] == nil { index[label] = offsets.count }
      offsets.append(offset)
      types.append(fieldType)
      return true
    }
    guard described else { return nil }
    self.index = index
    self.offsets = offsets
    self.types = types
  }
}

/// A struct value kept in a box of its own type, whose fields are read at byte offsets.
private class StoredValue {
  /// Field values are copied out of the stored struct (the struct itself is never copied).
  func field(at offset: Int, as type: Any.Type) -> Any { fatalError("abstract") }

  static func make(_ value: Any) -> StoredValue {
    func store<T>(_ value: T) -> StoredValue { Stored(value) }
    return _openExistential(value, do: store)
  }

  private final class Stored<T>: StoredValue {
    private let pointer: UnsafeMutablePointer<T>

    init(_ value: T) {
      pointer = .allocate(capacity: 1)
      pointer.initialize(to: value)
    }

    deinit {
      pointer.deinitialize(count: 1)
      pointer.deallocate()
    }

    override func field(at offset: Int, as type: Any.Type) -> Any {
      let address = UnsafeRawPointer(pointer) + offset
      func load<F>(_: F.Type) -> Any { address.assumingMemoryBound(to: F.self).pointee }
      return _openExistential(type, do: load)
    }
  }
}

/// An optional of any wrapped type, to unwrap it without a `Mirror`.
private protocol OptionalValue {
  var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
  fileprivate var wrappedValue: Any? { self.map { $0 } }
}
