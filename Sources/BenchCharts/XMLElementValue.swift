import CLibXML2

/// An XML element as plain values (name, attributes, children), read with libxml2 without
/// recovery. It lets reports and tests inspect generated XHTML and SVG — "is this `<script>`
/// an element or text?", "are the ids unique?" — without touching libxml2 types.
public struct XMLElementValue: Sendable, Equatable {
  public indirect enum Child: Sendable, Equatable {
    case element(XMLElementValue)
    /// Character data, entities decoded (CDATA included).
    case text(String)
  }

  /// The local name, without a namespace prefix (`svg`, `href`).
  public var name: String
  /// Attributes by local name (`xlink:href` is `href`), values with entities decoded.
  public var attributes: [String: String]
  public var children: [Child]

  public init(name: String, attributes: [String: String] = [:], children: [Child] = []) {
    self.name = name
    self.attributes = attributes
    self.children = children
  }

  /// The root element of `text`, or the parser's issues when it is not well-formed.
  public static func parse(_ text: String) -> Result<XMLElementValue, XMLParseFailure> {
    let (parsed, issues) = LibXMLDocument.parse(Array(text.utf8))
    guard let document = parsed, let root = xmlDocGetRootElement(document.pointer) else {
      return .failure(XMLParseFailure(issues: issues))
    }
    return .success(value(of: root))
  }

  /// This element and every element below it, in document order.
  public var elements: [XMLElementValue] {
    [self]
      + children.flatMap { child -> [XMLElementValue] in
        if case .element(let element) = child { return element.elements }
        return []
      }
  }

  /// Every element named `name` at or below this one, in document order.
  public func elements(named name: String) -> [XMLElementValue] {
    elements.filter { $0.name == name }
  }

  /// All text below this element, concatenated in document order.
  public var textContent: String {
    children.map { child in
      switch child {
      case .element(let element): element.textContent
      case .text(let text): text
      }
    }.joined()
  }

  private static func value(of node: xmlNodePtr) -> XMLElementValue {
    var element = XMLElementValue(name: node.pointee.name.map { String(cString: $0) } ?? "")
    var attribute = node.pointee.properties
    while let current = attribute {
      let name = current.pointee.name.map { String(cString: $0) } ?? ""
      if let text = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
        element.attributes[name] = String(cString: text)
        cxml_free(text)
      } else {
        element.attributes[name] = ""
      }
      attribute = current.pointee.next
    }
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        element.children.append(.element(value(of: current)))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        element.children.append(.text(current.pointee.content.map { String(cString: $0) } ?? ""))
      default:
        break
      }
      child = current.pointee.next
    }
    return element
  }
}

/// Why a document could not be read as XML: libxml2's issues, each with line and column.
public struct XMLParseFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public var issues: [XMLIssue]

  public var description: String {
    issues.isEmpty ? "not well-formed XML" : issues.map(\.description).joined(separator: "; ")
  }
}
