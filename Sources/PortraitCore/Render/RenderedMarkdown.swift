/// Every Markdown body in the Portrait, rendered once and shared by all the pages that show it.
struct RenderedMarkdown: Sendable {
    var home: MarkdownRenderer.Output?
    var competencies: [MarkdownRenderer.Output]
    var faqIntro: MarkdownRenderer.Output?
    var faqAnswers: [(id: String, output: MarkdownRenderer.Output)]
    var pages: [MarkdownRenderer.Output]

    /// Ids the templates themselves put on a competency page; Markdown headings must not take them.
    static func reservedIDs(_ content: PortraitContent) -> Set<String> {
        var ids: Set<String> = ["main", "site-nav", "breadcrumbs", "top", "narrative", "connections", "grade-spans"]
        for span in content.config.gradeSpans {
            ids.insert(span.id)
            for part in ["definition", "i-can", "look-fors", "evidence", "reflection", "rubric"] { ids.insert("\(span.id)-\(part)") }
        }
        return ids
    }

    /// One competency's body again, as `render` renders it, for the preview's quick pass.
    static func competencyBody(_ content: PortraitContent, index: Int, graph: PageGraph) -> MarkdownRenderer.Output {
        let urls = SiteURLs(baseURL: content.config.baseURL)
        let renderer = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML) { target, file in
            graph.resolve(target, from: file).map(urls.link)
        }
        var ids = HeadingIDs(reserved: reservedIDs(content))
        return renderer.render(content.competencies[index].body, ids: &ids)
    }

    /// `faqIDs`, when given, are the default language's FAQ anchors: a translated FAQ with the same
    /// questions in the same order keeps them, so links and language switches land on the same answer.
    /// With a `cache`, a competency or page body whose text and surroundings are unchanged since the
    /// last build is not rendered again.
    static func render(_ content: PortraitContent, graph: PageGraph, faqIDs: [String] = [],
                       cache: DecodedFileCache? = nil) -> (RenderedMarkdown, [Diagnostic]) {
        let urls = SiteURLs(baseURL: content.config.baseURL)
        let renderer = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML) { target, file in
            graph.resolve(target, from: file).map(urls.link)
        }
        let reserved = reservedIDs(content)
        // Everything besides the text that decides the output: where links lead, the reserved ids, raw HTML.
        let surroundings = cache == nil ? "" : "\(graph.linkSignature) \(urls.link("/")) \(content.config.allowRawHTML) \(reserved.sorted())"
        @Sendable func cached(_ source: MarkdownSource) -> MarkdownRenderer.Output {
            let key = "\(surroundings)\u{0}\(source.file)\u{0}\(source.firstLine)\u{0}\(source.text)"
            if let output = cache?.markdown(for: key) { return output }
            var ids = HeadingIDs(reserved: reserved)
            let output = renderer.render(source, ids: &ids)
            cache?.storeMarkdown(output, for: key)
            return output
        }
        var diagnostics: [Diagnostic] = []
        func render(_ source: MarkdownSource, ids: inout HeadingIDs) -> MarkdownRenderer.Output {
            let output = renderer.render(source, ids: &ids)
            diagnostics += output.diagnostics
            return output
        }
        var homeIDs = HeadingIDs(reserved: reserved)
        let home = content.home.map { render($0.body, ids: &homeIDs) }
        let competencies = ParallelMap.map(content.competencies) { cached($0.body) }
        diagnostics += competencies.flatMap(\.diagnostics)
        let pages = ParallelMap.map(content.pages) { cached($0.body) }
        diagnostics += pages.flatMap(\.diagnostics)
        var headingIDs = HeadingIDs(reserved: reserved)
        var faqIntro: MarkdownRenderer.Output?
        var answers: [(String, MarkdownRenderer.Output)] = []
        if let faq = content.faq {
            faqIntro = render(faq.intro, ids: &headingIDs)
            let shared = !faqIDs.isEmpty && faqIDs.count == faq.entries.count ? faqIDs : nil
            for (index, entry) in faq.entries.enumerated() {
                let id: String
                if let shared {
                    id = shared[index]
                    headingIDs.reserve(id)
                } else {
                    id = headingIDs.claim(entry.question)
                }
                answers.append((id, render(entry.answer, ids: &headingIDs)))
            }
        }
        let result = RenderedMarkdown(home: home, competencies: competencies, faqIntro: faqIntro, faqAnswers: answers, pages: pages)
        return (result, diagnostics)
    }
}
