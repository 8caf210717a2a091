import CLibXML2

/// A Locust HTML report parsed with libxml2's HTML parser (lenient, as browsers are): the text
/// of its inline scripts, where modern reports embed their data, and its tables, which hold the
/// data of older server-rendered reports.
///
/// This file must not import Foundation: Foundation's bundled ICU and the system ICU that
/// libxml2's headers include cannot both be visible in one Swift file.
struct LocustHTMLDocument {
  /// A `<table>`: the header cells and the body rows, as text with entities decoded.
  struct Table: Sendable, Equatable {
    var header: [String]
    var rows: [[String]]
  }

  var scripts: [String]
  var tables: [Table]

  private static let initialized: Void = xmlInitParser()

  /// Nil when libxml2 could not build a document at all.
  static func parse(_ bytes: [UInt8]) -> LocustHTMLDocument? {
    _ = initialized
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue
        | HTML_PARSE_COMPACT.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        htmlReadMemory($0.baseAddress, Int32($0.count), "report.html", "UTF-8", options)
      }
    }
    guard let document else { return nil }
    defer { xmlFreeDoc(document) }
    var scripts: [String] = []
    var tables: [Table] = []
    walk(xmlDocGetRootElement(document), scripts: &scripts, tables: &tables)
    return LocustHTMLDocument(scripts: scripts, tables: tables)
  }

  private static func walk(_ start: xmlNodePtr?, scripts: inout [String], tables: inout [Table]) {
    var node = start
    while let current = node {
      if current.pointee.type == XML_ELEMENT_NODE {
        let name = elementName(current)
        if name == "script" {
          if !hasAttribute(current, "src") { scripts.append(text(of: current)) }
        } else if name == "table" {
          tables.append(table(current))
        } else {
          walk(current.pointee.children, scripts: &scripts, tables: &tables)
        }
      }
      node = current.pointee.next
    }
  }

  private static func hasAttribute(_ node: xmlNodePtr, _ name: String) -> Bool {
    name.withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlHasProp(node, $0) != nil }
    }
  }

  private static func elementName(_ node: xmlNodePtr) -> String {
    guard let name = node.pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  private static func text(of node: xmlNodePtr) -> String {
    guard let content = xmlNodeGetContent(node) else { return "" }
    defer { cxml_free(content) }
    return String(cString: content)
  }

  private static func table(_ node: xmlNodePtr) -> Table {
    var rows: [[String]] = []
    var headerRows: [[String]] = []
    collectRows(node.pointee.children, inHead: false, rows: &rows, headerRows: &headerRows)
    var header = headerRows.first ?? []
    if header.isEmpty, let first = rows.first {
      header = first
      rows.removeFirst()
    }
    return Table(header: header, rows: rows)
  }

  private static func collectRows(_ start: xmlNodePtr?, inHead: Bool, rows: inout [[String]], headerRows: inout [[String]]) {
    var node = start
    while let current = node {
      if current.pointee.type == XML_ELEMENT_NODE {
        let name = elementName(current)
        if name == "tr" {
          var cells: [String] = []
          var allHeaderCells = true
          var cell = current.pointee.children
          while let element = cell {
            if element.pointee.type == XML_ELEMENT_NODE {
              let cellName = elementName(element)
              if cellName == "td" || cellName == "th" {
                cells.append(trimmed(text(of: element)))
                if cellName == "td" { allHeaderCells = false }
              }
            }
            cell = element.pointee.next
          }
          if inHead || (allHeaderCells && !cells.isEmpty) { headerRows.append(cells) } else { rows.append(cells) }
        } else if name != "table" {
          collectRows(current.pointee.children, inHead: inHead || name == "thead", rows: &rows, headerRows: &headerRows)
        }
      }
      node = current.pointee.next
    }
  }

  private static func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
