import Foundation

/// Files for machines rather than readers: the sitemap, robots.txt and the search index.
enum SiteIndexFiles {
    /// Files each language has under its own prefix: the search index and the oEmbed responses.
    static func languageFiles(_ localized: LocalizedContent, graph: PageGraph, markdown: RenderedMarkdown, urls root: SiteURLs) -> [OutputFile] {
        let urls = root.inLanguage(localized.prefix)
        let index = OutputFile(path: String("\(localized.prefix)/search-index.json".dropFirst()),
                               stream: searchIndex(localized.content, markdown: markdown, urls: urls))
        return [index] + oembedFiles(localized.content, graph: graph, urls: root)
    }

    /// Files shared by every language: the sitemap, with each page's translations, and robots.txt.
    static func siteFiles(graphs: [(language: String, graph: PageGraph)], defaultLanguage: String, urls: SiteURLs) -> [OutputFile] {
        [
            OutputFile(path: "sitemap.xml", text: sitemap(graphs, defaultLanguage: defaultLanguage, urls: urls)),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\n"),
        ]
    }

    static func oembedFiles(_ content: PortraitContent, graph: PageGraph, urls: SiteURLs) -> [OutputFile] {
        graph.pages.filter { $0.kind == .competency || $0.kind == .competencySpan }.map { page in
            let embed = EmbedCode(page: page, title: "\(page.title) · \(content.config.title), \(content.config.district)", urls: urls)
            let object = embed.oembed(providerName: "\(content.config.district) · \(content.config.title)", providerURL: urls.absolute("/"))
            return OutputFile(path: String(embed.oembedPath.dropFirst()), bytes: JSONText.pretty(object))
        }
    }

    static func sitemap(_ graphs: [(language: String, graph: PageGraph)], defaultLanguage: String, urls: SiteURLs) -> String {
        let multilingual = graphs.count > 1
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        for (_, graph) in graphs {
            for page in graph.pages where page.kind.isIndexable {
                xml += "  <url>\n    <loc>\(PortraitGraphic.escape(urls.absolute(page.path)))</loc>\n"
                if multilingual {
                    for (language, _) in graphs {
                        let prefix = language == defaultLanguage ? "" : "/\(language)"
                        xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(PortraitGraphic.escape(urls.absolute(prefix + page.localPath)))\"/>\n"
                    }
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(PortraitGraphic.escape(urls.absolute(page.localPath)))\"/>\n"
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }

    /// Short keys keep the file small: t title, k kind, u url, x text.
    static func searchIndex(_ content: PortraitContent, markdown: RenderedMarkdown, urls: SiteURLs) -> StreamedBytes {
        let competencies = content.competencies
        // Written a competency at a time: on large sites the index holds hundreds of thousands of entries.
        return JSONText.stream(pretty: false) { .generated(groups: competencies.count + 1) { group in
            guard group < competencies.count else { return otherEntries(content, markdown: markdown, urls: urls) }
            let competency = competencies[group]
            let base = "/competencies/\(competency.slug)/"
            var entries: [JSONValue] = [["t": competency.title, "k": "Competency", "u": urls.link(base), "x": "\(competency.headline) \(competency.summary)"]]
            for (span, detail) in zip(content.config.gradeSpans, competency.spans) {
                let page = "\(base)\(span.id)/"
                let title = "\(competency.title), \(span.label)"
                entries.append(["t": title, "k": "Grade span", "u": urls.link(page), "x": detail.definition])
                for (index, text) in detail.iCan.enumerated() {
                    entries.append(["t": title, "k": "I can", "u": urls.link("\(page)#\(span.id)-i-can-\(index + 1)"), "x": text])
                }
                for (index, text) in detail.lookFors.enumerated() {
                    entries.append(["t": title, "k": "Look-for", "u": urls.link("\(page)#\(span.id)-look-for-\(index + 1)"), "x": text])
                }
            }
            return entries
        } }
    }

    private static func otherEntries(_ content: PortraitContent, markdown: RenderedMarkdown, urls: SiteURLs) -> [JSONValue] {
        var entries: [JSONValue] = []
        if let faq = content.faq {
            for (entry, answer) in zip(faq.entries, markdown.faqAnswers) {
                entries.append(["t": entry.question, "k": "FAQ", "u": urls.link("/faq/#\(answer.id)"),
                                "x": String(PlainText.from(html: answer.output.html).prefix(280))])
            }
        }
        for (page, output) in zip(content.pages, markdown.pages) {
            entries.append(["t": page.title, "k": "Page", "u": urls.link("/\(page.slug)/"),
                            "x": String(PlainText.from(html: output.html).prefix(280))])
        }
        return entries
    }
}
