/// Text that comes from input files — model names, metadata, file names, Locust request
/// names, error messages — made safe to show anywhere: in the terminal, in Markdown, in XHTML.
///
/// Control characters (U+0000–U+001F, DEL) become their visible Control Pictures (ESC → ␛,
/// NUL → ␀), so an ESC sequence cannot recolour the terminal and a U+0001 cannot make
/// report.html ill-formed XML; C1 controls and the noncharacters U+FFFE/U+FFFF, which XML
/// forbids too, become U+FFFD. Absurdly long text is cut with "…" (a 5 MB model name took
/// 25 s to lay out in the charts). Text without any of this is returned as it is, checked on
/// its UTF-8 bytes.
public enum InputText {
  /// Characters kept of a name (model, backend, metadata, file, request name).
  public static let nameLimit = 256
  /// Characters kept of a message (an error text, a traceback).
  public static let messageLimit = 4000

  /// `text`, cleaned; `keepsLineBreaks` keeps LF, CR and tab (multi-line error messages).
  public static func clean(_ text: String, limit: Int = nameLimit, keepsLineBreaks: Bool = false) -> String {
    guard needsCleaning(text, limit: limit, keepsLineBreaks: keepsLineBreaks) else { return text }
    var result = String.UnicodeScalarView()
    var characters = 0
    for scalar in text.unicodeScalars {
      if characters >= limit {
        result.append("…")
        break
      }
      characters += 1
      switch scalar.value {
      case 0x09, 0x0A, 0x0D:
        result.append(keepsLineBreaks ? scalar : Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: result.append("\u{2421}")
      case 0x80...0x9F, 0xFFFE, 0xFFFF: result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// Optional text, cleaned.
  public static func clean(optional text: String?, limit: Int = nameLimit, keepsLineBreaks: Bool = false) -> String? {
    text.map { clean($0, limit: limit, keepsLineBreaks: keepsLineBreaks) }
  }

  /// Whether `text` has a byte to replace or more bytes than `limit` (then it may have more
  /// characters than that, too).
  static func needsCleaning(_ text: String, limit: Int, keepsLineBreaks: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      if bytes.count > limit { return true }
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D: if !keepsLineBreaks { return true }
        case 0x00...0x1F, 0x7F: return true
        case 0xC2: if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
        case 0xEF:
          if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
        default: break
        }
        index += 1
      }
      return false
    }
  }
}
