#if canImport(Glibc)
import Dispatch
import Foundation
import Glibc

/// Watches folders for saved, created, moved and deleted files with Linux inotify, read through a
/// dispatch source. inotify is not recursive, so every folder gets its own watch, and folders made
/// later are added as they appear. A save whose files are all complete (an existing file closed
/// after writing, or a file moved into place) is reported at once; a burst with a file still being
/// made (new, deleted or moved away, as editors do when they save through a backup or a temporary
/// file) waits until the burst is quiet, and
/// saves that follow within the same interval are gathered into one more call. Hidden files and
/// editor backups are ignored.
public final class DirectoryWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "portrait.watcher")
    private var source: DispatchSourceRead?
    private var watches: [Int32: String] = [:]
    /// Changed paths, and whether each one's last event left it complete.
    private var pending: [String: Bool] = [:]
    /// Files made since the last call. One that goes again before the call (a temporary file an
    /// editor or `sed -i` writes and renames over the real one) changed nothing and is not reported.
    private var madeInBurst: Set<String> = []
    /// Nil until the first call. (A zero `DispatchTime` would not do: dispatch reads zero as "now".)
    private var lastCall: DispatchTime?
    private var debounce: DispatchWorkItem?
    private let delay: DispatchTimeInterval
    private let onChange: @Sendable (Set<String>) -> Void

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

    public init(directories: [URL], delay: DispatchTimeInterval = .milliseconds(15), onChange: @escaping @Sendable (Set<String>) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.delay = delay
        self.onChange = onChange
        queue.sync {
            for directory in directories { addTree(directory.standardizedFileURL.path) }
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.readEvents() }
        source.setCancelHandler { [descriptor] in close(descriptor) }
        self.source = source
        source.resume()
    }

    deinit { source?.cancel() }

    public func stop() { source?.cancel() }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name.hasPrefix("#")
    }

    private func addTree(_ path: String) {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        if watch >= 0 { watches[watch] = path }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where !Self.isIgnored(name) {
            var isDirectory: ObjCBool = false
            let child = "\(path)/\(name)"
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                addTree(child)
            }
        }
    }

    private func readEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                let event = buffer.advanced(by: offset).assumingMemoryBound(to: inotify_event.self).pointee
                let nameLength = Int(event.len)
                var name = ""
                if nameLength > 0 {
                    let namePointer = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                    name = String(cString: namePointer)
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                guard let directory = watches[event.wd] else { continue }
                if event.mask & UInt32(IN_DELETE_SELF) != 0 { watches[event.wd] = nil; continue }
                if name.isEmpty || Self.isIgnored(name) { continue }
                let path = "\(directory)/\(name)"
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addTree(path)
                }
                if event.mask & UInt32(IN_CREATE) != 0 && pending[path] == nil { madeInBurst.insert(path) }
                if event.mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 && madeInBurst.remove(path) != nil {
                    pending[path] = nil
                    continue
                }
                // A file made in this burst may yet be renamed over another, so only a save to a file
                // that was there, or a rename into place, is complete.
                pending[path] = event.mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 && event.mask & UInt32(IN_ISDIR) == 0
                    && !madeInBurst.contains(path)
            }
        }
        scheduleCallback()
    }

    private func scheduleCallback() {
        guard !pending.isEmpty else { return }
        debounce?.cancel()
        debounce = nil
        let now = DispatchTime.now()
        if pending.values.allSatisfy({ $0 }) && lastCall.map({ now > $0 + delay }) ?? true {
            call()
            return
        }
        let item = DispatchWorkItem { [weak self] in self?.call() }
        debounce = item
        queue.asyncAfter(deadline: now + delay, execute: item)
    }

    private func call() {
        guard !pending.isEmpty else { return }
        let changed = Set(pending.keys)
        pending = [:]
        madeInBurst = []
        lastCall = .now()
        onChange(changed)
    }
}
#endif
