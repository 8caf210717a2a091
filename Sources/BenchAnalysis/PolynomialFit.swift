/// A least-squares polynomial, fitted the way `numpy.polyfit` fits one.
///
/// Kneedle's optional smoothing step (kneed's `interp_method="polynomial"`) and kneed's
/// `find_shape` both call `numpy.polyfit`. numpy scales every column of the Vandermonde
/// matrix to unit length, solves with an SVD (LAPACK `gelsd`) that treats singular values
/// below `n · ε · σ_max` as zero, and so returns the minimum-norm solution when the system is
/// underdetermined — the default degree 7 on a six-point sweep, where the polynomial passes
/// through every point. This does the same with a one-sided Jacobi SVD: short, and accurate
/// to working precision for these tall, narrow matrices (n rows, degree + 1 columns).
struct PolynomialFit: Sendable, Equatable {
  /// Coefficients, highest power first (numpy's order).
  let coefficients: [Double]

  /// Fits a polynomial of `degree` to the points; `nil` without points, for mismatched
  /// lengths or a negative degree (where numpy raises).
  init?(x: [Double], y: [Double], degree: Int) {
    guard degree >= 0, !x.isEmpty, x.count == y.count else { return nil }
    let powers = Self.vandermondeColumns(x, degree: degree)
    // Unit-length columns make the SVD cutoff relative to each power's own size.
    let scales = powers.map { column -> Double in
      let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return norm > 0 ? norm : 1
    }
    let scaledPowers = zip(powers, scales).map { column, scale in column.map { $0 / scale } }
    let scaledCoefficients = Self.minimumNormLeastSquares(
      columns: scaledPowers, rightHandSide: y,
      relativeCutoff: Double(x.count) * Double.ulpOfOne)
    coefficients = zip(scaledCoefficients, scales).map { $0 / $1 }
  }

  /// The polynomial's value at `x`, by Horner's rule as `numpy.polyval` evaluates it.
  func callAsFunction(_ x: Double) -> Double {
    coefficients.reduce(0) { $0 * x + $1 }
  }

  /// Columns x^degree … x^1, x^0, built by repeated multiplication like `numpy.vander`.
  private static func vandermondeColumns(_ x: [Double], degree: Int) -> [[Double]] {
    var ascending = [[Double](repeating: 1, count: x.count)]
    for _ in 0..<degree {
      let previous = ascending[ascending.count - 1]
      ascending.append(zip(previous, x).map { $0 * $1 })
    }
    return ascending.reversed()
  }

  /// The c of smallest norm that minimises ‖A c − b‖, where A is given by its columns.
  ///
  /// One-sided Jacobi (Hestenes): rotate pairs of columns until all are orthogonal; then
  /// A V = U Σ with the column norms as singular values, and c = V Σ⁺ Uᵀ b, skipping singular
  /// values at or below `relativeCutoff · σ_max`.
  private static func minimumNormLeastSquares(
    columns: [[Double]], rightHandSide: [Double], relativeCutoff: Double
  ) -> [Double] {
    var work = columns
    let width = columns.count
    var rotations = (0..<width).map { column in
      (0..<width).map { $0 == column ? 1.0 : 0.0 }
    }
    for _ in 0..<maximumSweeps {
      var rotated = false
      for p in 0..<width {
        for q in (p + 1)..<width {
          let alpha = dot(work[p], work[p])
          let beta = dot(work[q], work[q])
          let gamma = dot(work[p], work[q])
          guard gamma != 0, abs(gamma) > .ulpOfOne * alpha.squareRoot() * beta.squareRoot()
          else { continue }
          rotated = true
          let zeta = (beta - alpha) / (2 * gamma)
          let tangent = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
          let cosine = 1 / (1 + tangent * tangent).squareRoot()
          let sine = cosine * tangent
          rotate(&work, p, q, cosine: cosine, sine: sine)
          rotate(&rotations, p, q, cosine: cosine, sine: sine)
        }
      }
      if !rotated { break }
    }

    let singularValues = work.map { dot($0, $0).squareRoot() }
    let cutoff = relativeCutoff * (singularValues.max() ?? 0)
    var solution = [Double](repeating: 0, count: width)
    for column in 0..<width where singularValues[column] > cutoff {
      // (u_j · b) / σ_j with u_j = work_j / σ_j.
      let sigma = singularValues[column]
      let weight = dot(work[column], rightHandSide) / (sigma * sigma)
      for row in 0..<width { solution[row] += weight * rotations[column][row] }
    }
    return solution
  }

  /// Enough for convergence on any matrix this small; Jacobi usually needs 5–10 sweeps.
  private static let maximumSweeps = 60

  private static func dot(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
  }

  private static func rotate(
    _ columns: inout [[Double]], _ p: Int, _ q: Int, cosine: Double, sine: Double
  ) {
    for row in columns[p].indices {
      let first = columns[p][row]
      let second = columns[q][row]
      columns[p][row] = cosine * first - sine * second
      columns[q][row] = sine * first + cosine * second
    }
  }
}
