import Foundation

/// A file the build will write, by path relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Stage 4: renders every page of the graph through the theme. Pages are rendered in parallel
/// batches and handed to `emit` as they are made, so a large site never sits in memory whole.
public enum SiteRenderer {
    static let batchSize = 256

    public struct Result: Sendable {
        public var warnings: [Diagnostic]
        /// Pages in every language.
        public var pageCount: Int
    }

    /// Renders every language in turn: the default at the site root, each other under /<code>/.
    public static func render(
        _ content: PortraitContent, languages: [LanguageGraph], theme: Theme, emit: (OutputFile) throws -> Void
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
        let root = SiteURLs(baseURL: content.config.baseURL)
        var links = LinkCheck.Collector(basePath: root.basePath)
        var graphs: [(language: String, graph: PageGraph)] = []
        var pageCount = 0
        var defaultMarkdown: RenderedMarkdown?
        do {
            for entry in languages {
                let (localized, strings, graph) = (entry.localized, entry.strings, entry.graph)
                let (markdown, markdownDiagnostics) = RenderedMarkdown.render(
                    localized.content, graph: graph, faqIDs: defaultMarkdown?.faqAnswers.map(\.id) ?? [])
                diagnostics += markdownDiagnostics
                if diagnostics.hasErrors { throw BuildFailure(diagnostics.uniqued()) }
                if localized.isDefault { defaultMarkdown = markdown }
                let builder = PageContext(localized: localized, graph: graph, markdown: markdown, strings: strings, languages: names)
                try renderPages(graph.pages, builder: builder, library: theme, emit: emit, links: &links)
                pageCount += graph.pages.count
                graphs.append((localized.language, graph))
                let files = SiteIndexFiles.languageFiles(localized, graph: graph, markdown: markdown, urls: root)
                for file in files {
                    try emit(file)
                    links.addFile(file.path)
                }
                for (page, file) in graph.pages.compactMap({ page in builder.sourceFile(of: page).map { (page, $0) } }) {
                    links.setSource(file, for: page.outputPath)
                }
            }
            let assets = theme.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value.text) }
            let defaultGraph = graphs[0].graph
            let markdown = defaultMarkdown!
            let allGraphs = graphs
            // Machine-readable exports share the rendered Markdown, so they are made here rather than re-rendered.
            let machineFiles = ParallelMap.map([0, 1, 2]) { part -> [OutputFile] in
                switch part {
                case 0: return SiteIndexFiles.siteFiles(graphs: allGraphs, defaultLanguage: content.config.language, urls: root)
                case 1: return CASEPackage(content: content, urls: root).files()
                default: return [PortraitJSON(content: content, graph: defaultGraph, markdown: markdown, urls: root).file()]
                }
            }.flatMap { $0 }
            for file in assets + machineFiles {
                try emit(file)
                links.addFile(file.path)
            }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure([.error(at: nil, "could not write the site: \(error.localizedDescription)")])
        }
        let linkProblems = links.problems()
        if linkProblems.hasErrors { throw BuildFailure((diagnostics + linkProblems).uniqued()) }
        return Result(warnings: diagnostics.uniqued(), pageCount: pageCount)
    }

    private static func renderPages(_ pages: [SitePage], builder: PageContext, library theme: Theme,
                                    emit: (OutputFile) throws -> Void, links: inout LinkCheck.Collector) throws {
        let library = theme.library
        for start in stride(from: 0, to: pages.count, by: batchSize) {
            let batch = Array(pages[start..<min(start + batchSize, pages.count)])
            let rendered = ParallelMap.map(batch) { page -> (OutputFile, LinkCheck.PageLinks) in
                let html = library.render(page.kind.template, builder.context(for: page)) ?? []
                let file = OutputFile(path: page.outputPath, bytes: html)
                return (file, LinkCheck.PageLinks(file))
            }
            for (file, pageLinks) in rendered {
                try emit(file)
                links.add(pageLinks)
            }
        }
    }
}

extension Array where Element == Diagnostic {
    /// The same fallback file is rendered once per language; its problems are reported once.
    func uniqued() -> [Diagnostic] {
        var seen = Set<String>()
        return filter { seen.insert($0.description).inserted }
    }
}
