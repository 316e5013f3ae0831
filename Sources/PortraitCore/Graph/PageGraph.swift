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
    /// Site path without the base path, always starting and ending with "/" ("/competencies/communication/").
    public var path: String
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
        kind == .notFound ? "404.html" : String(path.dropFirst()) + "index.html"
    }
}

/// Stage 3: every page the site will have, with its permalink, and a map from content files to URLs.
public struct PageGraph: Sendable {
    public var pages: [SitePage]
    /// Content file as shown in messages ("content/faq.md") → site path.
    public var pathsByFile: [String: String]

    public static func build(_ content: PortraitContent) -> PageGraph {
        var pages: [SitePage] = []
        var pathsByFile: [String: String] = [:]
        let home = SitePage.Crumb(title: "Home", path: "/")
        let allCompetencies = SitePage.Crumb(title: "Competencies", path: "/competencies/")

        pages.append(SitePage(kind: .home, path: "/", title: content.config.title, breadcrumbs: []))
        if let file = content.home?.file { pathsByFile[file] = "/" }
        pages.append(SitePage(kind: .competencies, path: "/competencies/", title: "Competencies", breadcrumbs: [home]))

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
        pages.append(SitePage(kind: .continuum, path: "/continuum/", title: "Growth across the grades", breadcrumbs: [home]))
        pages.append(SitePage(kind: .print, path: "/print/", title: "\(content.config.title) on one page", breadcrumbs: [home]))
        pages.append(SitePage(kind: .search, path: "/search/", title: "Search", breadcrumbs: [home]))
        pages.append(SitePage(kind: .embedding, path: "/embedding/", title: "Embed the Portrait on your school's website", breadcrumbs: [home]))
        pages.append(SitePage(kind: .notFound, path: "/404/", title: "Page not found", breadcrumbs: [home]))
        return PageGraph(pages: pages, pathsByFile: pathsByFile)
    }

    /// Resolves `target` (e.g. "../faq.md#why") written in `fromFile` to a site path, or nil if no page has it.
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
