/// An uncaught exception in the load generator's own code (a row of Locust's
/// `_exceptions.csv`): the test script broke, not the server.
public struct ExceptionRecord: Sendable, Hashable {
  public var count: Int
  public var message: String
  /// The last line of the traceback that names a file (where it happened), if any.
  public var location: String?
  /// Worker ids, or `local`.
  public var nodes: String?

  public init(count: Int, message: String, location: String? = nil, nodes: String? = nil) {
    self.count = count
    self.message = message
    self.location = location
    self.nodes = nodes
  }
}
