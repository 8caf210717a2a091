/// Every input format benchreport reads, as pandoc's `readers` list: a new format is one
/// `ResultReader` file and one line here. The order breaks ties of confidence, and the jobs of
/// earlier readers are merged first (so it is part of the output order: keep it stable).
public enum ReaderRegistry {
  public static let readers: [any ResultReader] = [
    LocustReader(),
    GuideLLMReader(),
    AIPerfReader(),
    InferencePerfReader(),
    LLMPerfReader(),
    GenAIBenchReader(),
    LLMDReportReader(),
    NvidiaSMIReader(),
    PrometheusScrapeReader(),
    ServingJSONReader(),
  ]
}
