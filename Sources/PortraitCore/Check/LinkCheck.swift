/// Reads the rendered pages and reports internal links and anchors that lead nowhere, so a typo in
/// `[see](faq.md#whyy)` or a theme link is caught before families find it.
enum LinkCheck {
    static func check(_ files: [OutputFile], basePath: String, sources: [String: String]) -> [Diagnostic] {
        var ids: [String: Set<String>] = [:]
        var pages: [(path: String, html: String)] = []
        let existing = Set(files.map(\.path))
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            ids[file.path] = attributeValues("id", in: html)
            pages.append((file.path, html))
        }
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for page in pages {
            for link in attributeValues("href", in: page.html).union(attributeValues("src", in: page.html)).sorted() {
                guard let problem = problem(link, on: page.path, basePath: basePath, existing: existing, ids: ids) else { continue }
                let key = "\(page.path) \(link)"
                guard reported.insert(key).inserted else { continue }
                let source = sources[page.path]
                diagnostics.append(.error(
                    at: source.map { SourceLocation(file: $0, line: 1, column: 1) },
                    "page /\(page.path.replacingOccurrences(of: "index.html", with: "")) links to \"\(link)\", \(problem)",
                    suggestion: "check the link's spelling, or the heading it points to"))
            }
        }
        return diagnostics
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

    /// Attribute values as the templates and cmark write them: name="value".
    static func attributeValues(_ name: String, in html: String) -> Set<String> {
        var values = Set<String>()
        let marker = " \(name)=\""
        var rest = html[...]
        while let range = rest.range(of: marker) {
            let start = range.upperBound
            guard let end = rest[start...].firstIndex(of: "\"") else { break }
            values.insert(String(rest[start..<end]))
            rest = rest[end...]
        }
        return values
    }
}
