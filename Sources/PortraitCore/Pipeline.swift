import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var content: URL
    /// How the content folder is named in messages ("content").
    public var contentDisplay: String
    /// The site's own templates, overriding the default theme by file name; nil for the default theme alone.
    public var templates: URL?
    public var templatesDisplay: String?
    public var output: URL
    public var baseURL: String?
    /// Replace a non-empty output folder that this tool did not create.
    public var force: Bool
    /// Decoded files kept between builds; the preview server sets it so a save parses one file.
    public var cache: DecodedFileCache?

    public init(content: URL, contentDisplay: String? = nil, templates: URL? = nil, templatesDisplay: String? = nil,
                output: URL, baseURL: String? = nil, force: Bool = false) {
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.templates = templates
        self.templatesDisplay = templatesDisplay
        self.output = output
        self.baseURL = baseURL
        self.force = force
    }
}

/// A site rendered in memory, ready to write.
public struct RenderedSite: Sendable {
    public var content: PortraitContent
    public var graph: PageGraph
    public var files: [OutputFile]
    public var staticFiles: [(source: URL, path: String)]
    public var warnings: [Diagnostic]
    /// Pages in every language.
    public var pageCount: Int
}

public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var readability: [Readability.PageScore]
    public var pages: Int
    public var translations: [TranslationReport.Completeness]
}

public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
}

/// The whole build, one stage after another. Each stage either hands a complete result to the next or
/// throws every problem it found; nothing is written unless every stage before writing succeeded.
public enum BuildPipeline {
    /// What stages 1–3 hand to rendering.
    struct Prepared {
        var loaded: ContentLoader.Result
        var content: PortraitContent
        var theme: Theme
        var languages: [LanguageGraph]
        var warnings: [Diagnostic]
    }

    /// Stages 1–3. A failure here stops before any file is made.
    static func prepare(_ options: BuildOptions) throws(BuildFailure) -> Prepared {
        StageTrace().mark("start")
        // 1. Load content: parse every file into models, with file:line:column on each problem.
        let loaded = try ContentLoader(root: options.content, displayRoot: options.contentDisplay, cache: options.cache).load()
        var content = loaded.content
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        StageTrace().mark("load")
        // 2. Validate: checks across files, and the published order.
        let (validated, validationWarnings) = try ContentValidator.validate(content)
        // 3. Page graph: every page of every language and its permalink (titles come from the theme's strings).
        let trace = StageTrace()
        trace.mark("validate")
        let theme = try Theme.load(overrides: options.templates, displayDirectory: options.templatesDisplay)
        trace.mark("theme")
        let languages = LanguageGraph.build(validated, theme: theme)
        let warnings = loaded.warnings + validationWarnings + TranslationReport.stringWarnings(validated, theme: theme)
        return Prepared(loaded: loaded, content: validated, theme: theme, languages: languages, warnings: warnings)
    }

    /// Stages 1–4 in memory, for `check`, the preview server and tests.
    public static func render(_ options: BuildOptions) throws(BuildFailure) -> RenderedSite {
        let prepared = try prepare(options)
        // 4. Render: Markdown and templates, in memory.
        let collected = CollectedFiles()
        let rendered = try SiteRenderer.render(prepared.content, languages: prepared.languages, theme: prepared.theme,
                                               cache: options.cache) {
            collected.add($0)
        }
        let files = collected.sorted
        let staticFiles = prepared.loaded.staticFiles.map { (options.content.appendingPathComponent($0), $0) }
        return RenderedSite(content: prepared.content, graph: prepared.languages[0].graph, files: files, staticFiles: staticFiles,
                            warnings: prepared.warnings + rendered.warnings, pageCount: rendered.pageCount)
    }

    /// What the preview server needs after a streamed render.
    public struct PreviewReport: Sendable {
        public var warnings: [Diagnostic]
        public var staticFiles: [(source: URL, path: String)]
        /// The state this build ended in, for the next save's quick pass.
        public var snapshot: PreviewSnapshot
        /// Only the pages the save changed were rendered; every other file is as the last build left it.
        public var isPartial: Bool
        public var renderedPages: Int
        public var pageCount: Int
    }

    /// A successful preview build's loaded, checked content, theme and page graphs.
    public struct PreviewSnapshot: Sendable {
        let prepared: Prepared
        let markdown: [RenderedMarkdown]
        let links: LinkCheck.Collector
    }

