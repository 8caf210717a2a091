import BenchModel
import CLibXML2

/// Rewrites the ids in Cairo's SVG output with libxml2.
///
/// Two problems are solved here. Cairo names the top group `surfaceN` from a
/// process-wide counter, so the same chart renders differently the second time in a
/// process; `normalizingSurfaceIDs` renumbers them in document order. And Cairo restarts
/// glyph ids (`glyph0-1`, …) in every document, so two charts inlined into one HTML page
/// would share ids and the second would show the first one's glyphs; `prefixingIDs`
/// makes every id unique per chart.
public enum SVGPostProcessor {
  /// `svg` with every `surfaceN` id (and references to it) renumbered 1, 2, … in
  /// document order.
  public static func normalizingSurfaceIDs(_ svg: [UInt8]) throws(ChartRenderError) -> [UInt8] {
    try rewrite(svg, normalizeSurfaces: true, prefix: nil).serialized()
  }

  /// `svg` with `prefix` put in front of every `id`, every `href="#…"` /
  /// `xlink:href="#…"` and every `url(#…)` reference.
  public static func prefixingIDs(_ svg: [UInt8], with prefix: String) throws(ChartRenderError) -> [UInt8] {
    try rewrite(svg, normalizeSurfaces: false, prefix: prefix).serialized()
  }

  /// The `<svg>` element alone, without the XML declaration, with ids prefixed: ready to
  /// paste into an HTML page next to other charts.
  public static func inlineElement(_ svg: [UInt8], idPrefix: String) throws(ChartRenderError) -> String {
    try rewrite(svg, normalizeSurfaces: false, prefix: idPrefix).serializedRootElement()
  }

  /// Whether `prefix` keeps ids valid XML names: a letter or `_`, then letters, digits,
  /// `-`, `_` or `.` (ASCII only, so it is also safe inside CSS `url()`).
  public static func isValidIDPrefix(_ prefix: String) -> Bool {
    guard let first = prefix.unicodeScalars.first, first.isASCII,
      first.properties.isAlphabetic || first == "_"
    else { return false }
    return prefix.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
  }

  static func rewrite(_ svg: [UInt8], normalizeSurfaces: Bool, prefix: String?) throws(ChartRenderError)
    -> LibXMLDocument
  {
    if let prefix, !isValidIDPrefix(prefix) { throw .invalidIDPrefix(prefix) }
    let (parsed, issues) = LibXMLDocument.parse(svg)
    guard let document = parsed else { throw .malformedSVG(issues) }
    guard let root = xmlDocGetRootElement(document.pointer) else { throw .malformedSVG(issues) }

    var surfaceNumbers: [String: String] = [:]
    if normalizeSurfaces {
      for (_, attribute) in attributes(under: root) where name(of: attribute) == "id" {
        let value = value(of: attribute)
        if isSurfaceID(value), surfaceNumbers[value] == nil {
          surfaceNumbers[value] = "surface\(surfaceNumbers.count + 1)"
        }
      }
    }
    func mapped(_ id: String) -> String {
      let renumbered = surfaceNumbers[id] ?? id
      return (prefix ?? "") + renumbered
    }

    // Collect first, then write: setting a property while walking the list is unsafe.
    var updates: [(xmlNodePtr, xmlAttrPtr, String)] = []
    for (node, attribute) in attributes(under: root) {
      let old = value(of: attribute)
      var new = old
      switch name(of: attribute) {
      case "id":
        new = mapped(old)
      case "href" where old.hasPrefix("#"):
        new = "#" + mapped(String(old.dropFirst()))
      default:
        break
      }
      new = rewritingURLReferences(in: new, mapped)
      if new != old { updates.append((node, attribute, new)) }
    }
    for (node, attribute, value) in updates {
      xmlSetNsProp(node, attribute.pointee.ns, attribute.pointee.name, value)
    }
    return document
  }

  /// `value` with the id in each `url(#id)` replaced by `mapped(id)`; for attribute and
  /// CSS values that refer to SVG definitions.
  public static func rewritingURLReferences(in value: String, _ mapped: (String) -> String) -> String {
    // Most values (path data, hundreds of kilobytes for a day-long timeline) have no "(" at
    // all, and most that do are transforms (`matrix(…)`, one per glyph): the search runs on the
    // UTF-8 bytes, without Foundation's string search (a tenth of drawing the charts).
    var value = value
    let rewritten = value.withUTF8 { bytes -> String? in
      let opener = Array("url(#".utf8)
      guard var start = ByteSearch.firstOccurrence(of: opener, in: bytes) else { return nil }
      var result: [UInt8] = []
      var copied = 0
      while true {
        let idStart = start + opener.count
        guard let close = bytes[idStart...].firstIndex(of: UInt8(ascii: ")")) else { break }
        result += bytes[copied..<idStart]
        result += mapped(String(decoding: bytes[idStart..<close], as: UTF8.self)).utf8
        copied = close
        guard let next = ByteSearch.firstOccurrence(of: opener, in: bytes, from: close) else { break }
        start = next
      }
      result += bytes[copied...]
      return String(decoding: result, as: UTF8.self)
    }
    return rewritten ?? value
  }

  private static func isSurfaceID(_ value: String) -> Bool {
    value.hasPrefix("surface") && value.count > 7 && value.dropFirst(7).allSatisfy(\.isASCIIDigit)
  }

  /// Every attribute of every element under (and including) `root`, in document order.
  private static func attributes(under root: xmlNodePtr) -> [(xmlNodePtr, xmlAttrPtr)] {
    var result: [(xmlNodePtr, xmlAttrPtr)] = []
    var stack: [xmlNodePtr] = [root]
    while let node = stack.popLast() {
      guard node.pointee.type == XML_ELEMENT_NODE else { continue }
      var attribute = node.pointee.properties
      while let current = attribute {
        result.append((node, current))
        attribute = current.pointee.next
      }
      var children: [xmlNodePtr] = []
      var child = node.pointee.children
      while let current = child {
        children.append(current)
        child = current.pointee.next
      }
      stack += children.reversed()
    }
    return result
  }

  private static func name(of attribute: xmlAttrPtr) -> String {
    attribute.pointee.name.map { String(cString: $0) } ?? ""
  }

  private static func value(of attribute: xmlAttrPtr) -> String {
    guard let text = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
    defer { cxml_free(text) }
    return String(cString: text)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
