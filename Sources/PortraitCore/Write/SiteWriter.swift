import Foundation

/// Stage 5: files go into a fresh staging folder beside the output, which is then swapped into place
/// in one step, so a failed or killed build never leaves a half-written site where the old one was.
public struct SiteWriter: Sendable {
    public var output: URL
    /// Marks a folder this tool created, so it may replace it without asking.
    public static let markerFile = ".portrait-site"
    static let stagingPrefix = ".portrait-staging-"
    static let retiredPrefix = ".portrait-retired-"

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func beginStaging() throws -> Staging {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)
        let folder = parent.appendingPathComponent("\(Self.stagingPrefix)\(output.lastPathComponent)-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return Staging(folder: folder, output: output)
    }

    /// A build killed part-way leaves its staging folder; the next build clears it.
    private func removeLeftovers(in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(Self.stagingPrefix + output.lastPathComponent + "-")
            || name.hasPrefix(Self.retiredPrefix + output.lastPathComponent + "-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// The folder a build writes into before it becomes the site.
    public final class Staging: @unchecked Sendable {
        let folder: URL
        let output: URL
        private var directories = Set<String>()

        init(folder: URL, output: URL) {
            self.folder = folder
            self.output = output
        }

        public func write(_ file: OutputFile) throws {
            let path = folder.path + "/" + file.path
            if let slash = file.path.lastIndex(of: "/") { try makeDirectory(String(file.path[..<slash])) }
            // An unchanged file is hard-linked from the live site instead of written again: no new inode,
            // no data written, and the old site stays intact until the swap.
            let live = output.path + "/" + file.path
            if Self.hasSameBytes(live, file.bytes), link(live, path) == 0 { return }
            // Plain POSIX calls: the staging folder is new, so there is nothing to write around, and
            // FileManager's own atomic write would create and rename a second file for every page.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            try file.bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    }
                    offset += written
                }
            }
        }

        /// `relative` and every folder above it inside the staging folder.
        private func makeDirectory(_ relative: String) throws {
            guard !directories.contains(relative) else { return }
            if let slash = relative.lastIndex(of: "/") { try makeDirectory(String(relative[..<slash])) }
            if mkdir(folder.path + "/" + relative, 0o755) != 0 && errno != EEXIST {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            directories.insert(relative)
        }

        static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
            if bytes.isEmpty { return true }
            let existing = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                var offset = 0
                while offset < bytes.count {
                    let count = read(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { break }
                    offset += count
                }
                initialized = offset
            }
            guard existing.count == bytes.count else { return false }
            return existing.withUnsafeBytes { old in bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 } }
        }

        public func copy(_ source: URL, to path: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        }

        public func discard() {
            try? FileManager.default.removeItem(at: folder)
        }

        public func commit() throws {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(SiteWriter.markerFile).path, contents: Data())
            guard FileManager.default.fileExists(atPath: output.path) else {
                try FileManager.default.moveItem(at: folder, to: output)
                return
            }
            // Exchanging the two names is one atomic step: readers see the old site or the new one, never neither.
            if PathExchange.exchange(folder.path, output.path) {
                try? FileManager.default.removeItem(at: folder)
                return
            }
            let retired = output.deletingLastPathComponent()
                .appendingPathComponent("\(SiteWriter.retiredPrefix)\(output.lastPathComponent)-\(getpid())")
            try FileManager.default.moveItem(at: output, to: retired)
            try FileManager.default.moveItem(at: folder, to: output)
            try? FileManager.default.removeItem(at: retired)
        }
    }
}
