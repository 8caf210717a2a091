/// Which fonts the renderer may use.
public enum FontSource: Sendable, Hashable {
  /// The machine's fontconfig setup. Output depends on the installed fonts.
  case system
  /// Only what this fontconfig file lists, for output that is the same on every machine
  /// with the same fonts installed (tests, golden files). See
  /// `Tests/BenchChartsTests/Fixtures/fonts.conf` for the shape of such a file.
  case configFile(path: String)
}
