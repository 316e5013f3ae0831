import Foundation

/// Writes into a live folder, touching only files whose bytes changed and removing files no longer
/// produced. The preview server uses it so a one-word edit rewrites only the pages that show that word.
/// Files arrive from several threads while a build runs; each is compared with what is on disk, so
/// nothing of the site is held in memory between builds.
public final class IncrementalWriter: @unchecked Sendable {
    public let output: URL
    private let lock = NSLock()
    private var previous = Set<String>()
    private var current = Set<String>()
    private var changed: [String] = []
    private var folders = Set<String>()
    private var unsettledPaths = Set<String>()

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Starts a build: files not written again before `finish` are removed then.
    public func begin() {
        lock.withLock {
            current = []
            changed = []
        }
    }

    public func write(_ file: OutputFile) throws {
        let path = output.path + "/" + file.path
        lock.withLock { _ = current.insert(file.path) }
        if let stream = file.stream {
            // The exports are tens of megabytes on large sites: written piece by piece rather than
            // gathered and compared, with their aliases as hard links.
            try makeFolder(of: path)
            try Self.replace(path) { descriptor in
                var failure: Int32 = 0
                stream.produce { piece in
                    if failure == 0 { failure = writeAll(descriptor, UnsafeRawBufferPointer(piece)) }
                }
                return failure
            }
            for alias in file.aliases {
                let aliasPath = output.path + "/" + alias
                try makeFolder(of: aliasPath)
                try Self.replace(aliasPath, linking: path)
            }
            lock.withLock {
                for item in [file.path] + file.aliases {
                    current.insert(item)
                    changed.append(item)
                    unsettledPaths.insert(item)
                }
            }
            return
        }
        if SiteStaging.hasSameBytes(path, file.bytes) { return }
        try makeFolder(of: path)
        try Self.replace(path) { descriptor in file.bytes.withUnsafeBytes { writeAll(descriptor, $0) } }
        lock.withLock {
            changed.append(file.path)
            unsettledPaths.insert(file.path)
        }
    }

    private func makeFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if lock.withLock({ folders.contains(folder) }) { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        lock.withLock { _ = folders.insert(folder) }
    }

    private static func temporaryName(beside path: String) -> String {
        path + ".portrait-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// Writes a temporary file beside `path` with `fill`, which returns 0 or an errno, and renames it
    /// over `path`, so the preview server never sends half a page.
    private static func replace(_ path: String, fill: (Int32) -> Int32) throws {
        let temporary = temporaryName(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let failure = fill(descriptor)
        close(descriptor)
        if failure == 0 && rename(temporary, path) == 0 { return }
        let code = failure != 0 ? failure : errno
        unlink(temporary)
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    /// Puts a hard link to `target` at `path`, replacing what was there in one step.
    private static func replace(_ path: String, linking target: String) throws {
        let temporary = temporaryName(beside: path)
        guard link(target, temporary) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// Files changed since the last `finish`: by builds that failed or were cancelled, or by a quick
    /// pass, so on disk but not yet part of a finished build.
    public var unsettled: Set<String> { lock.withLock { unsettledPaths } }

    /// Copies static files, removes what this build did not write, and returns every path changed.
    /// A `partial` build wrote only what changed, so nothing is removed.
    public func finish(staticFiles: [(source: URL, path: String)] = [], partial: Bool = false) throws -> [String] {
        for item in staticFiles {
            try write(OutputFile(path: item.path, bytes: Array((try? Data(contentsOf: item.source)) ?? Data())))
        }
        return lock.withLock {
            unsettledPaths = []
            if partial { current.formUnion(previous) }
            for path in previous.subtracting(current).sorted() {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
                changed.append(path)
            }
            previous = current
            return changed.sorted()
        }
    }

    /// One whole build at once.
    public func write(_ files: [OutputFile], staticFiles: [(source: URL, path: String)] = []) throws -> [String] {
        begin()
        for file in files { try write(file) }
        return try finish(staticFiles: staticFiles)
    }
}
