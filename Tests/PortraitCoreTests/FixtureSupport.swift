import Foundation
@testable import PortraitCore

/// Paths to the repository and its fixtures, and scratch folders that clean up after themselves.
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsDirectory.appendingPathComponent("Fixtures")
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let basic = root.appendingPathComponent("valid/basic")
    static let invalid = root.appendingPathComponent("invalid")

    static func invalidCases() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: invalid.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// A temporary folder, removed when the value is released.
final class ScratchDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portrait-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) {
        let target = path(relative)
        try! FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: target, atomically: false, encoding: .utf8)
    }

    /// Copies a folder in, then lays an overlay's files over it (an overlay's `remove.txt` lists files to delete).
    func copy(_ source: URL, to relative: String, overlay: URL? = nil) {
        let target = path(relative)
        try! FileManager.default.copyItem(at: source, to: target)
        guard let overlay else { return }
        let enumerator = FileManager.default.enumerator(atPath: overlay.path)!
        for case let item as String in enumerator {
            let from = overlay.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: from.path, isDirectory: &isDirectory)
            if isDirectory.boolValue || item == "expected.txt" { continue }
            if item == "remove.txt" {
                for line in try! String(contentsOf: from, encoding: .utf8).split(separator: "\n") {
                    try? FileManager.default.removeItem(at: target.appendingPathComponent(String(line)))
                }
                continue
            }
            let to = target.appendingPathComponent(item)
            try? FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: to)
            try! FileManager.default.copyItem(at: from, to: to)
        }
    }
}

extension BuildOptions {
    /// Options as the CLI would make them when run from inside `directory`, so messages name "content/…".
    static func relative(to directory: ScratchDirectory, output: String = "site", templates: Bool = false) -> BuildOptions {
        BuildOptions(
            content: directory.path("content"), contentDisplay: "content",
            templates: templates ? directory.path("templates") : nil, templatesDisplay: templates ? "templates" : nil,
            output: directory.path(output))
    }
}

/// Every file under a folder with its bytes, for comparing whole sites.
func snapshot(of directory: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return files }
    for case let item as String in enumerator {
        let url = directory.appendingPathComponent(item)
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files[item] = FileManager.default.contents(atPath: url.path) }
    }
    return files
}

/// The failure a build reports, or nil when it succeeds.
func buildFailure(_ options: BuildOptions) -> BuildFailure? {
    do {
        _ = try BuildPipeline.build(options)
        return nil
    } catch {
        return error
    }
}
