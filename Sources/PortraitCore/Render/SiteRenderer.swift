import Dispatch
import Foundation

/// A file the build will write, by path relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    /// The file's bytes; empty for a streamed file until `materialized`.
    public var bytes: [UInt8]
    /// Very large files (the exports) are made piece by piece straight into the file, so they never
    /// sit in memory whole.
    public var stream: StreamedBytes?
    /// Other paths with the same bytes, written as hard links.
    public var aliases: [String] = []

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, stream: StreamedBytes, aliases: [String] = []) {
        self.path = path
        self.bytes = []
        self.stream = stream
        self.aliases = aliases
    }

    /// The same file with its bytes in memory, and one copy per alias.
    public var materialized: [OutputFile] {
        guard let stream else { return [self] }
        var bytes: [UInt8] = []
        stream.produce { bytes.append(contentsOf: $0) }
        return ([path] + aliases).map { OutputFile(path: $0, bytes: bytes) }
    }
}

/// Bytes made in order by `produce`, which hands each piece to the sink it is given.
public struct StreamedBytes: Sendable {
    public let produce: @Sendable (_ sink: (UnsafeBufferPointer<UInt8>) -> Void) -> Void
}

/// Stage 4: renders every page of the graph through the theme, and the machine-readable files beside
/// them. Everything is one list of jobs spread over the cores; each page is handed to `emit` as soon as
/// it is made, so a large site never sits in memory whole, and the large exports overlap with pages.
public enum SiteRenderer {
    public struct Result: Sendable {
        public var warnings: [Diagnostic]
        /// Pages in every language.
        public var pageCount: Int
        /// Pages rendered this time: all of them, unless the render was partial.
        public var renderedPages: Int
        public var fileCount: Int
        /// Each language's rendered Markdown, in language order.
        var markdown: [RenderedMarkdown] = []
        /// Every page's links, for the next preview build to start from.
        var links: LinkCheck.Collector
    }

    /// A preview build after a save that changed only competency text: the pages it changed are
    /// rendered, the rest are left as the last good build wrote them, whose links are checked again
    /// from what that build kept.
    struct Partial: Sendable {
        var affected: AffectedPages
        var links: LinkCheck.Collector
    }

    /// What one language hands to its page jobs.
    private struct LanguageRun: Sendable {
        var localized: LocalizedContent
        var graph: PageGraph
        var markdown: RenderedMarkdown
        var builder: PageContext
        /// The number of pages of earlier languages, so every page has one index across the site.
        var firstPage: Int
    }

    private enum Job {
        case page(run: Int, index: Int)
        case languageFiles(run: Int)
        case siteFiles, casePackage, portraitJSON, assets
    }

