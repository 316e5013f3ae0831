import Foundation

/// Stage 5: writes the rendered files into a fresh folder beside the output, then swaps it into place,
/// so a failed or killed build never leaves a half-written site where the old one was.
public struct SiteWriter: Sendable {
    public var output: URL
    /// Marks a folder this tool created, so it may replace it without asking.
    public static let markerFile = ".portrait-site"
    static let stagingPrefix = ".portrait-staging-"
    static let retiredPrefix = ".portrait-retired-"

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(_ files: [OutputFile], staticFiles: [(source: URL, path: String)] = []) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)

        let staging = parent.appendingPathComponent("\(Self.stagingPrefix)\(output.lastPathComponent)-\(getpid())")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var directories = Set<String>()
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                let directory = url.deletingLastPathComponent().path
                if directories.insert(directory).inserted {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                guard fileManager.createFile(atPath: url.path, contents: Data(file.bytes)) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                }
            }
            for item in staticFiles {
                let url = staging.appendingPathComponent(item.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.copyItem(at: item.source, to: url)
            }
            fileManager.createFile(atPath: staging.appendingPathComponent(Self.markerFile).path, contents: Data())
            try swapIntoPlace(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func swapIntoPlace(_ staging: URL) throws {
        if FileManager.default.fileExists(atPath: output.path) {
            // Exchanging the two names is one atomic step: readers see the old site or the new one, never neither.
            if PathExchange.exchange(staging.path, output.path) {
                try? FileManager.default.removeItem(at: staging)
                return
            }
            let retired = output.deletingLastPathComponent()
                .appendingPathComponent("\(Self.retiredPrefix)\(output.lastPathComponent)-\(getpid())")
            try FileManager.default.moveItem(at: output, to: retired)
            try FileManager.default.moveItem(at: staging, to: output)
            try? FileManager.default.removeItem(at: retired)
        } else {
            try FileManager.default.moveItem(at: staging, to: output)
        }
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
