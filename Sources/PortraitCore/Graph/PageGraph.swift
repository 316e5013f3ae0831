import Foundation

public enum PageKind: String, Sendable, CaseIterable {
    case home, competencies, competency, competencySpan = "competency-span", gradeSpan = "grade-span", faq, page
    case continuum, print, search, embedding
    case embedCompetency = "embed-competency", embedCompetencySpan = "embed-competency-span"
    case notFound = "404"

    /// Pages a search engine should list; the 404 page, search and embeds (copies of full pages) are not.
    public var isIndexable: Bool { ![.notFound, .search, .embedCompetency, .embedCompetencySpan].contains(self) }

    public var isEmbed: Bool { self == .embedCompetency || self == .embedCompetencySpan }

    /// The theme template that renders this kind of page.
    public var template: String { isEmbed ? "embed" : rawValue }
}

/// One page of the site: where it lives and what it shows, before any HTML exists.
public struct SitePage: Sendable {
    public var kind: PageKind
    /// Site path without the base path, always starting and ending with "/" ("/es/competencies/communication/").
    public var path: String
    /// The same page's path in the default language ("/competencies/communication/"): the key that
    /// links a page to its translations.
    public var localPath: String = ""
    /// "" for the default language, "/es" for Spanish.
    public var prefix: String = ""
    public var title: String
    public var competency: Int?
    public var span: Int?
    public var page: Int?
    public var breadcrumbs: [Crumb]

    public struct Crumb: Sendable, Hashable {
        public var title: String
        public var path: String
    }

    /// "competencies/communication/index.html"; the 404 page is a file of its own at the root.
    public var outputPath: String {
        kind == .notFound ? String("\(prefix)/404.html".dropFirst()) : String(path.dropFirst()) + "index.html"
    }
}

/// Stage 3: every page the site will have, with its permalink, and a map from content files to URLs.
public struct PageGraph: Sendable {
    public var pages: [SitePage]
    /// Content file as shown in messages ("content/faq.md") → site path.
    public var pathsByFile: [String: String]

    /// `strings` are the interface texts of the page's language; `prefix` is "" or "/<code>".
    /// `alsoFiles` maps more content files (the other language's copy of each file) to the same pages.
    public static func build(_ content: PortraitContent, strings: InterfaceStrings = .english, prefix: String = "",
                             contentRoots: [String] = []) -> PageGraph {
        var graph = buildLocal(content, strings: strings)
        guard !prefix.isEmpty || !contentRoots.isEmpty else {
            for index in graph.pages.indices { graph.pages[index].localPath = graph.pages[index].path }
            return graph
        }
        for index in graph.pages.indices {
            var page = graph.pages[index]
            page.localPath = page.path
            page.prefix = prefix
            page.path = prefix + page.path
            page.breadcrumbs = page.breadcrumbs.map { .init(title: $0.title, path: prefix + $0.path) }
            graph.pages[index] = page
        }
        var paths: [String: String] = [:]
        for (file, path) in graph.pathsByFile { paths[file] = prefix + path }
        // Links written in either language's copy of a file reach this language's page.
        for root in contentRoots {
            paths["\(root)/index.md"] = prefix + "/"
            paths["\(root)/faq.md"] = prefix + "/faq/"
            for competency in content.competencies { paths["\(root)/competencies/\(competency.slug).md"] = prefix + "/competencies/\(competency.slug)/" }
            for page in content.pages {
                paths["\(root)/\(page.slug).md"] = prefix + "/\(page.slug)/"
                paths["\(root)/pages/\(page.slug).md"] = prefix + "/\(page.slug)/"
            }
        }
        graph.pathsByFile = paths
        return graph
    }

