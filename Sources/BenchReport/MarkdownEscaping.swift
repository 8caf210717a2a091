import Foundation

/// Makes text from input files safe inside Markdown: a model name with `|` must not split a
/// table cell, a newline must not end a row, `<`/backticks must not become
/// markup, and `@name` must not become a live mention.
public enum MarkdownEscaping {
  /// For a table cell or inline text.
  public static func inline(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "|": result += "\\|"
      case "\n", "\r", "\r\n": result += " "
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "`": result += "\\`"
      case "*": result += "\\*"
      case "_": result += "\\_"
      case "[": result += "\\["
      case "]": result += "\\]"
      case "\\": result += "\\\\"
      // `@org/team` in a model or file name must not notify anyone from a PR comment; a
      // zero-width space after the `@` (as Renovate does) keeps it readable and inert.
      case "@": result += "@&#8203;"
      default: result.append(character)
      }
    }
    return result
  }

  /// For a fenced code block: a run of backticks in the text would close the fence early.
  public static func codeBlock(_ text: String) -> String {
    text.replacingOccurrences(of: "```", with: "ˋˋˋ")
  }
}
