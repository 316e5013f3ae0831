import CCMarkGFM
import Foundation

/// Edits a parsed cmark tree in place. Nodes it takes out are kept in `detached` for the caller
/// to free after rendering, because their children may have been moved into the live tree.
struct TreeRewriter {
    let source: MarkdownSource
    let allowRawHTML: Bool
    let resolveLink: MarkdownRenderer.LinkResolver
    var headings: [MarkdownRenderer.Heading] = []
    var diagnostics: [Diagnostic] = []
    var detached: [OpaquePointer] = []

    init(source: MarkdownSource, allowRawHTML: Bool, resolveLink: @escaping MarkdownRenderer.LinkResolver) {
        self.source = source
        self.allowRawHTML = allowRawHTML
        self.resolveLink = resolveLink
    }

    mutating func rewrite(_ document: OpaquePointer, ids: inout HeadingIDs) {
        // Collect first: changing the tree while an iterator walks it is undefined.
        var nodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { nodes.append(node) }
        }
        cmark_iter_free(iterator)

        for node in nodes {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: replaceHeading(node, ids: &ids)
            case CMARK_NODE_LINK: rewriteLink(node, isImage: false)
            case CMARK_NODE_IMAGE: rewriteLink(node, isImage: true)
            case CMARK_NODE_HTML_BLOCK where !allowRawHTML: showAsText(node, block: true)
            case CMARK_NODE_HTML_INLINE where !allowRawHTML: showAsText(node, block: false)
            default: break
            }
        }
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(
            file: source.file,
            line: Int(cmark_node_get_start_line(node)) + source.firstLine - 1,
            column: max(1, Int(cmark_node_get_start_column(node))))
    }

    /// cmark renders headings without ids, so each becomes a custom block that writes its own tag.
    private mutating func replaceHeading(_ heading: OpaquePointer, ids: inout HeadingIDs) {
        let level = Int(cmark_node_get_heading_level(heading))
        let text = Self.plainText(of: heading)
        let id = ids.claim(text)
        headings.append(.init(level: level, id: id, text: text))
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        cmark_node_insert_before(heading, block)
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        cmark_node_unlink(heading)
        detached.append(heading)
    }

    private mutating func rewriteLink(_ node: OpaquePointer, isImage: Bool) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if isImage && Self.plainText(of: node).trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.error(
                at: location(of: node), "image \"\(url)\" has no alt text",
                expected: "![what the image shows](\(url))",
                suggestion: "describe the image in the square brackets for readers who cannot see it"))
        }
        let scheme = url.lowercased().prefix { $0 != ":" && $0 != "/" && $0 != "#" }
        if url.contains(":") && ["javascript", "vbscript", "data", "file"].contains(String(scheme)) {
            diagnostics.append(.warning(
                at: location(of: node), "a \(scheme): link was removed",
                suggestion: "link to a web page (https://…) or to another content file instead"))
            cmark_node_set_url(node, "")
            return
        }
        guard ContentLink.isContentFile(url) else { return }
        if let resolved = resolveLink(url, source.file) {
            cmark_node_set_url(node, resolved)
        } else {
            diagnostics.append(.error(
                at: location(of: node), "link to \"\(url)\" does not match any content file",
                expected: "a path to a .md file in the content folder, relative to this file"))
        }
    }

    /// Escapes raw HTML so an editor sees what was typed, and no script runs on the district's domain.
    private mutating func showAsText(_ node: OpaquePointer, block: Bool) {
        var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        if block { literal = literal.trimmingCharacters(in: .newlines) }
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, literal)
        if block, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
            cmark_node_append_child(paragraph, text)
            cmark_node_insert_before(node, paragraph)
        } else {
            cmark_node_insert_before(node, text)
        }
        cmark_node_unlink(node)
        detached.append(node)
        if block {
            diagnostics.append(.warning(
                at: location(of: node), "raw HTML is shown as text",
                suggestion: "use Markdown, or set allow_raw_html: true in portrait.yml if this HTML is trusted"))
        }
    }

    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}

/// Recognises links that point at another content file rather than the web.
public enum ContentLink {
    public static func isContentFile(_ url: String) -> Bool {
        guard !url.contains("://"), !url.hasPrefix("mailto:"), !url.hasPrefix("tel:"), !url.hasPrefix("#") else { return false }
        let path = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return path.hasSuffix(".md")
    }
}
