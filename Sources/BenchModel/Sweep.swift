/// Runs of one identity at several levels of one load variable, ordered by level (∞ last).
public struct Sweep: Sendable, Equatable {
  public var identity: SweepIdentity
  public var variable: LoadVariable
  /// One entry per distinct load level, ascending.
  public var levels: [SweepLevel]

  public init(identity: SweepIdentity, variable: LoadVariable, levels: [SweepLevel]) {
    self.identity = identity
    self.variable = variable
    self.levels = levels
  }

  /// Every run of the sweep, in level order.
  public var runs: [Run] { levels.flatMap(\.runs) }
}

/// One load level of a sweep and the runs measured at it (several with repetitions).
public struct SweepLevel: Sendable, Equatable {
  public var level: LoadLevel
  /// Runs at this level, ordered by source; repetitions are averaged by the analysis.
  public var runs: [Run]

  public init(level: LoadLevel, runs: [Run]) {
    self.level = level
    self.runs = runs
  }
}
