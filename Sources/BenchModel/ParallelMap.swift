import Dispatch

/// `map` on all cores, results in input order (so outputs never depend on the scheduling).
///
/// Each element is one unit of work (a file to read, a chart to render); as many run at once
/// as there are cores, so a two-core machine holds at most two files' transient data.
public enum ParallelMap {
  public static func map<Element: Sendable, Mapped: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Mapped
  ) -> [Mapped] {
    guard elements.count > 1 else { return elements.map(transform) }
    let slots = UnsafeMutableBufferPointer<Mapped?>.allocate(capacity: elements.count)
    slots.initialize(repeating: nil)
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    nonisolated(unsafe) let shared = slots  // each iteration writes its own slot only
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      shared[index] = transform(elements[index])
    }
    return slots.map { $0! }
  }
}
