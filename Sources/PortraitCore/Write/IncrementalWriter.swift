import Foundation

/// Writes into a live folder, touching only files whose bytes changed and removing files no longer
/// produced. The preview server uses it so a one-word edit rewrites only the pages that show that word.
public struct IncrementalWriter: Sendable {
    public var output: URL
    private var previous: [String: [UInt8]] = [:]

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Returns the paths written or removed.
    public mutating func write(_ files: [OutputFile], staticFiles: [(source: URL, path: String)] = []) throws -> [String] {
        var current: [String: [UInt8]] = [:]
        for file in files { current[file.path] = file.bytes }
        for item in staticFiles {
            current[item.path] = Array((try? Data(contentsOf: item.source)) ?? Data())
        }
        var changed: [String] = []
        for (path, bytes) in current.sorted(by: { $0.key < $1.key }) where previous[path] != bytes {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
            changed.append(path)
        }
        for path in previous.keys.sorted() where current[path] == nil {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
            changed.append(path)
        }
        previous = current
        return changed
    }
}
