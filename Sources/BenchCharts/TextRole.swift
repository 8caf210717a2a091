/// What a piece of text is for; the theme gives each role its font and colour.
public enum TextRole: Sendable, Hashable {
  case title
  case subtitle
  case axisTitle
  case tickLabel
  case legend
  case annotation
  case pointLabel
}
