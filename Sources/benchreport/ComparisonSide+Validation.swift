import ArgumentParser
import BenchPipeline

extension ComparisonSide {
  /// Runs `body`, turning a side that cannot be read into the usage error it has always been
  /// (exit 64 with the message), whatever else it throws passing through.
  static func validating<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ComparisonSideError {
      throw ValidationError(error.description)
    }
  }
}
