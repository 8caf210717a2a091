import CLibXML2

/// A parsed libxml2 document that frees itself, plus the parser's structured errors.
///
/// Parsing never uses recovery mode (unlike FoundationXML on Linux), so every
/// well-formedness error is reported with its line and column.
final class LibXMLDocument {
  let pointer: xmlDocPtr

  private init(pointer: xmlDocPtr) {
    self.pointer = pointer
  }

  deinit {
    xmlFreeDoc(pointer)
  }

  /// `xmlInitParser` must run once before libxml2 is used from several threads;
  /// Swift initialises this static exactly once, thread-safely.
  private static let initialized: Void = xmlInitParser()

  /// Parses `bytes` as XML; the document is nil when there was an error or fatal error.
  static func parse(_ bytes: [UInt8]) -> (document: LibXMLDocument?, issues: [XMLIssue]) {
    _ = initialized
    let sink = IssueSink()
    let context = Unmanaged.passRetained(sink)
    // Structured error handlers are per thread in libxml2, and this function does not
    // suspend, so the handler only sees this parse.
    xmlSetStructuredErrorFunc(context.toOpaque()) { context, error in
      guard let context, let error else { return }
      let sink = Unmanaged<IssueSink>.fromOpaque(context).takeUnretainedValue()
      sink.issues.append(XMLIssue(error.pointee))
    }
    defer {
      xmlSetStructuredErrorFunc(nil, nil)
      context.release()
    }
    let options = Int32(XML_PARSE_NONET.rawValue)
    let doc = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        xmlReadMemory($0.baseAddress, Int32($0.count), "document.xml", nil, options)
      }
    }
    let failed = sink.issues.contains { $0.severity != .warning }
    guard let doc else { return (nil, sink.issues) }
    if failed {
      xmlFreeDoc(doc)
      return (nil, sink.issues)
    }
    return (LibXMLDocument(pointer: doc), sink.issues)
  }

  /// The whole document, with its XML declaration, in UTF-8.
  func serialized() -> [UInt8] {
    var memory: UnsafeMutablePointer<xmlChar>?
    var size: Int32 = 0
    xmlDocDumpMemoryEnc(pointer, &memory, &size, "UTF-8")
    guard let memory else { return [] }
    defer { cxml_free(memory) }
    return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
  }

  /// The root element alone (no XML declaration), e.g. to inline an SVG into HTML.
  func serializedRootElement() -> String {
    guard let root = xmlDocGetRootElement(pointer), let buffer = xmlBufferCreate() else { return "" }
    defer { xmlBufferFree(buffer) }
    xmlNodeDump(buffer, pointer, root, 0, 0)
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }

  private final class IssueSink {
    var issues: [XMLIssue] = []
  }
}

extension XMLIssue {
  init(_ error: xmlError) {
    let severity: Severity
    switch error.level {
    case XML_ERR_WARNING: severity = .warning
    case XML_ERR_FATAL: severity = .fatal
    default: severity = .error
    }
    let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error \(error.code)"
    self.init(
      line: Int(error.line), column: Int(error.int2),
      message: String(message.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()),
      severity: severity)
  }
}
