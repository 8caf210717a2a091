// swift-tools-version: 6.0
import PackageDescription

/// benchreport is a pipeline: ingest → model → analysis → charts / report.
/// Dependencies point down that pipeline only; see README "Architecture".
let package = Package(
  name: "benchreport",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "benchreport", targets: ["benchreport"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // C libraries from Debian -dev packages, found with pkg-config.
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    /// zlib, for writing chart PNGs faster than Cairo's own writer (see PNGEncoder).
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

    /// A SIGBUS guard for memory-mapped input files that are shortened while read (MappedFile).
    .target(name: "CMappedFileGuard"),

    /// Value types only: runs, sweeps, latency summaries, diagnostics.
    .target(name: "BenchModel"),
    /// Format detection and one reader per input format; grouping runs into sweeps.
    .target(
      name: "BenchIngest",
      dependencies: ["BenchModel", "CLibXML2", "CMappedFileGuard", .product(name: "Yams", package: "Yams")]),
    /// Pure functions over the model: percentiles, efficiency, Kneedle, stop criteria.
    .target(name: "BenchAnalysis", dependencies: ["BenchModel"]),
    /// Chart descriptions from analysis results and the Cairo renderer (PNG, SVG).
    .target(
      name: "BenchCharts",
      dependencies: ["BenchModel", "BenchAnalysis", "CCairo", "CPangoCairo", "CLibXML2", "CZlib"]),
    /// Template view models, strings catalogues and the Markdown / JSON writers.
    .target(
      name: "BenchReport",
      dependencies: [
        "BenchModel", "BenchAnalysis", "BenchCharts", .product(name: "Mustache", package: "swift-mustache"),
      ]),
    /// The stages `analyze` and `compare` share: read and summarise → group → analyse → report
    /// input → chart specs (see AnalysisPipeline).
    .target(
      name: "BenchPipeline",
      dependencies: ["BenchModel", "BenchIngest", "BenchAnalysis", "BenchCharts", "BenchReport"]),
    /// The history store: one SQLite file of recorded analyses (schema, migrations, queries).
    .target(
      name: "BenchHistory",
      dependencies: ["BenchModel", "BenchAnalysis", .product(name: "GRDB", package: "GRDB.swift")]),
    /// The executable: argument parsing and wiring, nothing else.
    .executableTarget(
      name: "benchreport",
      dependencies: [
        "BenchModel", "BenchIngest", "BenchAnalysis", "BenchReport", "BenchCharts", "BenchPipeline", "BenchHistory",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    /// libFuzzer harness for the readers; a corpus replayer when built normally (`make fuzz`).
    .executableTarget(name: "benchreport-fuzz", dependencies: ["BenchIngest"]),
    /// `make bench`: records a generated history of 5,200 analyses and times it.
    .executableTarget(name: "benchreport-history-bench", dependencies: ["BenchHistory", "BenchAnalysis", "BenchModel"]),

    .testTarget(name: "BenchModelTests", dependencies: ["BenchModel"]),
    .testTarget(
      name: "BenchIngestTests", dependencies: ["BenchIngest", "BenchModel", "BenchAnalysis"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "BenchAnalysisTests",
      dependencies: ["BenchAnalysis", "BenchModel", .product(name: "PropertyBased", package: "swift-property-based")],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "BenchReportTests",
      dependencies: [
        "BenchReport", "BenchAnalysis", "BenchModel", "BenchIngest", "BenchCharts",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      // Golden files are read and written through #filePath, not bundled.
      exclude: ["Golden"]),
    .testTarget(
      name: "BenchChartsTests", dependencies: ["BenchCharts", "BenchAnalysis", "BenchModel", "CLibXML2", "CCairo"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "BenchPipelineTests", dependencies: ["BenchPipeline", "BenchIngest", "BenchAnalysis", "BenchModel"]),
    .testTarget(name: "benchreportTests", dependencies: ["BenchModel", "BenchCharts"]),
    .testTarget(name: "BenchHistoryTests", dependencies: ["BenchHistory", "BenchAnalysis", "BenchModel"]),
  ]
)
