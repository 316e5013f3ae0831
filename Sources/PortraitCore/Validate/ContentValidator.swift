import Foundation

/// Stage 2: checks that hold across files — spans and levels match `portrait.yml`, slugs are unique
/// and safe in a URL — and puts everything in its published order.
public enum ContentValidator {
    /// First path segments the site uses for its own pages.
    public static let reservedSlugs: Set<String> = [
        "competencies", "grades", "faq", "assets", "embed", "print", "continuum", "search", "oembed", "ims",
        "404", "index", "sitemap", "robots", "embedding",
    ]

    public static func validate(_ input: PortraitContent) throws(BuildFailure) -> (PortraitContent, [Diagnostic]) {
        let log = DiagnosticLog()
        var content = input
        checkConfig(content.config, log: log)
        let spanIDs = content.config.gradeSpans.map(\.id)
        let levelIDs = content.config.rubricLevels.map(\.id)

        for index in content.competencies.indices {
            content.competencies[index] = checkSpans(content.competencies[index], spanIDs: spanIDs, levelIDs: levelIDs, log: log)
        }
        content.competencies.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        for index in content.translations.indices {
            content.translations[index] = checkTranslation(content.translations[index], content: content,
                                                           spanIDs: spanIDs, levelIDs: levelIDs, log: log)
        }
        log.add(contentsOf: ColorContrast.check(content.config.theme, competencies: content.competencies, file: content.config.file))

        var owners: [String: String] = [:]
        for page in content.pages {
            checkSlug(page.slug, file: page.file, log: log)
            if reservedSlugs.contains(page.slug) || content.config.languages.contains(page.slug) {
                log.add(.error(at: page.location, "page name \"\(page.slug)\" is used by the site itself",
                               suggestion: "rename the file, for example to \(page.slug)-info.md"))
            } else if let other = owners[page.slug] {
                log.add(.error(at: page.location, "duplicate slug \"\(page.slug)\": \(other) has the same name",
                               suggestion: "rename one of the two files"))
            }
            owners[page.slug] = page.file
        }
        content.pages.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }

