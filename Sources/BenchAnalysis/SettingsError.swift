/// A threshold or objective a user wrote that cannot be used, with what to write instead.
public enum SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidSLO(String, reason: String)
  case invalidValue(setting: String, value: String, expected: String)
  case unknownSetting(String, known: [String])

  public var description: String {
    switch self {
    case .invalidSLO(let text, let reason): "invalid SLO '\(text)': \(reason)"
    case .invalidValue(let setting, let value, let expected): "invalid \(setting) '\(value)': expected \(expected)"
    case .unknownSetting(let name, let known): "unknown setting '\(name)' (known: \(known.joined(separator: ", ")))"
    }
  }
}
