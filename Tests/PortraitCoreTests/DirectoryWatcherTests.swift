import Foundation
import Testing
#if canImport(Glibc)
@testable import PortraitPreview

/// A save is built at once, without waiting out the quiet interval, when every file it touched is
/// complete; a deletion, which an editor may follow with the file's new copy, waits for the interval.
@Suite struct DirectoryWatcherTests {
    @Test func completeSavesAreReportedAtOnceAndDeletionsAfterTheInterval() throws {
        let scratch = ScratchDirectory()
        scratch.write("content/old.md", "old")
        scratch.write("content/kept.md", "kept")
        let calls = Calls()
        let watcher = try DirectoryWatcher(directories: [scratch.path("content")], delay: .seconds(2)) { calls.add($0) }
        defer { watcher.stop() }

        let deleted = Date()
        try FileManager.default.removeItem(at: scratch.path("content/old.md"))
        Thread.sleep(forTimeInterval: 1)
        #expect(calls.all.isEmpty, "a deletion was reported before the quiet interval")
        let afterDelete = calls.wait(for: 1, timeout: 5)
        #expect(afterDelete.first?.paths.contains { $0.hasSuffix("/content/old.md") } == true)
        #expect(afterDelete.first.map { $0.at.timeIntervalSince(deleted) >= 1.9 } == true)

        Thread.sleep(forTimeInterval: 2.2)
        let saved = Date()
        scratch.write("content/kept.md", "kept, edited")
        let afterSave = calls.wait(for: 2, timeout: 5)
        #expect(afterSave.count == 2)
        #expect(afterSave.last?.paths == [scratch.path("content/kept.md").standardizedFileURL.path])
        #expect(afterSave.last.map { $0.at.timeIntervalSince(saved) < 1 } == true, "a complete save waited for the interval")
    }
}

extension DirectoryWatcherTests {
    /// `sed -i` and some editors write a temporary file and rename it over the real one; only the
    /// real one is reported, at once, so the preview takes its quick pass.
    @Test func temporaryFileRenamedOverTheRealOneIsNotReported() throws {
        let scratch = ScratchDirectory()
        scratch.write("content/page.md", "old")
        let calls = Calls()
        let watcher = try DirectoryWatcher(directories: [scratch.path("content")], delay: .seconds(2)) { calls.add($0) }
        defer { watcher.stop() }

        let saved = Date()
        scratch.write("content/sedAb12Cd", "new")
        try FileManager.default.removeItem(at: scratch.path("content/page.md"))
        try FileManager.default.moveItem(at: scratch.path("content/sedAb12Cd"), to: scratch.path("content/page.md"))
        let reported = calls.wait(for: 1, timeout: 5)
        #expect(reported.first?.paths == [scratch.path("content/page.md").standardizedFileURL.path])
        #expect(reported.first.map { $0.at.timeIntervalSince(saved) < 1 } == true, "the save waited for the interval")
        Thread.sleep(forTimeInterval: 2.5)
        #expect(calls.all.count == 1)
    }
}

private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(at: Date, paths: Set<String>)] = []
    func add(_ paths: Set<String>) { lock.withLock { calls.append((Date(), paths)) } }
    var all: [(at: Date, paths: Set<String>)] { lock.withLock { calls } }

    func wait(for count: Int, timeout: TimeInterval) -> [(at: Date, paths: Set<String>)] {
        let end = Date().addingTimeInterval(timeout)
        while all.count < count && Date() < end { Thread.sleep(forTimeInterval: 0.01) }
        return all
    }
}
#endif