    private static func buildLocal(_ content: PortraitContent, strings: InterfaceStrings) -> PageGraph {
        var pages: [SitePage] = []
        var pathsByFile: [String: String] = [:]
        let home = SitePage.Crumb(title: strings["home"], path: "/")
        let allCompetencies = SitePage.Crumb(title: strings["competencies"], path: "/competencies/")

        pages.append(SitePage(kind: .home, path: "/", title: content.config.title, breadcrumbs: []))
        if let file = content.home?.file { pathsByFile[file] = "/" }
        pages.append(SitePage(kind: .competencies, path: "/competencies/", title: strings["competencies"], breadcrumbs: [home]))

        for (index, competency) in content.competencies.enumerated() {
            let path = "/competencies/\(competency.slug)/"
            pathsByFile[competency.file] = path
            pages.append(SitePage(kind: .competency, path: path, title: competency.title, competency: index,
                                  breadcrumbs: [home, allCompetencies]))
            for (spanIndex, span) in content.config.gradeSpans.enumerated() {
                pages.append(SitePage(
                    kind: .competencySpan, path: "\(path)\(span.id)/", title: "\(competency.title): \(span.label)",
                    competency: index, span: spanIndex,
                    breadcrumbs: [home, allCompetencies, .init(title: competency.title, path: path)]))
            }
        }
        for (index, competency) in content.competencies.enumerated() {
            let path = "/embed/competencies/\(competency.slug)/"
            pages.append(SitePage(kind: .embedCompetency, path: path, title: competency.title, competency: index, breadcrumbs: []))
            for (spanIndex, span) in content.config.gradeSpans.enumerated() {
                pages.append(SitePage(kind: .embedCompetencySpan, path: "\(path)\(span.id)/", title: "\(competency.title): \(span.label)",
                                      competency: index, span: spanIndex, breadcrumbs: []))
            }
        }
        for (index, span) in content.config.gradeSpans.enumerated() {
            pages.append(SitePage(kind: .gradeSpan, path: "/grades/\(span.id)/", title: span.label, span: index,
                                  breadcrumbs: [home]))
        }
        if let faq = content.faq {
            pathsByFile[faq.file] = "/faq/"
            pages.append(SitePage(kind: .faq, path: "/faq/", title: faq.title, breadcrumbs: [home]))
        }
        for (index, page) in content.pages.enumerated() {
            let path = "/\(page.slug)/"
            pathsByFile[page.file] = path
            pages.append(SitePage(kind: .page, path: path, title: page.title, page: index, breadcrumbs: [home]))
        }
        pages.append(SitePage(kind: .continuum, path: "/continuum/", title: strings["continuum_title"], breadcrumbs: [home]))
        pages.append(SitePage(kind: .print, path: "/print/", title: strings["print_title"], breadcrumbs: [home]))
        pages.append(SitePage(kind: .search, path: "/search/", title: strings["search"], breadcrumbs: [home]))
        pages.append(SitePage(kind: .embedding, path: "/embedding/", title: strings["embedding_title"], breadcrumbs: [home]))
        pages.append(SitePage(kind: .notFound, path: "/404/", title: strings["page_not_found"], breadcrumbs: [home]))
        return PageGraph(pages: pages, pathsByFile: pathsByFile)
    }

    /// Resolves `target` (e.g. "../faq.md#why") written in `fromFile` to a site path, or nil if no page has it.
    /// Changes whenever any link between content files would resolve differently.
    var linkSignature: UInt64 {
        LinkCheck.hash(pathsByFile.sorted { $0.key < $1.key }.map { "\($0.key)\u{0}\($0.value)" }.joined(separator: "\u{1}"))
    }

    public func resolve(_ target: String, from fromFile: String) -> String? {
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let directory = (fromFile as NSString).deletingLastPathComponent
        let joined = directory.isEmpty ? String(parts[0]) : "\(directory)/\(parts[0])"
        guard let path = pathsByFile[Self.normalize(joined)] else { return nil }
        return parts.count > 1 ? "\(path)#\(parts[1])" : path
    }

    static func normalize(_ path: String) -> String {
        var stack: [Substring] = []
        for segment in path.split(separator: "/") {
            if segment == "." { continue }
            if segment == "..", let last = stack.last, last != ".." { stack.removeLast() } else { stack.append(segment) }
        }
        let joined = stack.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
