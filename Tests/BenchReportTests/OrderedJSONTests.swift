import Foundation
import Testing

@testable import BenchReport

struct OrderedJSONTests {
  @Test func keysKeepTheirOrderAndTheLayoutIsFixed() {
    let json = OrderedJSON.object([
      ("zebra", .int(1)), ("apple", .array([.bool(true), .null])), ("mango", .object([])),
      ("kiwi", .array([])), ("nested", .object([("b", .string("x")), ("a", .double(0.5))])),
    ])
    #expect(
      json.serialized() == """
        {
          "zebra": 1,
          "apple": [
            true,
            null
          ],
          "mango": {},
          "kiwi": [],
          "nested": {
            "b": "x",
            "a": 0.5
          }
        }

        """)
  }

  @Test func numbers() {
    #expect(OrderedJSON.double(3.0).serialized() == "3\n")
    #expect(OrderedJSON.double(-2.0).serialized() == "-2\n")
    #expect(OrderedJSON.double(-0.0).serialized() == "0\n")
    #expect(OrderedJSON.double(2.5).serialized() == "2.5\n")
    #expect(OrderedJSON.double(0.1).serialized() == "0.1\n")
    #expect(OrderedJSON.double(1523.433778844929).serialized() == "1523.433778844929\n")
    #expect(OrderedJSON.double(.infinity).serialized() == "\"inf\"\n")
    #expect(OrderedJSON.double(-.infinity).serialized() == "\"-inf\"\n")
    #expect(OrderedJSON.double(.nan).serialized() == "null\n")
    #expect(OrderedJSON.int(-42).serialized() == "-42\n")
    #expect(OrderedJSON.number(nil) == .null)
    #expect(OrderedJSON.integer(nil) == .null)
    #expect(OrderedJSON.text(nil) == .null)
  }

  @Test func stringEscapes() {
    let text =
      "quote \" backslash \\ newline \n return \r tab \t bell \u{7} nul \u{0} sep \u{2028} 模型 ✓"
    #expect(
      OrderedJSON.string(text).serialized()
        == #""quote \" backslash \\ newline \n return \r tab \t bell \u0007 nul \u0000 sep \u2028 模型 ✓""#
        + "\n")
  }

  @Test func outputParsesWithJSONSerialization() throws {
    let tricky = "a \"b\" \\ c\n\t\u{1}\u{2028}d 中文"
    let json = OrderedJSON.object([
      ("text", .string(tricky)), ("integer", .int(7)), ("whole", .double(3)),
      ("fraction", .double(0.1)), ("big", .double(1e20)), ("tiny", .double(1e-7)),
      ("infinite", .double(.infinity)), ("notANumber", .double(.nan)), ("flag", .bool(false)),
      ("list", .array([.int(1), .string("two"), .null])), ("empty", .object([])),
    ])
    let data = Data(json.serialized().utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["text"] as? String == tricky)
    #expect((object["integer"] as? NSNumber)?.intValue == 7)
    #expect((object["whole"] as? NSNumber)?.doubleValue == 3)
    #expect((object["fraction"] as? NSNumber)?.doubleValue == 0.1)
    #expect((object["big"] as? NSNumber)?.doubleValue == 1e20)
    #expect((object["tiny"] as? NSNumber)?.doubleValue == 1e-7)
    #expect(object["infinite"] as? String == "inf")
    #expect(object["notANumber"] is NSNull)
    #expect(object["flag"] as? Bool == false)
    #expect((object["list"] as? [Any])?.count == 3)
    #expect((object["empty"] as? [String: Any])?.isEmpty == true)
  }

  @Test func doublesRoundTrip() throws {
    let values = [0.1, 1.0 / 3, 1523.433778844929, 9.06437888009047, 123_456_789.123, 5e-324]
    let data = Data(OrderedJSON.array(values.map(OrderedJSON.double)).serialized().utf8)
    let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [NSNumber])
    #expect(parsed.map(\.doubleValue) == values)
  }

  @Test func equalityComparesTheSerializedText() {
    #expect(OrderedJSON.double(3) == .int(3))
    #expect(
      OrderedJSON.object([("a", .int(1)), ("b", .int(2))])
        != .object([("b", .int(2)), ("a", .int(1))]))
  }
}
