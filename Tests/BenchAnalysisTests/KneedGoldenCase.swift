import Foundation
import Testing

@testable import BenchAnalysis

/// One case of `Fixtures/kneed-golden-v0.8.6.json`: inputs and the output of the Python
/// package kneed 0.8.6 (`KneeLocator(x, y, **args)`), copied from
/// `shared/reference/kneed-golden-v0.8.6.json`.
struct KneedGoldenCase: Decodable, Sendable, CustomTestStringConvertible {
  /// kneed's keyword arguments; absent keys take kneed's defaults.
  struct Arguments: Decodable, Sendable {
    var sensitivity: Double?
    var curve: String?
    var direction: String?
    var online: Bool?
    var interpolationMethod: String?
    var polynomialDegree: Int?

    enum CodingKeys: String, CodingKey {
      case sensitivity = "S"
      case curve, direction, online
      case interpolationMethod = "interp_method"
      case polynomialDegree = "polynomial_degree"
    }
  }

  /// kneed's attributes after construction; `nil` where kneed had `None`.
  struct Result: Decodable, Sendable {
    var knee: Double?
    var kneeY: Double?
    var normalizedKnee: Double?
    var allKnees: [Double]

    enum CodingKeys: String, CodingKey {
      case knee
      case kneeY = "knee_y"
      case normalizedKnee = "norm_knee"
      case allKnees = "all_knees"
    }
  }

  var name: String
  var args: Arguments
  var x: [Double]
  var y: [Double]
  var result: Result

  var testDescription: String { name }

  /// The detector kneed's arguments describe; throws on a value kneed would reject.
  func detector() throws -> KneeDetector {
    let curve = try #require(KneeDetector.Curve(rawValue: args.curve ?? "concave"))
    let direction = try #require(KneeDetector.Direction(rawValue: args.direction ?? "increasing"))
    let interpolation: KneeDetector.Interpolation
    switch args.interpolationMethod ?? "interp1d" {
    case "interp1d": interpolation = .interp1d
    case "polynomial": interpolation = .polynomial(degree: args.polynomialDegree ?? 7)
    case let other: throw UnknownInterpolation(name: other)
    }
    return KneeDetector(
      curve: curve, direction: direction, sensitivity: args.sensitivity ?? 1,
      interpolation: interpolation, online: args.online ?? false)
  }

  struct UnknownInterpolation: Error {
    var name: String
  }

  static let fixtureName = "kneed-golden-v0.8.6"

  static func loadAll() throws -> [KneedGoldenCase] {
    let url = try #require(
      Bundle.module.url(forResource: fixtureName, withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode([KneedGoldenCase].self, from: Data(contentsOf: url))
  }

  /// For `@Test(arguments:)`, which cannot throw; `goldenFileLoads` reports a failure.
  static let all: [KneedGoldenCase] = (try? loadAll()) ?? []
}
