import Glibc

/// Reads the rendered pages and reports internal links and anchors that lead nowhere, so a typo in
/// `[see](faq.md#whyy)` or a theme link is caught before families find it.
enum LinkCheck {
    /// What link checking keeps of a page once its HTML is gone: hashes of its ids, its links to
    /// other pages of the site, and any `#fragment` link that misses on the page itself. Keeping every
    /// id and link as text was most of a large build's memory.
    struct PageLinks: Sendable {
        var path: String
        var idHashes: [UInt64]
        var siteLinks: [String]
        var missingFragments: [String]

        init(_ file: OutputFile) {
            path = file.path
            let found = LinkCheck.attributes(in: file.bytes)
            let ids = Set(found.idHashes)
            idHashes = ids.sorted()
            siteLinks = found.siteLinks.sorted()
            missingFragments = found.fragments.filter { link in
                let fragment = LinkCheck.decoded(String(link.dropFirst()))
                return !fragment.isEmpty && !ids.contains(LinkCheck.hash(fragment))
            }.sorted()
        }
    }

    /// Every page's links, kept between preview builds: a page rendered again replaces its entry, so a
    /// build that renders only the pages a save changed still checks the links of the whole site.
    struct Collector: Sendable {
        let basePath: String
        private var paths: [String] = []
        private var ids: [String: [UInt64]] = [:]
        /// Each distinct site link once; pages refer to them by number.
        private var linkNumbers: [String: Int32] = [:]
        private var links: [String] = []
        /// By page index: the numbers of the page's site links, and its fragments that miss.
        private var pageLinks: [[Int32]] = []
        private var missingFragments: [[String]] = []
        private var existing = Set<String>()
        private var sources: [String: String] = [:]

        mutating func setSource(_ file: String, for path: String) { sources[path] = file }

        init(basePath: String) { self.basePath = basePath }

        /// `index` is the page's place in the site, so problems come out in page order whatever order
        /// the pages were rendered in. A page added again at the same index replaces what it had.
        mutating func add(_ page: PageLinks, index: Int) {
            if paths.count <= index {
                let more = index + 1 - paths.count
                paths += Array(repeating: "", count: more)
                pageLinks += Array(repeating: [], count: more)
                missingFragments += Array(repeating: [], count: more)
            }
            paths[index] = page.path
            existing.insert(page.path)
            ids[page.path] = page.idHashes
            pageLinks[index] = page.siteLinks.map { link in
                if let number = linkNumbers[link] { return number }
                let number = Int32(links.count)
                links.append(link)
                linkNumbers[link] = number
                return number
            }
            missingFragments[index] = page.missingFragments
        }

        mutating func addFile(_ path: String) { existing.insert(path) }

        func problems() -> [Diagnostic] {
            // Each distinct link is checked once, however many pages carry it (the menu is on all of them).
            var verdicts: [String??] = Array(repeating: nil, count: links.count)
            var found: [Diagnostic] = []
            for (page, numbers) in pageLinks.enumerated() {
                var problems: [(link: String, problem: String)] = missingFragments[page].map { ($0, "but this page has no such anchor") }
                for number in numbers {
                    let link = links[Int(number)]
                    if verdicts[Int(number)] == nil {
                        verdicts[Int(number)] = .some(LinkCheck.problem(link, basePath: basePath, existing: existing, ids: ids))
                    }
                    if let problem = verdicts[Int(number)]! { problems.append((link, problem)) }
                }
                let path = paths[page]
                for (link, problem) in problems.sorted(by: { $0.link < $1.link }) {
                    found.append(.error(
                        at: sources[path].map { SourceLocation(file: $0, line: 1, column: 1) },
                        "page /\(path.replacingOccurrences(of: "index.html", with: "")) links to \"\(link)\", \(problem)",
                        suggestion: "check the link's spelling, or the heading it points to"))
                }
            }
            return found
        }
    }

    static func decoded(_ text: String) -> String {
        text.includes("&") ? text.replacingOccurrences(of: "&amp;", with: "&") : text
    }

    /// FNV-1a: the same on every run, unlike Swift's seeded hashing.
    static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }

    private static func contains(_ hashes: [UInt64]?, _ fragment: String) -> Bool {
        guard let hashes else { return false }
        let target = hash(fragment)
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == target
    }

    /// Why a site-absolute link leads nowhere, or nil when it is fine.
    private static func problem(_ link: String, basePath: String, existing: Set<String>, ids: [String: [UInt64]]) -> String? {
        let decoded = decoded(link)
        var path = String(decoded.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        path = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let fragment = decoded.contains("#") ? String(decoded.split(separator: "#", maxSplits: 1)[1]) : nil
        guard basePath.isEmpty || path.hasPrefix(basePath) else { return "which is outside the site" }
        path = String(path.dropFirst(basePath.count))
        var target = String(path.dropFirst())
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        guard existing.contains(target) else { return "which does not exist" }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !contains(ids[target], fragment) {
            return "but that page has no anchor \"#\(fragment)\""
        }
        return nil
    }

    /// `id`, and `href` or `src`, values as the templates and cmark write them: ` name="value"`.
    /// One pass over the bytes; ids are hashed where they lie and only links within the site become text.
    static func attributes(in bytes: [UInt8]) -> (idHashes: [UInt64], siteLinks: Set<String>, fragments: Set<String>) {
        var ids: [UInt64] = [], links = Set<String>(), fragments = Set<String>()
        bytes.withUnsafeBufferPointer { page in
            guard let base = page.baseAddress else { return }
            let count = page.count
            var index = 0
            // Every `="` starts an attribute's value: text and values have their quotes escaped. So
            // jump from one `=` to the next and look back for ` id`, ` href` or ` src` before it.
            while index < count, let found = memchr(base + index, 0x3D, count - index) {
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = equals + 1
                guard equals + 1 < count, page[equals + 1] == 0x22 else { continue }
                var nameStart = equals
                while nameStart > 0, equals - nameStart < 6, page[nameStart - 1] >= 0x61 && page[nameStart - 1] <= 0x7A { nameStart -= 1 }
                guard nameStart > 0, page[nameStart - 1] == 0x20, equals - nameStart <= 5 else { continue }
                let name = UnsafeBufferPointer(rebasing: page[nameStart..<equals])
                let start = equals + 2
                var end = start
                while end < count && page[end] != 0x22 { end += 1 }
                let value = UnsafeBufferPointer(rebasing: page[start..<end])
                if name.elementsEqual("id".utf8) {
                    ids.append(hash(value))
                } else if name.elementsEqual("href".utf8) || name.elementsEqual("src".utf8), let first = value.first {
                    if first == UInt8(ascii: "#") {
                        fragments.insert(String(decoding: value, as: UTF8.self))
                    } else if first == UInt8(ascii: "/") && (value.count < 2 || value[1] != UInt8(ascii: "/")) {
                        links.insert(String(decoding: value, as: UTF8.self))
                    }
                }
                index = end
            }
        }
        return (ids, links, fragments)
    }
}
