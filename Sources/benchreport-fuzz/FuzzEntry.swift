import BenchIngest

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzzing harness for the result readers (`make fuzz`).
///
/// Built normally it is a corpus replayer: `benchreport-fuzz FILE|DIR…` feeds every file to
/// the readers, so crashers found by the fuzzer stay regression tests. Built with `-D FUZZING`,
/// coverage instrumentation and libFuzzer's `fuzzer_no_main` runtime (see the Makefile), its
/// `main` hands control to libFuzzer, which calls `readOne` with generated inputs.
/// (SwiftPM renames an executable's `main`, so libFuzzer's own `main` cannot be used.)
func readOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // JSON: classification, every reader, sample arrays.
  let result = ResultFileReader().read(bytes, path: "fuzz-input.json")
  // Invariants: everything read is accounted for, and skipped entries say why.
  for skipped in result.skipped where skipped.reason.isEmpty { fatalError("skipped without a reason") }
  _ = SweepGrouper.group(result.runs)
  // CSV: the record reader on its own, then the whole Locust path (detection by header,
  // history and stats readers, run assembly) on the same bytes as a `_stats_history.csv`
  // and a `_stats.csv` of one prefix.
  var records = CSVRecordReader(bytes: bytes)
  _ = try? records.readAll()
  // The Locust path writes and scans files, which costs far more per input; only take it for
  // inputs that could be a CSV (not JSON) so the fuzzer keeps its pace on the JSON readers.
  if !LeadingBytes.startsLikeJSON(bytes), let folder = LocustScratch.folder {
    LocustScratch.write(bytes, to: folder + "/fuzz_stats_history.csv")
    LocustScratch.write(bytes, to: folder + "/fuzz_stats.csv")
    let scanned = InputScanner().scan([folder])
    for skipped in scanned.skipped where skipped.reason.isEmpty { fatalError("skipped without a reason") }
    _ = SweepGrouper.group(scanned.runs)
  }
  return 0
}

/// A private folder for the CSV files the Locust path reads (it groups files by prefix).
enum LocustScratch {
  static let folder: String? = {
    var template = Array("/tmp/benchreport-fuzz-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { return nil }
    return String(cString: made)
  }()

  static func write(_ bytes: [UInt8], to path: String) {
    guard let file = fopen(path, "wb") else { return }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
  }
}

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32
#endif

@main
struct FuzzEntry {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv) { data, size in readOne(data, size) })
    #else
      var count = 0
      for path in CommandLine.arguments.dropFirst() {
        for file in files(at: path) {
          guard let bytes = contents(of: file) else { continue }
          _ = bytes.withUnsafeBufferPointer { readOne($0.baseAddress, $0.count) }
          count += 1
        }
      }
      print("replayed \(count) inputs without a crash")
    #endif
  }

  static func files(at path: String) -> [String] {
    guard let directory = opendir(path) else { return [path] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if !name.hasPrefix(".") { names.append(path + "/" + name) }
    }
    return names.sorted()
  }

  static func contents(of path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let read = fread(&buffer, 1, buffer.count, file)
      if read <= 0 { break }
      bytes += buffer[0..<read]
    }
    return bytes
  }
}
