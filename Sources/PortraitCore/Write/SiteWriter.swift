import Foundation

/// Stage 5: files go into a staging folder beside the output, which is then swapped into place in one
/// step, so a failed or killed build never leaves a half-written site where the old one was.
///
/// The site the swap replaces is kept beside the output as `.<name>.previous` and becomes the next
/// build's staging folder, updated in place: only changed files are written and no folder is made
/// again. Creating tens of thousands of folders and files per build was most of a large build's time.
public struct SiteWriter: Sendable {
    public var output: URL
    /// Marks a folder this tool created, so it may replace it without asking.
    public static let markerFile = ".portrait-site"
    static let stagingPrefix = ".portrait-staging-"
    static let retiredPrefix = ".portrait-retired-"

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Where the previous site is kept between builds.
    public var previous: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    public func beginStaging() throws -> SiteStaging {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)
        if FileManager.default.fileExists(atPath: previous.appendingPathComponent(Self.markerFile).path) {
            return SiteStaging(folder: previous, output: output, fresh: false)
        }
        let folder = parent.appendingPathComponent("\(Self.stagingPrefix)\(output.lastPathComponent)-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return SiteStaging(folder: folder, output: output, fresh: true)
    }

    /// A build killed part-way leaves its staging folder; the next build clears it.
    private func removeLeftovers(in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(Self.stagingPrefix + output.lastPathComponent + "-")
            || name.hasPrefix(Self.retiredPrefix + output.lastPathComponent + "-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
