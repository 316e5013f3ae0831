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

    /// `faqIDs`, when given, are the default language's FAQ anchors: a translated FAQ with the same
    /// questions in the same order keeps them, so links and language switches land on the same answer.
    static func render(_ content: PortraitContent, graph: PageGraph, faqIDs: [String] = []) -> (RenderedMarkdown, [Diagnostic]) {
        let urls = SiteURLs(baseURL: content.config.baseURL)
        let renderer = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML) { target, file in
            graph.resolve(target, from: file).map(urls.link)
        }
        let reserved = reservedIDs(content)
        var diagnostics: [Diagnostic] = []
        func render(_ source: MarkdownSource, ids: inout HeadingIDs) -> MarkdownRenderer.Output {
            let output = renderer.render(source, ids: &ids)
            diagnostics += output.diagnostics
            return output
        }
        var homeIDs = HeadingIDs(reserved: reserved)
        let home = content.home.map { render($0.body, ids: &homeIDs) }
        let competencies = ParallelMap.map(content.competencies) { competency in
            var ids = HeadingIDs(reserved: reserved)
            return renderer.render(competency.body, ids: &ids)
        }
        diagnostics += competencies.flatMap(\.diagnostics)
        let pages = ParallelMap.map(content.pages) { page in
            var ids = HeadingIDs(reserved: reserved)
            return renderer.render(page.body, ids: &ids)
        }
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
