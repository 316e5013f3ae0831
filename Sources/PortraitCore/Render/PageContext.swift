import Foundation

/// Builds the values each template sees. Keys are snake_case; keys ending in `_html` hold rendered
/// Markdown and are the only ones templates may print unescaped.
/// Its values are made in init and only read afterwards (the continuum table once, under a lock), so
/// sharing it across threads is safe.
struct PageContext: @unchecked Sendable {
    /// Every key a context can hold, including ones that only appear when optional content exists
    /// (contact details, connections), so template checks do not depend on which content a site has.
    static let vocabulary: Set<String> = [
        "site", "page", "nav", "breadcrumbs", "has_breadcrumbs", "intro_html", "body_html", "competency", "span",
        "previous", "next", "other_spans", "entries", "faq", "list_level", "detail",
        "title", "district", "vision", "language", "home_url", "stylesheet_url", "competencies", "grade_spans",
        "rubric_levels", "key_elements", "contact", "has_contact", "faq_url", "kind", "url", "canonical_url",
        "description", "current", "slug", "summary", "headline", "color", "icon", "has_icon", "icon_alt",
        "connections", "has_connections", "system", "spans", "id", "label", "grades", "definition",
        "competency_title", "i_can", "look_fors", "evidence", "reflection", "has_reflection", "rubric", "text",
        "question", "answer_html", "name", "email", "phone", "address",
        "theme_css", "search_url", "continuum_url", "print_url", "search_index_url", "structured_data_html",
        "graphic_html", "continuum", "rows", "cells", "og_type", "locale", "is_indexable", "browse",
        "questions", "search_script_url", "home_absolute_url", "embed", "snippet", "oembed_url", "height",
        "full_url", "embed_script_url", "site_script_url", "embedding_help_url", "host_script_url", "example",
        "oembed_endpoint", "t", "lang", "alternates", "x_default_url", "has_languages", "is_fallback", "content_lang",
        "hreflang", "absolute_url", "dir", "code", "untranslated",
    ]

    let content: PortraitContent
    let localized: LocalizedContent
    let graph: PageGraph
    /// Links to this language's pages ("/es/faq/").
    let urls: SiteURLs
    /// Links to paths that already carry their language, and to shared assets.
    let root: SiteURLs
    let markdown: RenderedMarkdown
    let strings: InterfaceStrings
    /// Every language of the site, the default first, with its name in its own language.
    let languages: [(code: String, name: String)]
    private let site: TemplateValue
    private let competencyCards: [TemplateValue]
    private let language: TemplateValue
    private let interfaceText: TemplateValue
    private let menu: (items: [TemplateValue], paths: [String])
    /// The continuum, search and print pages show the same table; on a large site it is thousands of
    /// values, made once when the first of them needs it.
    private let continuumTable = MadeOnce<TemplateValue>()

