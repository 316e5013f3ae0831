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

    public static func render(
        _ content: PortraitContent, graph: PageGraph, theme: Theme, emit: (OutputFile) throws -> Void
    ) throws(BuildFailure) -> [Diagnostic] {
        let (markdown, markdownDiagnostics) = RenderedMarkdown.render(content, graph: graph)
        var diagnostics = markdownDiagnostics
        diagnostics += TemplateLint.check(theme, knownKeys: PageContext.vocabulary)
        for kind in Set(graph.pages.map(\.kind)) where theme.templates[kind.template] == nil {
            diagnostics.append(.error(at: nil, "the theme has no template \"\(kind.template).mustache\"",
                                      suggestion: "add it to the templates folder"))
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }

        let builder = PageContext(content: content, graph: graph, markdown: markdown)
        let library = theme.library
        var links = LinkCheck.Collector(basePath: builder.urls.basePath)
        do {
            for start in stride(from: 0, to: graph.pages.count, by: batchSize) {
                let batch = Array(graph.pages[start..<min(start + batchSize, graph.pages.count)])
                let rendered = ParallelMap.map(batch) { page -> (OutputFile, LinkCheck.PageLinks) in
                    let html = library.render(builder.context(for: page), withTemplate: page.kind.template) ?? ""
                    let file = OutputFile(path: page.outputPath, text: html)
                    return (file, LinkCheck.PageLinks(file))
                }
                for (file, pageLinks) in rendered {
                    try emit(file)
                    links.add(pageLinks)
                }
            }
            let assets = theme.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value.text) }
            // Machine-readable exports share the rendered Markdown, so they are made here rather than re-rendered.
            let machineFiles = ParallelMap.map([0, 1, 2]) { part -> [OutputFile] in
                switch part {
                case 0: return SiteIndexFiles.files(content, graph: graph, markdown: markdown, urls: builder.urls)
                case 1: return CASEPackage(content: content, urls: builder.urls).files()
                default: return [PortraitJSON(content: content, graph: graph, markdown: markdown, urls: builder.urls).file()]
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
        let linkProblems = links.problems(sources: sourceFiles(content, graph: graph))
        if linkProblems.hasErrors { throw BuildFailure(diagnostics + linkProblems) }
        return diagnostics
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
