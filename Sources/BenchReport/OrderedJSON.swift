import BenchModel

/// A JSON value written with keys in a fixed, documented order and numbers in their shortest
/// round-trip form, so `analysis.json` is byte-identical for the same inputs and diffs cleanly.
public indirect enum OrderedJSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// A finite double; ∞ is written as the string "inf" and NaN as null (JSON has neither).
  case double(Double)
  case string(String)
  case array([OrderedJSON])
  case object([(String, OrderedJSON)])

  public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.serialized() == rhs.serialized() }

  static func number(_ value: Double?) -> OrderedJSON { value.map(OrderedJSON.double) ?? .null }
  static func integer(_ value: Int?) -> OrderedJSON { value.map(OrderedJSON.int) ?? .null }
  static func text(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }

  /// Pretty-printed with two-space indentation and a final newline.
  public func serialized() -> String {
    var output = ""
    write(to: &output, indent: 0)
    return output + "\n"
  }

  private func write(to output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      if value.isNaN {
        output += "null"
      } else if value.isInfinite {
        output += value > 0 ? "\"inf\"" : "\"-inf\""
      } else if value == value.rounded(), abs(value) < 1e15 {
        output += String(Int(value))
      } else {
        output += "\(value)"
      }
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      if values.isEmpty {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, value) in values.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        value.write(to: &output, indent: indent + 1)
        output += index < values.count - 1 ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, member) in members.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        Self.writeString(member.0, to: &output)
        output += ": "
        member.1.write(to: &output, indent: indent + 1)
        output += index < members.count - 1 ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    }
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}

extension OrderedJSON {
  /// A load level as analysis.json and comparison.json write it: a whole number of clients,
  /// a rate in req/s, or `"inf"` for an unbounded rate.
  static func level(_ level: LoadLevel) -> OrderedJSON {
    switch level {
    case .concurrency(let value), .users(let value): .int(value)
    case .requestRate(let rate): requestRate(rate)
    }
  }

  /// A request rate in req/s; ∞ as `"inf"`, as vLLM writes it.
  static func requestRate(_ rate: RequestRate) -> OrderedJSON {
    switch rate {
    case .infinite: .string("inf")
    case .finite(let value): .double(value)
    }
  }
}
