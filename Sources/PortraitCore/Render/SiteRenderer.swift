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
        return (pages + assets + indexes + exports, diagnostics)
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
