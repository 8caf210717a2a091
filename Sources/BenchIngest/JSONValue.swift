/// A parsed JSON value, tolerant of what Python's `json.dump` writes.
///
/// Number arrays are kept as `[Double]` (`.numbers`) rather than one enum per element: result
/// files hold millions of latency samples and this keeps them compact.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  /// An array whose elements are all numbers (or empty).
  case numbers([Double])
  case array([JSONValue])
  /// An array of number arrays, stored flat (only for the parser's `flattenedKeys`, e.g.
  /// `itls`: millions of inter-token gaps in one buffer instead of one array per request).
  case numberLists(NumberLists)
  case object(JSONObject)
  /// A value the parser was asked not to materialise (e.g. `generated_texts`).
  case skipped

  public var objectValue: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  /// Elements of an array, whichever representation it has.
  public var arrayValue: [JSONValue]? {
    switch self {
    case .array(let values): values
    case .numbers(let numbers): numbers.map(JSONValue.number)
    case .numberLists(let lists): (0..<lists.count).map { .numbers(Array(lists[$0])) }
    default: nil
    }
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .numbers, .array, .numberLists: "an array"
    case .object: "an object"
    case .skipped: "a skipped value"
    }
  }
}

/// A JSON object that keeps its keys in file order; a duplicated key keeps the last value,
/// as Python's `json.load` does.
public struct JSONObject: Sendable, Equatable {
  public private(set) var keys: [String] = []
  private var values: [String: JSONValue] = [:]

  public init() {}

  public subscript(key: String) -> JSONValue? { values[key] }

  mutating func set(_ key: String, _ value: JSONValue) {
    if values.updateValue(value, forKey: key) == nil { keys.append(key) }
  }

  public var count: Int { keys.count }
}

/// Lists of numbers in one flat buffer: list `i` is `values[offsets[i]..<offsets[i + 1]]`.
public struct NumberLists: Sendable, Equatable {
  /// Every list's numbers, one list after the other.
  public var values: [Double] = []
  /// `count + 1` offsets into `values`, starting at 0.
  public var offsets: [Int] = [0]
  /// The smallest and largest of `values`, kept while they are parsed, so a reader can check
  /// their range without another pass over millions of numbers (+∞ / −∞ when empty).
  public var minimum = Double.infinity
  public var maximum = -Double.infinity

  public init() {}

  /// Number of lists.
  public var count: Int { offsets.count - 1 }

  public subscript(index: Int) -> ArraySlice<Double> { values[offsets[index]..<offsets[index + 1]] }
}