        log.add(contentsOf: TodoCheck.check(content))
        if log.hasErrors { throw BuildFailure(log.diagnostics) }
        return (content, log.diagnostics)
    }

    /// One competency checked on its own against the config, as `validate` checks each; for the
    /// preview's quick pass after a save. Cross-file checks (duplicate slugs, order) are left to the
    /// whole-site pass that follows.
    static func validateCompetency(_ competency: Competency, config: PortraitConfig) -> (Competency, [Diagnostic]) {
        let log = DiagnosticLog()
        let checked = checkSpans(competency, spanIDs: config.gradeSpans.map(\.id), levelIDs: config.rubricLevels.map(\.id), log: log)
        let content = PortraitContent(config: config, home: nil, competencies: [checked], faq: nil, pages: [])
        return (checked, log.diagnostics + ColorContrast.check(config.theme, competencies: [checked], file: config.file)
            + TodoCheck.check(content))
    }

    /// A translation may only translate what exists, and must be as complete as the original.
    private static func checkTranslation(_ input: Translation, content: PortraitContent, spanIDs: [String], levelIDs: [String],
                                         log: DiagnosticLog) -> Translation {
        var translation = input
        let slugs = content.competencies.map(\.slug)
        for (slug, competency) in translation.competencies {
            guard let original = content.competencies.first(where: { $0.slug == slug }) else {
                log.add(.error(at: competency.location, "\(competency.file) translates a competency that does not exist",
                               expected: "a file name matching one in competencies/: \(slugs.joined(separator: ", "))",
                               suggestion: Suggestion.nearest(to: slug, in: slugs).map { "did you mean \($0).md?" }))
                translation.competencies[slug] = nil
                continue
            }
            var checked = checkSpans(competency, spanIDs: spanIDs, levelIDs: levelIDs, log: log)
            checked.order = original.order
            checked.color = original.color
            checked.icon = checked.icon ?? original.icon
            checked.iconAlt = checked.iconAlt ?? original.iconAlt
            translation.competencies[slug] = checked
        }
        let pageSlugs = content.pages.map(\.slug)
        for (slug, page) in translation.pages where !pageSlugs.contains(slug) {
            log.add(.error(at: page.location, "\(page.file) translates a page that does not exist",
                           expected: "a file name matching one of: \(pageSlugs.joined(separator: ", "))",
                           suggestion: Suggestion.nearest(to: slug, in: pageSlugs).map { "did you mean \($0).md?" }))
        }
        for span in translation.overlay.spanLabels.keys where !spanIDs.contains(span) {
            log.add(.error(at: nil, "\(translation.root)/portrait.yml names grade span \"\(span)\", which portrait.yml does not declare",
                           suggestion: Suggestion.didYouMean(span, in: spanIDs)))
        }
        return translation
    }

    private static func checkSpans(_ input: Competency, spanIDs: [String], levelIDs: [String], log: DiagnosticLog) -> Competency {
            var competency = input
            checkSlug(competency.slug, file: competency.file, log: log)
            var seen: [String: SpanDetail] = [:]
            var misspelt = Set<String>()
            for span in competency.spans {
                guard spanIDs.contains(span.spanID) else {
                    let nearest = Suggestion.nearest(to: span.spanID, in: spanIDs)
                    if let nearest { misspelt.insert(nearest) }
                    log.add(.error(at: span.location, "grade span \"\(span.spanID)\" is not declared in portrait.yml",
                                   expected: "one of: \(spanIDs.joined(separator: ", "))",
                                   suggestion: nearest.map { "did you mean \"\($0)\"?" }))
                    continue
                }
                seen[span.spanID] = span
                checkRubric(span, levelIDs: levelIDs, log: log)
            }
            for id in spanIDs where seen[id] == nil && !misspelt.contains(id) {
                log.add(.error(at: competency.location, "\(competency.title) has no section for grade span \"\(id)\"",
                               expected: "spans:\n  \(id):\n    definition: …"))
            }
            competency.spans = spanIDs.compactMap { seen[$0] }
            return competency
    }

    private static func checkConfig(_ config: PortraitConfig, log: DiagnosticLog) {
        var spanIDs = Set<String>()
        for span in config.gradeSpans {
            if !Slug.isValid(span.id) {
                log.add(.error(at: span.location, "grade span id \"\(span.id)\" cannot be used in a web address",
                               expected: "lowercase letters, digits and hyphens", suggestion: "try \"\(Slug.make(span.id))\""))
            }
            if !spanIDs.insert(span.id).inserted {
                log.add(.error(at: span.location, "grade span id \"\(span.id)\" is declared twice"))
            }
            for grade in span.grades where GradeLevel.code(for: grade) == nil {
                log.add(.error(at: span.location, "grade \"\(grade)\" in span \"\(span.id)\" is not a grade",
                               expected: "PK, K, or 1 to 12"))
            }
        }
        if config.gradeSpans.isEmpty || config.rubricLevels.isEmpty {
            log.add(.error(at: SourceLocation(file: config.file, line: 1, column: 1),
                           "portrait.yml needs at least one grade span and one rubric level"))
        }
        if URL(string: config.baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            log.add(.error(at: config.baseURLLocation, "base_url \"\(config.baseURL)\" is not a web address",
                           expected: "base_url: https://portrait.example.org/"))
        }
    }

    private static func checkRubric(_ span: SpanDetail, levelIDs: [String], log: DiagnosticLog) {
        var present = Set(span.rubric.map(\.levelID))
        for descriptor in span.rubric where !levelIDs.contains(descriptor.levelID) {
            let nearest = Suggestion.nearest(to: descriptor.levelID, in: levelIDs)
            if let nearest { present.insert(nearest) }
            log.add(.error(at: descriptor.location, "rubric level \"\(descriptor.levelID)\" is not declared in portrait.yml",
                           expected: "one of: \(levelIDs.joined(separator: ", "))",
                           suggestion: nearest.map { "did you mean \"\($0)\"?" }))
        }
        for level in levelIDs where !present.contains(level) {
            log.add(.error(at: span.rubricLocation, "rubric for grade span \"\(span.spanID)\" has no \"\(level)\" descriptor",
                           expected: "\(level): what a student at this level does"))
        }
    }

    /// File names become URL segments, so anything a web server might mangle or climb out with is refused.
    static func checkSlug(_ slug: String, file: String, log: DiagnosticLog) {
        guard !Slug.isValid(slug) else { return }
        let suggestion = Slug.make(slug).isEmpty ? nil : "rename it to \(Slug.make(slug)).md"
        log.add(.error(at: SourceLocation(file: file, line: 1, column: 1),
                       "file name \"\(slug).md\" cannot be used in a web address",
                       expected: "lowercase letters, digits and hyphens, e.g. critical-thinking.md", suggestion: suggestion))
    }
}

/// CASE education-level codes for the grades a span is written with.
public enum GradeLevel {
    public static func code(for grade: String) -> String? {
        switch grade.uppercased() {
        case "PK", "PRE-K": return "PK"
        case "K", "KG": return "KG"
        default:
            guard let number = Int(grade), (1...12).contains(number) else { return nil }
            return number < 10 ? "0\(number)" : "\(number)"
        }
    }
}
