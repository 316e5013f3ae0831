import CCMarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to HTML through cmark-gfm, rewriting the tree on the way:
/// heading ids, links between content files, and raw HTML shown as text unless the site opts in.
public struct MarkdownRenderer: Sendable {
    /// Maps a link written in content (`faq.md#why`) to a site URL, given the file it was written in.
    public typealias LinkResolver = @Sendable (_ target: String, _ fromFile: String) -> String?

    public var allowRawHTML: Bool
    public var resolveLink: LinkResolver

    public init(allowRawHTML: Bool = false, resolveLink: @escaping LinkResolver = { _, _ in nil }) {
        self.allowRawHTML = allowRawHTML
        self.resolveLink = resolveLink
    }

    public struct Output: Sendable {
        public var html: String
        public var headings: [Heading]
        public var diagnostics: [Diagnostic]
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var id: String
        public var text: String
    }

    /// Registration touches global state in cmark-gfm; doing it once keeps parallel renders safe.
    private static let extensionsRegistered: Void = { cmark_gfm_core_extensions_ensure_registered() }()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// cmark-gfm adds each extension's trigger characters to a process-wide table while it parses inlines
    /// and removes them afterwards, so two parses at once can miss autolinks. Parsing is serialised;
    /// rendering the finished trees still runs in parallel.
    private static let parseLock = NSLock()

    static func parse(_ text: String, with parser: OpaquePointer) -> OpaquePointer? {
        parseLock.lock()
        defer { parseLock.unlock() }
        text.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        return cmark_parser_finish(parser)
    }

    public func render(_ source: MarkdownSource, ids: inout HeadingIDs) -> Output {
        _ = Self.extensionsRegistered
        var options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else {
            return Output(html: "", headings: [], diagnostics: [.error(at: nil, "could not start the Markdown parser")])
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        guard let document = Self.parse(source.text, with: parser) else {
            return Output(html: "", headings: [], diagnostics: [.error(at: nil, "could not parse Markdown")])
        }
        defer { cmark_node_free(document) }

        var rewriter = TreeRewriter(source: source, allowRawHTML: allowRawHTML, resolveLink: resolveLink)
        rewriter.rewrite(document, ids: &ids)
        // Detached nodes are freed only after rendering: their former children now live in the tree.
        defer { rewriter.detached.forEach { cmark_node_free($0) } }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return Output(html: "", headings: rewriter.headings, diagnostics: rewriter.diagnostics)
        }
        defer { free(rendered) }
        let html = TaskListMarkup.labelled(String(cString: rendered))
        return Output(html: html, headings: rewriter.headings, diagnostics: rewriter.diagnostics)
    }

    /// Start lines of top-level headings of `level`, for splitting a file into sections (the FAQ).
    public static func headingLines(in text: String, level: Int) -> [(line: Int, text: String)] {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        guard let document = parse(text, with: parser) else { return [] }
        defer { cmark_node_free(document) }
        var result: [(Int, String)] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == level {
                result.append((Int(cmark_node_get_start_line(current)), TreeRewriter.plainText(of: current)))
            }
            node = cmark_node_next(current)
        }
        return result
    }
}

/// GFM renders task-list checkboxes with no accessible name; give each a visible state and a text one.
enum TaskListMarkup {
    static func labelled(_ html: String) -> String {
        guard html.includes("type=\"checkbox\"") else { return html }
        return html
            .replacingOccurrences(
                of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                with: "<span class=\"task task-done\" role=\"img\" aria-label=\"Done\">☑</span>")
            .replacingOccurrences(
                of: "<input type=\"checkbox\" disabled=\"\" />",
                with: "<span class=\"task task-open\" role=\"img\" aria-label=\"Not done yet\">☐</span>")
    }
}
