/// Decodes plain pages, the home page introduction and the FAQ.
enum PageDecoder {
    static let pageKeys = ["title", "description", "order"]
    static let faqKeys = ["title", "description"]

    static func page(_ root: YAMLNode?, slug: String, file: String, body: MarkdownSource, titleRequired: Bool, log: DiagnosticLog) -> Page? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root else {
            if titleRequired {
                log.add(.error(at: start, "page has no front matter", expected: "---\ntitle: The page's title\n---"))
                return nil
            }
            return Page(slug: slug, file: file, title: "", description: nil, order: 0, body: body, location: start)
        }
        guard let reader = YAMLMappingReader(root, file: file, what: "page", keys: pageKeys, log: log) else { return nil }
        let title = reader.string("title", required: titleRequired)
        let order = reader.int("order") ?? 0
        guard title != nil || !titleRequired else { return nil }
        return Page(slug: slug, file: file, title: title ?? "", description: reader.string("description"),
                    order: order, body: body, location: start)
    }

    /// Each `## Question` heading and the text under it is one entry; text before the first is the introduction.
    static func faq(_ root: YAMLNode?, file: String, body: MarkdownSource, log: DiagnosticLog) -> FAQ? {
        var title = "Frequently asked questions"
        if let root {
            guard let reader = YAMLMappingReader(root, file: file, what: "FAQ", keys: faqKeys, log: log) else { return nil }
            title = reader.string("title") ?? title
        }
        let lines = body.text.split(separator: "\n", omittingEmptySubsequences: false)
        let questions = MarkdownRenderer.headingLines(in: body.text, level: 2)
        let introEnd = (questions.first?.line ?? lines.count + 1) - 1
        let intro = MarkdownSource(text: lines[0..<introEnd].joined(separator: "\n"), file: file, firstLine: body.firstLine)
        var entries: [FAQEntry] = []
        for (index, question) in questions.enumerated() {
            let start = question.line  // 1-based line of the heading; the answer starts on the next line
            let end = index + 1 < questions.count ? questions[index + 1].line - 1 : lines.count
            let answerLines = start < end ? lines[start..<end] : []
            entries.append(FAQEntry(
                question: question.text,
                answer: MarkdownSource(text: answerLines.joined(separator: "\n"), file: file, firstLine: body.firstLine + start)))
        }
        if entries.isEmpty {
            log.add(.warning(at: SourceLocation(file: file, line: body.firstLine, column: 1),
                             "the FAQ has no questions", expected: "## A question?\n\nIts answer."))
        }
        return FAQ(file: file, title: title, intro: intro, entries: entries)
    }
}