    /// Stages 1–4 for the preview server: pages go to `emit` as they are made, those of `priority`
    /// source files (the ones just saved) first, so the page being edited is on disk before the rest
    /// of the site. A content error stops before anything is emitted; a broken link is found only
    /// after the pages are out, and is reported the same way.
    ///
    /// With `since`, the last good build whose files are on disk, a save that changed only text
    /// inside competencies renders only the pages that show it. `unsettled` names files written since
    /// that build by builds that did not finish (a quick pass, a cancelled or failed build); their
    /// pages are rendered again too, and any other kind of unsettled file means the whole site.
    public static func preview(_ options: BuildOptions, priority: Set<String>, since snapshot: PreviewSnapshot? = nil,
                               unsettled: Set<String> = [], isCancelled: @escaping @Sendable () -> Bool = { false },
                               emit: @escaping @Sendable (OutputFile) throws -> Void) throws(BuildFailure) -> PreviewReport {
        let trace = StageTrace()
        let prepared = try prepare(options)
        trace.mark("load, validate, graph")
        var partial: SiteRenderer.Partial?
        // A removed static file is removed only by a whole build.
        if let snapshot, unsettled.allSatisfy({ $0.hasSuffix(".html") }), snapshot.prepared.loaded.staticFiles == prepared.loaded.staticFiles,
           let affected = AffectedPages(from: snapshot.prepared.languages, oldTheme: snapshot.prepared.theme,
                                        to: prepared.languages, newTheme: prepared.theme, alsoPages: unsettled) {
            partial = SiteRenderer.Partial(affected: affected, links: snapshot.links)
        }
        let rendered = try SiteRenderer.render(prepared.content, languages: prepared.languages, theme: prepared.theme,
                                               priority: priority, cache: options.cache, partial: partial,
                                               isCancelled: isCancelled, emit: emit)
        trace.mark(partial == nil ? "render" : "render the pages the save changed")
        let staticFiles = prepared.loaded.staticFiles.map { (options.content.appendingPathComponent($0), $0) }
        return PreviewReport(warnings: prepared.warnings + rendered.warnings, staticFiles: staticFiles,
                             snapshot: PreviewSnapshot(prepared: prepared, markdown: rendered.markdown, links: rendered.links),
                             isPartial: partial != nil, renderedPages: rendered.renderedPages, pageCount: rendered.pageCount)
    }

    /// The preview's quick pass after a save of competency files only: each saved file is decoded and
    /// checked on its own, patched into the last good build, and its pages in the default language are
    /// rendered and handed to `emit`, in a few milliseconds even on large sites. Returns the paths
    /// emitted, or nil when the save needs the whole pipeline first (a new, removed, renamed or
    /// reordered competency, or any problem in the file), which the caller runs next in every case.
    public static func previewSaved(_ files: Set<String>, after snapshot: PreviewSnapshot, options: BuildOptions,
                                    emit: @escaping @Sendable (OutputFile) throws -> Void) -> [String]? {
        let prepared = snapshot.prepared
        guard !files.isEmpty, let language = prepared.languages.first else { return nil }
        var content = prepared.content
        let loader = ContentLoader(root: options.content, displayRoot: options.contentDisplay, cache: options.cache)
        let root = options.contentDisplay.isEmpty || options.contentDisplay == "." ? "" : options.contentDisplay + "/"
        var changed: [Int] = []
        for file in files {
            guard file.hasPrefix(root), let index = content.competencies.firstIndex(where: { $0.file == file }) else { return nil }
            let (decoded, problems) = loader.loadCompetency(String(file.dropFirst(root.count)))
            guard let decoded, !problems.hasErrors else { return nil }
            let (checked, checks) = ContentValidator.validateCompetency(decoded, config: content.config)
            let old = content.competencies[index]
            guard !checks.hasErrors, checked.slug == old.slug, checked.order == old.order else { return nil }
            content.competencies[index] = checked
            changed.append(index)
        }
        let trace = StageTrace()
        trace.mark("quick pass: saved files decoded and checked")
        // Titles are the only part of the page graph a competency's own text decides (paths and links
        // are unchanged), so the saved competencies' pages are patched.
        var graph = language.graph
        for (number, original) in graph.pages.enumerated() {
            guard let index = original.competency, changed.contains(index) else { continue }
            let competency = content.competencies[index]
            var page = original
            page.title = page.span.map { "\(competency.title): \(content.config.gradeSpans[$0].label)" } ?? competency.title
            if page.kind == .competencySpan, !page.breadcrumbs.isEmpty { page.breadcrumbs[page.breadcrumbs.count - 1].title = competency.title }
            graph.pages[number] = page
        }
        var localized = language.localized
        localized.content = content
        // When only text inside the competencies changed, every page of this language that shows it
        // (grade spans, continuum) is rendered; otherwise the saved competencies' own pages.
        let patched = LanguageGraph(localized: localized, strings: language.strings, graph: graph)
        let affected = AffectedPages(from: [language], oldTheme: prepared.theme, to: [patched], newTheme: prepared.theme)
        let isOwn = { (page: SitePage) in page.competency.map(changed.contains) ?? false }
        let pages = graph.pages.filter { affected?.includes($0, language: 0) ?? isOwn($0) }
        guard var markdown = snapshot.markdown.first else { return nil }
        for index in changed {
            let body = RenderedMarkdown.competencyBody(content, index: index, graph: graph)
            guard !body.diagnostics.hasErrors else { return nil }
            markdown.competencies[index] = body
        }
        trace.mark("quick pass: Markdown")
        let names = content.config.languages.map { ($0, prepared.theme.strings[$0]?["language_name"] ?? $0) }
        let builder = PageContext(localized: localized, graph: graph, markdown: markdown, strings: language.strings, languages: names)
        trace.mark("quick pass: page contexts")
        let theme = prepared.theme
        // The saved competencies' full pages, then their embeds, then the pages that show them, largest
        // first (the print view and the continuum hold every competency) so that both cores finish
        // together rather than one ending on a large page alone. Each is written as soon as it is made.
        let own = pages.filter(isOwn)
        let rank: [PageKind: Int] = [.print: 0, .continuum: 1, .search: 2, .home: 3, .gradeSpan: 4, .competencies: 5]
        let others = pages.filter { !isOwn($0) }.enumerated()
            .sorted { (rank[$0.element.kind] ?? 9, $0.offset) < (rank[$1.element.kind] ?? 9, $1.offset) }.map(\.element)
        let ordered = own.filter { !$0.kind.isEmbed } + own.filter(\.kind.isEmbed) + others
        let written = ParallelMap.map(ordered) { page -> Bool in
            let file = OutputFile(path: page.outputPath, bytes: theme.library.render(page.kind.template, builder.context(for: page)) ?? [])
            return (try? emit(file)) != nil
        }
        trace.mark("quick pass: pages rendered and written")
        guard !written.contains(false) else { return nil }
        return ordered.map(\.outputPath)
    }

