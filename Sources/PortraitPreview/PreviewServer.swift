import Dispatch
import FlyingFox
import Foundation
import PortraitCore

/// `portrait serve`: builds, serves the site on loopback, rebuilds on save, and tells open pages to
/// reload, or shows them the errors, through a WebSocket.
public final class PreviewServer: @unchecked Sendable {
    public struct Settings: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: UInt16
        public var watch: [URL]

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 4000, watch: [URL]) {
            self.build = build
            self.host = host
            self.port = port
            self.watch = watch
        }
    }

    static let livePath = "/__portrait/live"
    static let scriptPath = "/__portrait/live.js"

    private let settings: Settings
    private let hub = LiveReloadHub()
    private let builder: PreviewBuilder
    private let log: @Sendable (String) -> Void
    private var watcher: DirectoryWatcher?

    public init(settings: Settings, log: @escaping @Sendable (String) -> Void) {
        var build = settings.build
        build.baseURL = "http://\(settings.host):\(settings.port)/"
        self.settings = settings
        self.builder = PreviewBuilder(options: build, hub: hub, log: log)
        self.log = log
    }

    public func run() async throws {
        await builder.rebuild(reason: "first build")
        let root = settings.build.output
        let hub = self.hub
        let files = SiteFileHandler(root: root, liveScriptPath: Self.scriptPath, version: { await hub.currentVersion })
        let socket = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LiveSocket(hub: hub)))
        let handler = ClosureHTTPHandler { request in
            switch request.path {
            case Self.livePath: return try await socket.handleRequest(request)
            case Self.scriptPath:
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                                    body: Data(LiveScript.source(socketPath: Self.livePath).utf8))
            default: return try await files.handleRequest(request)
            }
        }
        let address: sockaddr_in = try .inet(ip4: settings.host, port: settings.port)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: handler)
        let builder = self.builder
        #if canImport(Glibc)
        watcher = try DirectoryWatcher(directories: settings.watch) { changed in
            let names = changed.map { ($0 as NSString).lastPathComponent }.sorted().joined(separator: ", ")
            builder.requests.increment()  // stops a build still working on the older text
            Task { await builder.rebuild(reason: names, changed: Set(changed)) }
        }
        #endif
        log("Serving \(settings.build.contentDisplay) on http://\(settings.host):\(settings.port)/ — press Ctrl-C to stop.")
        try await server.run()
    }
}

/// Runs one build at a time; saves that arrive during a build trigger exactly one more. Files that
/// did not change are not parsed again, and the pages of the files just saved are written first.
actor PreviewBuilder {
    private var options: BuildOptions
    private let hub: LiveReloadHub
    private let log: @Sendable (String) -> Void
    private let writer: IncrementalWriter
    private var version = 0
    private var running = false
    private var again = false
    private var pending = Set<String>()
    /// The last good build, which a save of competency files patches for a quick first pass.
    private var snapshot: BuildPipeline.PreviewSnapshot?
    /// Counts saves; a build whose count is no longer current stops and the next one starts.
    nonisolated let requests = SaveCounter()

    init(options: BuildOptions, hub: LiveReloadHub, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.options.cache = DecodedFileCache()
        self.hub = hub
        self.log = log
        self.writer = IncrementalWriter(output: options.output)
    }

    /// `changed` holds absolute paths of saved files.
    func rebuild(reason: String, changed: Set<String> = []) async {
        pending.formUnion(changed)
        if running { again = true; return }
        running = true
        defer { running = false }
        var why = reason
        repeat {
            again = false
            let saved = pending
            pending = []
            if await !buildOnce(reason: why, priority: Set(saved.compactMap(displayPath))) {
                // Cancelled by a newer save. Its call either came in while this build waited (and set
                // `again`), or is queued behind this one and builds next; either way these pages go first too.
                pending.formUnion(saved)
                if !again { return }
            }
            why = "more changes"
        } while again
    }

    /// "content/competencies/x.md" for a saved file inside the content folder, as pages name their sources.
    private func displayPath(_ absolute: String) -> String? {
        let root = options.content.standardizedFileURL.path + "/"
        guard absolute.hasPrefix(root) else { return nil }
        let relative = String(absolute.dropFirst(root.count))
        let shown = options.contentDisplay
        return shown.isEmpty || shown == "." ? relative : "\(shown)/\(relative)"
    }

    /// False when a newer save cancelled the build.
    private func buildOnce(reason: String, priority: Set<String>) async -> Bool {
        let start = DispatchTime.now()
        version += 1
        let writer = self.writer
        let requests = self.requests
        let generation = requests.value
        do {
            writer.begin()
            // First the saved pages alone, patched into the last good build, so open pages reload at once.
            var quick = Set<String>()
            if let snapshot, let paths = BuildPipeline.previewSaved(priority, after: snapshot, options: options, emit: { try writer.write($0) }) {
                quick = Set(paths)
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
                log(String(format: "Updated %d page%@ of %@ in %.0f ms; rebuilding the rest.", paths.count,
                           paths.count == 1 ? "" : "s", reason, milliseconds))
                await hub.publish(.built(version: version))
            }
            let report = try BuildPipeline.preview(options, priority: priority, since: snapshot, unsettled: writer.unsettled,
                                                   isCancelled: { requests.value != generation }) {
                try writer.write($0)
            }
            snapshot = report.snapshot
            let changed = try writer.finish(staticFiles: report.staticFiles, partial: report.isPartial)
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
            let rendered = report.isPartial ? String(format: ", %d of %d pages rendered", report.renderedPages, report.pageCount) : ""
            log(String(format: "Rebuilt (%@) in %.0f ms%@: %d file%@ changed.", reason, milliseconds, rendered, changed.count,
                       changed.count == 1 ? "" : "s"))
            for warning in report.warnings { log(warning.description) }
            // Reload again only if other pages changed too, such as a title in lists; not for exports alone.
            if quick.isEmpty || !Set(changed.filter { $0.hasSuffix(".html") }).isSubset(of: quick) {
                version += 1
                await hub.publish(.built(version: version))
            }
        } catch let failure as BuildFailure where failure.cancelled {
            return false
        } catch let failure as BuildFailure {
            log("Build failed (\(reason)); still serving the last good site:")
            for diagnostic in failure.diagnostics { log("  \(diagnostic.description)") }
            await hub.publish(.failed(version: version, diagnostics: failure.diagnostics))
        } catch {
            log("Could not write the preview: \(error.localizedDescription)")
        }
        return true
    }
}

/// A count of saves that any thread may bump or read.
final class SaveCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// Each connected page gets the hub's stream of states.
struct LiveSocket: WSMessageHandler {
    let hub: LiveReloadHub

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let states = await hub.subscribe()
        return AsyncStream { continuation in
            let task = Task {
                for await message in states { continuation.yield(.text(message)) }
                continuation.finish()
            }
            let reader = Task {
                for await _ in client {}
                task.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel(); reader.cancel() }
        }
    }
}