    init(localized: LocalizedContent, graph: PageGraph, markdown: RenderedMarkdown, strings: InterfaceStrings = .english,
         languages: [(code: String, name: String)] = []) {
        let content = localized.content
        self.content = content
        self.localized = localized
        self.graph = graph
        self.markdown = markdown
        self.strings = strings
        self.languages = languages
        let root = SiteURLs(baseURL: content.config.baseURL)
        let urls = root.inLanguage(localized.prefix)
        self.root = root
        self.urls = urls
        language = ["code": .text(localized.language), "dir": .text(LanguageDirection.of(localized.language)),
                    "locale": .text(localized.language.replacingOccurrences(of: "-", with: "_"))]
        interfaceText = .object(TemplateObject(strings.values.mapValues(TemplateValue.text)))
        menu = Self.menu(content, localized: localized, strings: strings, urls: urls)
        let config = content.config
        competencyCards = content.competencies.map { competency in
            [
                "title": .text(competency.title), "slug": .text(competency.slug), "summary": .text(competency.summary),
                "headline": .text(competency.headline), "color": .text(competency.color), "icon": .text(competency.icon ?? ""),
                "has_icon": .bool(competency.icon != nil),
                "icon_alt": .text(competency.iconAlt ?? ""), "url": .text(urls.link("/competencies/\(competency.slug)/")),
                "untranslated": .bool(localized.isUntranslated(competency.file)),
            ]
        }
        var contact: [String: TemplateValue] = [:]
        for (key, value) in [("name", config.contact.name), ("email", config.contact.email), ("phone", config.contact.phone),
                             ("address", config.contact.address), ("url", config.contact.url)] {
            if let value { contact[key] = .text(value) }
        }
        site = [
            "title": .text(config.title), "district": .text(config.district), "vision": .text(config.vision),
            "language": .text(config.language),
            "home_url": .text(urls.link("/")), "home_absolute_url": .text(urls.absolute("/")),
            "stylesheet_url": .text(root.link("/assets/style.css")),
            "competencies": .list(competencyCards),
            "grade_spans": .list(config.gradeSpans.map { ["id": .text($0.id), "label": .text($0.label), "url": .text(urls.link("/grades/\($0.id)/"))] }),
            "rubric_levels": .list(config.rubricLevels.map { ["id": .text($0.id), "label": .text($0.label), "description": .text($0.description)] }),
            "key_elements": .list(config.keyElements.map { ["title": .text($0.title), "description": .text($0.description)] }),
            "contact": .object(TemplateObject(contact)), "has_contact": .bool(!contact.isEmpty),
            "faq_url": .text(content.faq == nil ? "" : urls.link("/faq/")),
            "theme_css": .text(config.theme.css), "search_url": .text(urls.link("/search/")),
            "continuum_url": .text(urls.link("/continuum/")),
            "print_url": .text(urls.link("/print/")), "search_index_url": .text(urls.link("/search-index.json")),
            "search_script_url": .text(root.link("/assets/search.js")), "embed_script_url": .text(root.link("/assets/embed.js")),
            "site_script_url": .text(root.link("/assets/site.js")), "embedding_help_url": .text(urls.link("/embedding/")),
            "locale": .text(config.language.replacingOccurrences(of: "-", with: "_")),
        ]
    }

    func context(for page: SitePage) -> TemplateValue {
        var context: TemplateObject = [
            "site": site,
            "t": interfaceText, "lang": language, "has_languages": .bool(languages.count > 1),
            "alternates": .list(alternates(for: page)), "content_lang": .text(content.config.language),
            "x_default_url": languages.count > 1 ? .text(root.absolute(page.kind == .notFound ? "/" : page.localPath)) : false,
            "is_fallback": .bool(localized.isUntranslated(sourceFile(of: page))),
            "page": [
                "title": .text(page.title), "kind": .text(page.kind.rawValue), "url": .text(root.link(page.path)),
                "canonical_url": .text(root.absolute(page.path)), "description": .text(description(of: page)),
                "og_type": page.kind == .home ? "website" : "article", "is_indexable": .bool(page.kind.isIndexable),
            ],
            "structured_data_html": .text(structuredData(for: page)),
            "nav": .list(navigation(current: page)),
            "breadcrumbs": .list(breadcrumbs(of: page)),
            "has_breadcrumbs": .bool(!page.breadcrumbs.isEmpty),
        ]
        switch page.kind {
        case .home:
            context["intro_html"] = .text(markdown.home?.html ?? "")
            context["graphic_html"] = .text(PortraitGraphic.svg(title: content.config.title, competencies: content.competencies.map {
                ($0.title, $0.headline, $0.color, urls.link("/competencies/\($0.slug)/"), $0.icon)
            }))
        case .competencies, .notFound:
            break
        case .embedding:
            context["host_script_url"] = .text(urls.absolute("/assets/embed-host.js"))
            context["example"] = embedCode(for: graph.pages.first { $0.kind == .competencySpan } ?? page)
            context["oembed_endpoint"] = .text(urls.absolute("/oembed"))
        case .continuum, .print:
            context["continuum"] = continuumTable.value { continuum() }
        case .search:
            context["browse"] = continuumTable.value { continuum() }
            context["questions"] = .list(zip(content.faq?.entries ?? [], markdown.faqAnswers).map { entry, answer in
                ["question": .text(entry.question), "url": .text(urls.link("/faq/#\(answer.id)"))]
            })
        case .competency:
            let index = page.competency!
            context["competency"] = competencyDetail(index, spans: content.competencies[index].spans.indices.map { $0 })
            context["list_level"] = 4
            context["embed"] = embedCode(for: page)
            context["previous"] = neighbour(index - 1)
            context["next"] = neighbour(index + 1)
        case .competencySpan:
            let index = page.competency!, spanIndex = page.span!
            context["competency"] = competencyDetail(index, spans: [spanIndex])
            context["list_level"] = 2
            context["embed"] = embedCode(for: page)
            context["span"] = spanDetail(index, spanIndex)
            context["other_spans"] = .list(content.config.gradeSpans.enumerated().map { offset, span in
                ["label": .text(span.label), "url": .text(urls.link("/competencies/\(content.competencies[index].slug)/\(span.id)/")),
                 "current": .bool(offset == spanIndex)]
            })
        case .embedCompetency, .embedCompetencySpan:
            let index = page.competency!
            let spans = page.span.map { [$0] } ?? Array(content.competencies[index].spans.indices)
            context["competency"] = competencyDetail(index, spans: spans)
            context["list_level"] = 3
            context["full_url"] = .text(urls.absolute(String(page.localPath.dropFirst("/embed".count))))
        case .gradeSpan:
            let spanIndex = page.span!
            let span = content.config.gradeSpans[spanIndex]
            context["span"] = ["id": .text(span.id), "label": .text(span.label), "grades": .text(span.grades.joined(separator: ", "))]
            context["entries"] = .list(content.competencies.indices.map { index -> TemplateValue in
                var entry = competencyCards[index]
                entry["detail"] = spanDetail(index, spanIndex)
                return entry
            })
        case .faq:
            context["faq"] = [
                "title": .text(content.faq!.title), "intro_html": .text(markdown.faqIntro?.html ?? ""),
                "entries": .list(zip(content.faq!.entries, markdown.faqAnswers).map { entry, answer in
                    ["question": .text(entry.question), "id": .text(answer.id), "answer_html": .text(answer.output.html)]
                }),
            ]
        case .page:
            context["body_html"] = .text(markdown.pages[page.page!].html)
        }
        return .object(context)
    }