    /// Everything `build` checks, plus reading levels, without writing anything.
    public static func check(_ options: BuildOptions) -> CheckReport {
        do {
            let site = try render(options)
            let readability = Readability.check(site.content, target: Double(site.content.config.readingLevelTarget))
            return CheckReport(diagnostics: site.warnings + readability.warnings, readability: readability.scores,
                               pages: site.pageCount, translations: TranslationReport.completeness(site.content))
        } catch {
            return CheckReport(diagnostics: error.diagnostics, readability: [], pages: 0, translations: [])
        }
    }

    /// The same stages as `render`, but pages stream from the render stage into a staging folder beside
    /// the output, so memory stays flat on large sites. The live output is replaced only after every
    /// stage, link checks included, has passed; on any failure the staging folder is deleted.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = Date()
        let trace = StageTrace()
        defer { trace.mark("done") }
        try OutputGuard.check(options)
        // 1–3. Load, validate and build the page graph.
        let prepared = try prepare(options)
        trace.mark("load, validate, graph")
        // 4. Render, streaming into staging.
        let staging: SiteStaging
        do { staging = try SiteWriter(output: options.output).beginStaging() } catch {
            throw BuildFailure([.error(at: nil, "could not prepare \(options.output.path): \(error.localizedDescription)")])
        }
        let rendered: SiteRenderer.Result
        do {
            rendered = try SiteRenderer.render(prepared.content, languages: prepared.languages, theme: prepared.theme) { file in
                try staging.write(file)
            }
        } catch {
            staging.discard()
            throw error
        }
        trace.mark("render and stage")
        // 5. Write: static files, then the staging folder is swapped in whole.
        do {
            for path in prepared.loaded.staticFiles { try staging.copy(options.content.appendingPathComponent(path), to: path) }
            trace.mark("static files")
            try staging.commit()
            trace.mark("tidy and swap")
        } catch {
            staging.discard()
            throw BuildFailure([.error(at: nil, "could not write the site to \(options.output.path): \(error.localizedDescription)")])
        }
        return BuildReport(pages: rendered.pageCount, files: rendered.fileCount + prepared.loaded.staticFiles.count,
                           warnings: prepared.warnings + rendered.warnings,
                           seconds: Date().timeIntervalSince(start))
    }
}

/// Files rendered on several threads, in path order once all are in.
private final class CollectedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [OutputFile] = []

    func add(_ file: OutputFile) {
        let copies = file.materialized
        lock.withLock { files += copies }
    }

    var sorted: [OutputFile] { lock.withLock { files.sorted { $0.path < $1.path } } }
}

/// With PORTRAIT_TRACE=1 in the environment, prints how long each stage took, for profiling.
final class StageTrace {
    private let enabled = ProcessInfo.processInfo.environment["PORTRAIT_TRACE"] == "1"

    /// Shared, so marks from different stages measure from the previous mark wherever it was made.
    private final class Clock: @unchecked Sendable { var last = DispatchTime.now() }
    private static let clock = Clock()

    func mark(_ stage: String) {
        guard enabled else { return }
        let last = StageTrace.clock.last
        let now = DispatchTime.now()
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %6d MiB resident  %@\n",
                                                   Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6, Self.residentMiB(), stage).utf8))
        StageTrace.clock.last = now
    }

    /// The process's resident memory now, from /proc.
    static func residentMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
