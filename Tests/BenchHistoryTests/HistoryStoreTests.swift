import Testing
@testable import BenchHistory