    /// A grade span page's trail ends with its competency, whose title is the default language's
    /// when the competency is not translated, and says so for screen readers.
    private func breadcrumbs(of page: SitePage) -> [TemplateValue] {
        let untranslatedCompetency = page.kind == .competencySpan && localized.isUntranslated(sourceFile(of: page))
        return page.breadcrumbs.map { crumb in
            ["title": .text(crumb.title), "url": .text(root.link(crumb.path)),
             "untranslated": .bool(untranslatedCompetency && crumb.path.hasSuffix("/competencies/\(content.competencies[page.competency!].slug)/"))]
        }
    }

    /// The ready-to-paste iframe for a full page, and where its embed and oEmbed files live.
    private func embedCode(for page: SitePage) -> TemplateValue {
        let embed = EmbedCode(page: page, title: "\(page.title) · \(content.config.title), \(content.config.district)", urls: root)
        return ["snippet": .text(embed.snippet), "url": .text(embed.embedURL), "oembed_url": .text(embed.oembedURL),
                "height": .number(embed.height)]
    }

    private func structuredData(for page: SitePage) -> String {
        switch page.kind {
        case .home, .competencies: return StructuredData.script(StructuredData.competencySet(content, urls: urls))
        case .competency: return StructuredData.script(StructuredData.term(content.competencies[page.competency!], content: content, urls: urls))
        case .faq:
            guard let faq = content.faq else { return "" }
            return StructuredData.script(StructuredData.faqPage(faq, answers: markdown.faqAnswers.map { PlainText.from(html: $0.output.html) }, urls: urls))
        default: return ""
        }
    }

    /// Competencies × grade spans, for reading growth across a row.
    private func continuum() -> TemplateValue {
        [
            "spans": .list(content.config.gradeSpans.map { ["id": .text($0.id), "label": .text($0.label), "url": .text(urls.link("/grades/\($0.id)/"))] }),
            "rows": .list(content.competencies.enumerated().map { index, competency -> TemplateValue in
                var row = competencyCards[index]
                row["cells"] = .list(content.config.gradeSpans.enumerated().map { spanIndex, span -> TemplateValue in
                    ["label": .text(span.label), "definition": .text(competency.spans[spanIndex].definition),
                     "url": .text(urls.link("/competencies/\(competency.slug)/\(span.id)/"))]
                })
                return row
            }),
        ]
    }

    private func description(of page: SitePage) -> String {
        switch page.kind {
        case .competency, .competencySpan: return content.competencies[page.competency!].summary
        case .page: return content.pages[page.page!].description ?? content.config.vision
        default: return content.config.vision
        }
    }