    /// `emit` is called from several threads at once.
    /// `priority` names source files whose pages are rendered before anything else.
    /// `isCancelled` is asked before each job; once it says yes, the render stops with `BuildCancelled`.
    /// `partial` limits the render to the pages and files a save changed.
    static func render(
        _ content: PortraitContent, languages: [LanguageGraph], theme: Theme, priority: Set<String> = [],
        cache: DecodedFileCache? = nil, partial: Partial? = nil, isCancelled: @escaping @Sendable () -> Bool = { false },
        emit: @escaping @Sendable (OutputFile) throws -> Void
    ) throws(BuildFailure) -> Result {
        var diagnostics = TemplateLint.check(theme, knownKeys: PageContext.vocabulary)
        for kind in PageKind.allCases where theme.templates[kind.template] == nil {
            diagnostics.append(.error(at: nil, "the theme has no template \"\(kind.template).mustache\"",
                                      suggestion: "add it to the templates folder"))
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }

        let names = content.config.languages.map { code in
            (code: code, name: theme.strings[code]?["language_name"] ?? code)
        }
        // Markdown first, language by language: the FAQ anchors of the default language carry over.
        var runs: [LanguageRun] = []
        var pageCount = 0
        for entry in languages {
            let (markdown, markdownDiagnostics) = RenderedMarkdown.render(
                entry.localized.content, graph: entry.graph, faqIDs: runs.first?.markdown.faqAnswers.map(\.id) ?? [], cache: cache)
            diagnostics += markdownDiagnostics
            if diagnostics.hasErrors { throw BuildFailure(diagnostics.uniqued()) }
            let builder = PageContext(localized: entry.localized, graph: entry.graph, markdown: markdown, strings: entry.strings,
                                      languages: names)
            runs.append(LanguageRun(localized: entry.localized, graph: entry.graph, markdown: markdown, builder: builder, firstPage: pageCount))
            pageCount += entry.graph.pages.count
        }

        StageTrace().mark("markdown and contexts")
        // Pages of the files just saved first; then the big exports, so they run beside the other
        // pages rather than after them.
        var first: [Job] = [], pages: [Job] = []
        for (run, entry) in runs.enumerated() {
            for (index, page) in entry.graph.pages.enumerated() where partial?.affected.includes(page, language: run) ?? true {
                let isPriority = !priority.isEmpty && entry.builder.sourceFile(of: page).map(priority.contains) == true
                if isPriority { first.append(.page(run: run, index: index)) } else { pages.append(.page(run: run, index: index)) }
            }
        }
        var exports: [Job] = []
        if let affected = partial?.affected {
            if affected.includesCASEPackage { exports.append(.casePackage) }
            if affected.includesPortraitJSON { exports.append(.portraitJSON) }
            exports += runs.indices.filter(affected.includesExports).map { .languageFiles(run: $0) }
        } else {
            exports = [.casePackage, .portraitJSON] + runs.indices.map { .languageFiles(run: $0) } + [.siteFiles, .assets]
        }
        // After a save, the long export jobs go last, so that a newer save can stop the build between
        // pages rather than wait for a whole export.
        let jobs = priority.isEmpty ? exports + pages : first + pages + exports

        let root = SiteURLs(baseURL: content.config.baseURL)
        let shared = SharedState(links: partial?.links ?? LinkCheck.Collector(basePath: root.basePath))
        let allRuns = runs, allJobs = jobs
        let graphs = runs.map { ($0.localized.language, $0.graph) }
        DispatchQueue.concurrentPerform(iterations: allJobs.count) { number in
            guard !shared.failed else { return }
            if isCancelled() { return shared.fail(BuildCancelled()) }
            do {
                switch allJobs[number] {
                case .page(let run, let index):
                    let entry = allRuns[run]
                    let page = entry.graph.pages[index]
                    let html = theme.library.render(page.kind.template, entry.builder.context(for: page)) ?? []
                    let file = OutputFile(path: page.outputPath, bytes: html)
                    let pageLinks = LinkCheck.PageLinks(file)
                    try emit(file)
                    if number == 0 { StageTrace().mark("first page out") }
                    shared.add(pageLinks, index: entry.firstPage + index)
                case .languageFiles(let run):
                    let entry = allRuns[run]
                    try shared.emit(SiteIndexFiles.languageFiles(entry.localized, graph: entry.graph, markdown: entry.markdown, urls: root), emit)
                case .siteFiles:
                    try shared.emit(SiteIndexFiles.siteFiles(graphs: graphs, defaultLanguage: content.config.language, urls: root), emit)
                case .casePackage:
                    try shared.emit(CASEPackage(content: content, urls: root).files(), emit)
                case .portraitJSON:
                    let entry = allRuns[0]
                    try shared.emit([PortraitJSON(content: content, graph: entry.graph, markdown: entry.markdown, urls: root).file()], emit)
                case .assets:
                    try shared.emit(theme.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value.text) }, emit)
                }
            } catch {
                shared.fail(error)
            }
        }
        if let error = shared.error {
            if let failure = error as? BuildFailure { throw failure }
            if error is BuildCancelled { throw BuildFailure([], cancelled: true) }
            throw BuildFailure([.error(at: nil, "could not write the site: \(error.localizedDescription)")])
        }
        var links = shared.links
        for entry in runs where partial == nil {
            for page in entry.graph.pages {
                if let file = entry.builder.sourceFile(of: page) { links.setSource(file, for: page.outputPath) }
            }
        }
        let linkProblems = links.problems()
        if linkProblems.hasErrors { throw BuildFailure((diagnostics + linkProblems).uniqued()) }
        return Result(warnings: diagnostics.uniqued(), pageCount: pageCount, renderedPages: first.count + pages.count,
                      fileCount: shared.files, markdown: runs.map(\.markdown), links: links)
    }
}

/// A newer save made this render pointless.
struct BuildCancelled: Error {}

/// What the jobs share: the link collector, a count of files and the first error. One lock guards all.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var links: LinkCheck.Collector
    private(set) var files = 0
    private(set) var error: Error?

    init(links: LinkCheck.Collector) { self.links = links }

    var failed: Bool { lock.withLock { error != nil } }

    func add(_ page: LinkCheck.PageLinks, index: Int) {
        lock.withLock {
            links.add(page, index: index)
            files += 1
        }
    }

    func emit(_ outputs: [OutputFile], _ emit: (OutputFile) throws -> Void) throws {
        for file in outputs { try emit(file) }
        lock.withLock {
            for file in outputs {
                for path in [file.path] + file.aliases { links.addFile(path) }
                files += 1 + file.aliases.count
            }
        }
    }

    func fail(_ error: Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }
}

extension Array where Element == Diagnostic {
    /// The same fallback file is rendered once per language; its problems are reported once.
    func uniqued() -> [Diagnostic] {
        var seen = Set<String>()
        return filter { seen.insert($0.description).inserted }
    }
}
