/// Facts about the test environment that result files do not carry, from `benchreport.yaml`
/// (GPU, framework, driver, free-form notes). Shown in the report's environment table.
public struct EnvironmentFacts: Sendable, Equatable {
  public var title: String?
  public var gpu: String?
  public var framework: String?
  public var frameworkVersion: String?
  public var driver: String?
  public var model: String?
  public var notes: [String]
  /// Any other key/value pairs, shown as extra rows, in file order.
  public var extra: [MetadataEntry]

  public init(
    title: String? = nil, gpu: String? = nil, framework: String? = nil,
    frameworkVersion: String? = nil, driver: String? = nil, model: String? = nil,
    notes: [String] = [], extra: [MetadataEntry] = []
  ) {
    self.title = title
    self.gpu = gpu
    self.framework = framework
    self.frameworkVersion = frameworkVersion
    self.driver = driver
    self.model = model
    self.notes = notes
    self.extra = extra
  }
}
