/// Reads the rendered pages and reports internal links and anchors that lead nowhere, so a typo in
/// `[see](faq.md#whyy)` or a theme link is caught before families find it.
enum LinkCheck {
    /// What link checking needs to remember of a page once its HTML is gone.
    struct PageLinks: Sendable {
        var path: String
        var ids: Set<String>
        var links: Set<String>

        init(_ file: OutputFile) {
            path = file.path
            let html = String(decoding: file.bytes, as: UTF8.self)
            ids = attributeValues("id", in: html)
            links = attributeValues("href", in: html).union(attributeValues("src", in: html))
        }
    }

    struct Collector {
        let basePath: String
        private var pages: [PageLinks] = []
        private var ids: [String: Set<String>] = [:]
        private var existing = Set<String>()
        private var sources: [String: String] = [:]

        mutating func setSource(_ file: String, for path: String) { sources[path] = file }

        init(basePath: String) { self.basePath = basePath }

        mutating func add(_ page: PageLinks) {
            existing.insert(page.path)
            ids[page.path] = page.ids
            pages.append(page)
        }

        mutating func addFile(_ path: String) { existing.insert(path) }

        func problems() -> [Diagnostic] {
            var diagnostics: [Diagnostic] = []
            for page in pages {
                for link in page.links.sorted() {
                    guard let problem = LinkCheck.problem(link, on: page.path, basePath: basePath, existing: existing, ids: ids) else { continue }
                    diagnostics.append(.error(
                        at: sources[page.path].map { SourceLocation(file: $0, line: 1, column: 1) },
                        "page /\(page.path.replacingOccurrences(of: "index.html", with: "")) links to \"\(link)\", \(problem)",
                        suggestion: "check the link's spelling, or the heading it points to"))
                }
            }
            return diagnostics
        }
    }

    private static func problem(_ link: String, on page: String, basePath: String, existing: Set<String>, ids: [String: Set<String>]) -> String? {
        let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.hasPrefix("#") {
            let fragment = String(decoded.dropFirst())
            return fragment.isEmpty || ids[page]?.contains(fragment) == true ? nil : "but this page has no such anchor"
        }
        guard decoded.hasPrefix("/"), !decoded.hasPrefix("//") else { return nil }
        var path = String(decoded.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        path = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let fragment = decoded.contains("#") ? String(decoded.split(separator: "#", maxSplits: 1)[1]) : nil
        guard basePath.isEmpty || path.hasPrefix(basePath) else { return "which is outside the site" }
        path = String(path.dropFirst(basePath.count))
        var target = String(path.dropFirst())
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        guard existing.contains(target) else { return "which does not exist" }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
            return "but that page has no anchor \"#\(fragment)\""
        }
        return nil
    }

    /// Attribute values as the templates and cmark write them: name="value". Scans bytes once;
    /// searching Substrings repeatedly was quadratic on long pages.
    static func attributeValues(_ name: String, in html: String) -> Set<String> {
        var values = Set<String>()
        let marker = Array(" \(name)=\"".utf8)
        var bytes = Array(html.utf8)
        bytes.append(0)
        let count = bytes.count - 1
        var index = 0
        while index + marker.count <= count {
            if bytes[index] == marker[0] && Array(bytes[index..<(index + marker.count)]) == marker {
                let start = index + marker.count
                var end = start
                while end < count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.insert(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end
            } else {
                index += 1
            }
        }
        return values
    }
}
