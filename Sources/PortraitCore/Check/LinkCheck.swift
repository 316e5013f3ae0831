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
            (ids, links) = LinkCheck.attributes(in: file.bytes)
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
            // Site-absolute links read the same from every page; most pages share the menu's.
            var absolute: [String: String?] = [:]
            for page in pages {
                for link in page.links.sorted() {
                    let problem: String?
                    if link.hasPrefix("/") {
                        if let known = absolute[link] {
                            problem = known
                        } else {
                            problem = LinkCheck.problem(link, on: page.path, basePath: basePath, existing: existing, ids: ids)
                            absolute[link] = .some(problem)
                        }
                    } else {
                        problem = LinkCheck.problem(link, on: page.path, basePath: basePath, existing: existing, ids: ids)
                    }
                    guard let problem else { continue }
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
        let decoded = link.contains("&") ? link.replacingOccurrences(of: "&amp;", with: "&") : link
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

    /// `id`, and `href` or `src`, values as the templates and cmark write them: ` name="value"`.
    /// One pass over the bytes, with no copies of the page.
    static func attributes(in bytes: [UInt8]) -> (ids: Set<String>, links: Set<String>) {
        var ids = Set<String>(), links = Set<String>()
        bytes.withUnsafeBufferPointer { page in
            let count = page.count
            var index = 0
            while index < count {
                guard page[index] == 0x20 else {
                    index += 1
                    continue
                }
                // After a space: id=" (3 letters), src=" or href=" ?
                var nameEnd = index + 1
                while nameEnd < count && nameEnd - index <= 5, page[nameEnd] >= 0x61 && page[nameEnd] <= 0x7A { nameEnd += 1 }
                guard nameEnd + 1 < count, page[nameEnd] == 0x3D, page[nameEnd + 1] == 0x22 else {
                    index += 1
                    continue
                }
                let name = UnsafeBufferPointer(rebasing: page[(index + 1)..<nameEnd])
                let isID = name.elementsEqual("id".utf8)
                let isLink = !isID && (name.elementsEqual("href".utf8) || name.elementsEqual("src".utf8))
                let start = nameEnd + 2
                var end = start
                while end < count && page[end] != 0x22 { end += 1 }
                if isID || isLink {
                    let value = String(decoding: UnsafeBufferPointer(rebasing: page[start..<end]), as: UTF8.self)
                    if isID { ids.insert(value) } else { links.insert(value) }
                }
                index = end
            }
        }
        return (ids, links)
    }
}
