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

/// Stage 4: renders every page of the graph through the theme, in memory. Nothing touches disk here.
public enum SiteRenderer {
    public static func render(
        _ content: PortraitContent, graph: PageGraph, theme: Theme
    ) throws(BuildFailure) -> (files: [OutputFile], warnings: [Diagnostic]) {
        let (markdown, markdownDiagnostics) = RenderedMarkdown.render(content, graph: graph)
        var diagnostics = markdownDiagnostics
        let builder = PageContext(content: content, graph: graph, markdown: markdown)
        let contexts = graph.pages.map { builder.context(for: $0) }

        var knownKeys = PageContext.vocabulary
        for context in contexts { KeyCollector.collect(context, into: &knownKeys) }
        diagnostics += TemplateLint.check(theme, knownKeys: knownKeys)
        for kind in Set(graph.pages.map(\.kind)) where theme.templates[kind.template] == nil {
            diagnostics.append(.error(at: nil, "the theme has no template \"\(kind.template).mustache\"",
                                      suggestion: "add it to the templates folder"))
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }

        let library = theme.library
        let pages = ParallelMap.map(Array(zip(graph.pages, contexts.map(ContextBox.init)))) { page, box in
            OutputFile(path: page.outputPath, text: library.render(box.value, withTemplate: page.kind.template) ?? "")
        }
        let assets = theme.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value.text) }
        let indexes = SiteIndexFiles.files(content, graph: graph, markdown: markdown, urls: builder.urls)
        // Machine-readable exports share the rendered Markdown, so they are made here rather than re-rendered.
        let exports = CASEPackage(content: content, urls: builder.urls).files()
            + [PortraitJSON(content: content, graph: graph, markdown: markdown, urls: builder.urls).file()]
        let files = pages + assets + indexes + exports
        let linkProblems = LinkCheck.check(files, basePath: builder.urls.basePath, sources: sourceFiles(content, graph: graph))
        if linkProblems.hasErrors { throw BuildFailure(diagnostics + linkProblems) }
        return (files, diagnostics)
    }

    /// Which content file each page comes from, so a broken link is reported against the file to fix.
    static func sourceFiles(_ content: PortraitContent, graph: PageGraph) -> [String: String] {
        var sources: [String: String] = [:]
        for page in graph.pages {
            switch page.kind {
            case .competency, .competencySpan, .embedCompetency, .embedCompetencySpan:
                sources[page.outputPath] = content.competencies[page.competency!].file
            case .faq: sources[page.outputPath] = content.faq?.file
            case .page: sources[page.outputPath] = content.pages[page.page!].file
            case .home: sources[page.outputPath] = content.home?.file
            default: break
            }
        }
        return sources
    }
}

/// Contexts are plain dictionaries of value types, built once and only read while rendering.
private struct ContextBox: @unchecked Sendable {
    let value: [String: Any]
}

enum KeyCollector {
    static func collect(_ value: Any, into keys: inout Set<String>) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                keys.insert(key)
                collect(child, into: &keys)
            }
        } else if let array = value as? [Any] {
            for child in array { collect(child, into: &keys) }
        }
    }
}
