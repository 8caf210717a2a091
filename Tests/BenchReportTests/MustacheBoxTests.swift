import Mustache
import Testing

@testable import BenchReport

/// The reference is swift-mustache rendering the unboxed value (its Mirror look-up): the boxed
/// context must render every template the same.
struct MustacheBoxTests {
  struct Cell {
    var text: String
    var note: String?
    var highlighted: Bool
  }

  struct Row {
    var name: String
    var cells: [Cell]
    var count: Int
    var ratio: Double?
    var extra: [String: String]
  }

  /// A class: read through a `Mirror`, not at offsets.
  final class Author: Sendable {
    let name: String
    let email: String?
    init(name: String, email: String?) {
      self.name = name
      self.email = email
    }
  }

  /// A generic struct, and fields of assorted layouts (enum, tuple-free scalars, nested optional).
  struct Pair<Value: Sendable>: Sendable {
    var first: Value
    var second: Value?
  }

  enum Tone: String { case calm, loud }

  struct Page {
    var title: String
    var note: String?
    var rows: [Row]
    var empty: [Row]
    var nested: Cell?
    var missing: Cell?
    var flag: Bool
    var tags: [String]
    var author: Author
    var pair: Pair<Int>
    var tone: Tone
    var doubled: Int??
    var small: UInt8
  }

  static let page = Page(
    title: "T <&>", note: "page note",
    rows: [
      Row(
        name: "a", cells: [Cell(text: "x", note: nil, highlighted: true), Cell(text: "y", note: "n", highlighted: false)],
        count: 3, ratio: 0.5, extra: ["k": "v"]),
      Row(name: "b", cells: [], count: 0, ratio: nil, extra: [:]),
    ],
    empty: [], nested: Cell(text: "inner", note: nil, highlighted: false), missing: nil, flag: false, tags: ["p", "q"],
    author: Author(name: "A", email: nil), pair: Pair(first: 1, second: nil), tone: .loud, doubled: .some(nil), small: 7)

  @Test(arguments: [
    "{{title}} {{{title}}} {{note}} {{flag}} {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}",
    // A nil field falls through to the enclosing context (the row has no note: the page's).
    "{{#rows}}[{{name}} {{count}} {{ratio}} {{note}} {{extra.k}}{{#cells}}({{text}} {{note}}{{#highlighted}}!{{/highlighted}}){{/cells}}]{{/rows}}",
    "{{#empty}}never{{/empty}}{{^empty}}none{{/empty}} {{#nested}}{{text}} {{title}}{{/nested}} {{#missing}}m{{/missing}}{{^missing}}absent{{/missing}}",
    "{{#first(rows)}}{{name}}{{/first(rows)}} {{#last(rows)}}{{name}}{{/last(rows)}} {{#empty(empty)}}E{{/empty(empty)}} {{#tags}}<{{.}}>{{/tags}}",
    "{{#author}}{{name}} {{email}} {{title}}{{/author}} {{pair.first}} {{#pair}}{{second}}{{note}}{{/pair}} {{tone}} {{doubled}} {{small}}",
    "{{nested.text}} {{missing.text}} {{rows.0.name}} {{#rows}}{{#even(count)}}even{{/even(count)}}{{/rows}}",
  ])
  func boxedContextRendersTheSame(template text: String) throws {
    let template = try MustacheTemplate(string: text)
    #expect(template.render(MustacheBox.box(Self.page)) == template.render(Self.page))
  }
}
