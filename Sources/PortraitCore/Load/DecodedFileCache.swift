import Foundation

/// What the preview server keeps between builds so that a save costs about one file's work: decoded
/// content files, by how they were decoded and their path, reused while the file's size, time and
/// inode are unchanged; and rendered Markdown, reused while its text and everything its links
/// resolve against are unchanged.
public final class DecodedFileCache: @unchecked Sendable {
    /// A file's identity on disk, from stat(2): an editor's save changes at least the time.
    struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
            inode = UInt64(info.st_ino)
        }

        /// File times advance in clock ticks of several milliseconds, so a second save of the same
        /// size within a tick of the first leaves the stamp as it was. A file changed in the last
        /// second is therefore never trusted from the cache; it is read again until it has settled.
        var isRecent: Bool {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let age = Double(now.tv_sec - seconds) + Double(now.tv_nsec - nanoseconds) / 1e9
            return age < 1
        }
    }

    private let lock = NSLock()
    private var entries: [String: (stamp: Stamp, result: Any)] = [:]
    private var markdown: [String: MarkdownRenderer.Output] = [:]

    public init() {}

    func result<Result>(for key: String, stamp: Stamp, as type: Result.Type) -> Result? {
        lock.withLock {
            guard let entry = entries[key], entry.stamp == stamp else { return nil }
            return entry.result as? Result
        }
    }

    func store(_ result: Any, for key: String, stamp: Stamp) {
        guard !stamp.isRecent else { return }
        lock.withLock { entries[key] = (stamp, result) }
    }

    func markdown(for key: String) -> MarkdownRenderer.Output? {
        lock.withLock { markdown[key] }
    }

    func storeMarkdown(_ output: MarkdownRenderer.Output, for key: String) {
        lock.withLock { markdown[key] = output }
    }
}
