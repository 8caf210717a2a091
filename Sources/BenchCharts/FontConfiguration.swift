import CPangoCairo
import Foundation

/// Owns a fontconfig configuration loaded from a file, shared by every render of one
/// renderer. fontconfig configurations are reference-counted and safe to read from
/// several threads; each render builds its own Pango font map on top.
final class FontConfiguration: @unchecked Sendable {
  let config: OpaquePointer
  let path: String

  init(path: String) throws(ChartRenderError) {
    // Checked here so a wrong path gives our message, not fontconfig's stderr line.
    guard FileManager.default.isReadableFile(atPath: path) else { throw .fontConfigUnreadable(path: path) }
    guard let config = FcConfigCreate() else { throw .fontConfigUnreadable(path: path) }
    let loaded = path.withCString { cPath in
      cPath.withMemoryRebound(to: FcChar8.self, capacity: path.utf8.count + 1) {
        FcConfigParseAndLoad(config, $0, 1)
      }
    }
    guard loaded != 0, FcConfigBuildFonts(config) != 0 else {
      FcConfigDestroy(config)
      throw .fontConfigUnreadable(path: path)
    }
    guard let fonts = FcConfigGetFonts(config, FcSetSystem), fonts.pointee.nfont > 0 else {
      FcConfigDestroy(config)
      throw .noFonts(path: path)
    }
    self.config = config
    self.path = path
  }

  deinit {
    FcConfigDestroy(config)
  }
}