    /// The same page in every language, for the language switcher and hreflang links. The 404 page
    /// has no address of its own, so its alternates are the home pages.
    private func alternates(for page: SitePage) -> [TemplateValue] {
        guard languages.count > 1 else { return [] }
        let local = page.kind == .notFound ? "/" : page.localPath
        return languages.map { language in
            let prefix = language.code == content.config.language ? "" : "/\(language.code)"
            return ["hreflang": .text(language.code), "name": .text(language.name), "url": .text(root.link(prefix + local)),
                    "absolute_url": .text(root.absolute(prefix + local)), "current": .bool(language.code == localized.language)]
        }
    }

    func sourceFile(of page: SitePage) -> String? {
        switch page.kind {
        case .competency, .competencySpan, .embedCompetency, .embedCompetencySpan: return content.competencies[page.competency!].file
        case .faq: return content.faq?.file
        case .page: return content.pages[page.page!].file
        case .home: return content.home?.file
        default: return nil
        }
    }

    /// The menu with no item marked current, and each item's path, made once: every page shows it.
    private static func menu(_ content: PortraitContent, localized: LocalizedContent, strings: InterfaceStrings,
                             urls: SiteURLs) -> (items: [TemplateValue], paths: [String]) {
        var entries: [(title: String, path: String, untranslated: Bool)] = [
            (strings["home"], "/", false), (strings["competencies"], "/competencies/", false),
            (strings["continuum"], "/continuum/", false),
        ]
        if content.faq != nil { entries.append((strings["faq"], "/faq/", false)) }
        for page in content.pages {
            entries.append((page.title, "/\(page.slug)/", localized.isUntranslated(page.file)))
        }
        let items: [TemplateValue] = entries.map { entry in
            ["title": .text(entry.title), "url": .text(urls.link(entry.path)), "current": false,
             "untranslated": .bool(entry.untranslated)]
        }
        return (items, entries.map(\.path))
    }

    private func navigation(current page: SitePage) -> [TemplateValue] {
        var items = menu.items
        for (index, path) in menu.paths.enumerated()
        where page.localPath == path || (path != "/" && page.localPath.hasPrefix(path)) {
            items[index]["current"] = true
        }
        return items
    }

    private func neighbour(_ index: Int) -> TemplateValue {
        content.competencies.indices.contains(index) ? competencyCards[index] : false
    }

    private func competencyDetail(_ index: Int, spans: [Int]) -> TemplateValue {
        let competency = content.competencies[index]
        var detail = competencyCards[index]
        detail["body_html"] = .text(markdown.competencies[index].html)
        detail["connections"] = .list(competency.connections.map { ["system": .text($0.system), "description": .text($0.description)] })
        detail["has_connections"] = .bool(!competency.connections.isEmpty)
        detail["spans"] = .list(spans.map { spanDetail(index, $0) })
        return detail
    }

    /// Ids are prefixed with the span id so every list and item on a page has its own anchor.
    func spanDetail(_ index: Int, _ spanIndex: Int) -> TemplateValue {
        let competency = content.competencies[index]
        let span = content.config.gradeSpans[spanIndex]
        let detail = competency.spans[spanIndex]
        func items(_ values: [String], _ name: String) -> TemplateValue {
            .list(values.enumerated().map { ["text": .text($1), "id": .text("\(span.id)-\(name)-\($0 + 1)")] })
        }
        let rubric = content.config.rubricLevels.map { level -> TemplateValue in
            ["label": .text(level.label), "id": .text(level.id),
             "text": .text(detail.rubric.first { $0.levelID == level.id }?.text ?? "")]
        }
        return [
            "id": .text(span.id), "label": .text(span.label), "definition": .text(detail.definition),
            "url": .text(urls.link("/competencies/\(competency.slug)/\(span.id)/")),
            "competency_title": .text(competency.title),
            "i_can": items(detail.iCan, "i-can"), "look_fors": items(detail.lookFors, "look-for"),
            "evidence": items(detail.evidence, "evidence"), "reflection": items(detail.reflection, "reflection"),
            "has_reflection": .bool(!detail.reflection.isEmpty), "rubric": .list(rubric),
        ]
    }
}

/// A value made by the first caller that needs it and shared with every later one, on any thread.
final class MadeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?

    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
