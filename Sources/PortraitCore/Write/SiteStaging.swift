import Foundation

/// The folder a build writes into before it becomes the site: either a new, empty folder, or the
/// previous site, brought up to date in place.
public final class SiteStaging: @unchecked Sendable {
    let folder: URL
    let output: URL
    /// A brand-new folder: nothing to compare with and nothing to remove.
    private let fresh: Bool
    /// Pages are written from several threads; the lock guards these two sets and making folders.
    private let lock = NSLock()
    private var directories = Set<String>()
    private var written = Set<String>()

    init(folder: URL, output: URL, fresh: Bool) {
        self.folder = folder
        self.output = output
        self.fresh = fresh
        if !fresh { startListing() }
    }

    public func write(_ file: OutputFile) throws {
        if let stream = file.stream { return try write(stream, to: file.path, aliases: file.aliases) }
        let path = folder.path + "/" + file.path
        try lock.withLock {
            if let slash = file.path.lastIndex(of: "/") { try makeDirectory(String(file.path[..<slash])) }
            written.insert(file.path)
        }
        if !fresh {
            if Self.hasSameBytes(path, file.bytes) { return }
            try remove(path)
        }
        // An unchanged file is hard-linked from the live site instead of written again. Files are never
        // changed in place, because the two sites share such files.
        let live = output.path + "/" + file.path
        if Self.hasSameBytes(live, file.bytes), link(live, path) == 0 { return }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
        defer { close(descriptor) }
        let failed = file.bytes.withUnsafeBytes { writeAll(descriptor, $0) }
        if failed != 0 {
            errno = failed
            throw Self.failure(path)
        }
    }

    /// A streamed file is always written anew, piece by piece; its aliases become hard links to it.
    private func write(_ stream: StreamedBytes, to relative: String, aliases: [String]) throws {
        try lock.withLock {
            for item in [relative] + aliases {
                if let slash = item.lastIndex(of: "/") { try makeDirectory(String(item[..<slash])) }
                written.insert(item)
            }
        }
        let path = folder.path + "/" + relative
        if !fresh { try remove(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
        var failed: Int32 = 0
        stream.produce { piece in
            if failed == 0 { failed = writeAll(descriptor, UnsafeRawBufferPointer(piece)) }
        }
        close(descriptor)
        if failed != 0 {
            errno = failed
            throw Self.failure(path)
        }
        for alias in aliases {
            let aliasPath = folder.path + "/" + alias
            try remove(aliasPath)
            guard link(path, aliasPath) == 0 else { throw Self.failure(aliasPath) }
        }
    }

    public func copy(_ source: URL, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: source.path])
        }
        try write(OutputFile(path: path, bytes: Array(data)))
    }

    /// A new folder is removed; a reused one stays for the next build, which tidies it.
    public func discard() {
        listing.wait()
        if fresh { try? FileManager.default.removeItem(at: folder) }
    }

    public func commit() throws {
        if !fresh { removeUnwritten() }
        let marker = folder.path + "/" + SiteWriter.markerFile
        if !FileManager.default.fileExists(atPath: marker) {
            guard FileManager.default.createFile(atPath: marker, contents: Data()) else { throw Self.failure(marker) }
        }
        guard FileManager.default.fileExists(atPath: output.path) else {
            try FileManager.default.moveItem(at: folder, to: output)
            return
        }
        // Exchanging the two names is one atomic step: readers see the old site or the new one, never neither.
        if PathExchange.exchange(folder.path, output.path) {
            keepAsPrevious(folder)
            return
        }
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent("\(SiteWriter.retiredPrefix)\(output.lastPathComponent)-\(getpid())")
        try FileManager.default.moveItem(at: output, to: retired)
        try FileManager.default.moveItem(at: folder, to: output)
        keepAsPrevious(retired)
    }

    /// The replaced site becomes the next build's staging folder, if this tool made it; a folder
    /// replaced with --force is deleted, as it always was.
    private func keepAsPrevious(_ replaced: URL) {
        let previous = SiteWriter(output: output).previous
        let ours = FileManager.default.fileExists(atPath: replaced.path + "/" + SiteWriter.markerFile)
        if replaced.standardizedFileURL.path == previous.standardizedFileURL.path {
            if !ours { try? FileManager.default.removeItem(at: replaced) }
            return
        }
        if ours, !FileManager.default.fileExists(atPath: previous.path), rename(replaced.path, previous.path) == 0 { return }
        try? FileManager.default.removeItem(at: replaced)
    }

    /// Everything the reused folder held when the build began, parents before children. Listed on a
    /// thread of its own while pages render; a list kept from last time would miss anything added to
    /// the folder since.
    private var previousEntries: [(path: String, isDirectory: Bool)] = []
    private let listing = DispatchGroup()

    private func startListing() {
        DispatchQueue.global().async(group: listing) { [self] in
            var entries: [(path: String, isDirectory: Bool)] = []
            Self.list(folder.path, relative: "", into: &entries)
            previousEntries = entries
        }
    }

    private static func list(_ root: String, relative: String, into entries: inout [(path: String, isDirectory: Bool)]) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let stream = opendir(path) else { return }
        var children: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {  // some file systems leave the type out
                var info = stat()
                isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            children.append((name, isDirectory))
        }
        closedir(stream)
        for (name, isDirectory) in children {
            let child = relative.isEmpty ? name : relative + "/" + name
            entries.append((child, isDirectory))
            if isDirectory { list(root, relative: child, into: &entries) }
        }
    }

    /// Removes what was in the reused folder and this build did not write.
    private func removeUnwritten() {
        listing.wait()
        var removedFolder: String?
        for (path, isDirectory) in previousEntries {
            if let removedFolder, path.hasPrefix(removedFolder + "/") { continue }
            // The list may be older than this build's own writes: a folder that became a file, or the
            // reverse, is in one of these sets and stays.
            if written.contains(path) || directories.contains(path) || path == SiteWriter.markerFile { continue }
            try? FileManager.default.removeItem(atPath: folder.path + "/" + path)
            if isDirectory { removedFolder = path }
        }
    }

    /// `relative` and every folder above it inside the staging folder.
    private func makeDirectory(_ relative: String) throws {
        guard !directories.contains(relative) else { return }
        if let slash = relative.lastIndex(of: "/") { try makeDirectory(String(relative[..<slash])) }
        let path = folder.path + "/" + relative
        if mkdir(path, 0o755) != 0 {
            guard errno == EEXIST else { throw Self.failure(path) }
            var info = stat()
            if lstat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                try remove(path)
                guard mkdir(path, 0o755) == 0 else { throw Self.failure(path) }
            }
        }
        directories.insert(relative)
    }

    /// Removes a file or folder at `path`, if there is one.
    private func remove(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT { return }
        try FileManager.default.removeItem(atPath: path)
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

    private static func failure(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
