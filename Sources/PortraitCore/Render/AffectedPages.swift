/// The pages and files a save changed, when only the text inside competencies changed: no title,
/// summary, headline, colour, icon, order or file of any competency, nothing in `portrait.yml`, the
/// FAQ, other pages, interface strings or theme. The preview renders just these after a save rather
/// than the whole site; any other change renders everything.
///
/// Every page carries each competency's card (`site.competencies`), so a change to a card field
/// reaches every page and is never partial. What a page shows beyond the cards is decided in
/// `PageContext.context(for:)`; `includes` must follow it, and a test edits each part of a sample
/// competency and checks that every page whose bytes changed is included.
struct AffectedPages: Sendable {
    /// Per language, in language order: changed competency → the grade spans whose details changed.
    private var changed: [[Int: Set<Int>]]
    /// Per language: whether a grade span's one-line definition changed (the continuum shows those).
    private var definitionsChanged: [Bool]
    /// Output paths to render again whatever changed.
    private var alsoPages: Set<String>

    /// Nil when the change reaches beyond competency text, and the whole site must be rendered.
    /// `alsoPages` are output paths to render again in any case.
    init?(from old: [LanguageGraph], oldTheme: Theme, to new: [LanguageGraph], newTheme: Theme, alsoPages: Set<String> = []) {
        guard old.count == new.count, oldTheme.templates == newTheme.templates, oldTheme.assets == newTheme.assets,
              oldTheme.strings == newTheme.strings else { return nil }
        // A file written for a page that no longer exists must be removed, which only a whole build does.
        if !alsoPages.isEmpty {
            let existing = Set(new.flatMap { $0.graph.pages.map(\.outputPath) })
            guard alsoPages.isSubset(of: existing) else { return nil }
        }
        var changed: [[Int: Set<Int>]] = []
        var definitionsChanged: [Bool] = []
        for (before, after) in zip(old, new) {
            let was = before.localized.content, now = after.localized.content
            guard before.localized.language == after.localized.language, before.strings == after.strings,
                  before.localized.untranslatedFiles == after.localized.untranslatedFiles,
                  was.config == now.config, was.home == now.home, was.faq == now.faq, was.pages == now.pages,
                  was.competencies.count == now.competencies.count else { return nil }
            var spans: [Int: Set<Int>] = [:]
            var definitions = false
            for (index, (a, b)) in zip(was.competencies, now.competencies).enumerated() where a != b {
                guard Self.sameCard(a, b), a.spans.count == b.spans.count else { return nil }
                spans[index] = Set(a.spans.indices.filter { a.spans[$0] != b.spans[$0] })
                definitions = definitions || zip(a.spans, b.spans).contains { $0.definition != $1.definition }
            }
            changed.append(spans)
            definitionsChanged.append(definitions)
        }
        self.changed = changed
        self.definitionsChanged = definitionsChanged
        self.alsoPages = alsoPages
    }

    /// The fields of a competency that every page shows, or that decide its pages and their titles.
    private static func sameCard(_ a: Competency, _ b: Competency) -> Bool {
        a.slug == b.slug && a.file == b.file && a.title == b.title && a.order == b.order && a.summary == b.summary
            && a.headline == b.headline && a.color == b.color && a.icon == b.icon && a.iconAlt == b.iconAlt
    }

    /// Whether the page, in the language at `language` (an index into the site's languages), shows
    /// anything that changed.
    func includes(_ page: SitePage, language: Int) -> Bool {
        if !alsoPages.isEmpty && alsoPages.contains(page.outputPath) { return true }
        let spans = changed[language]
        switch page.kind {
        case .competency, .competencySpan, .embedCompetency, .embedCompetencySpan:
            return spans[page.competency!] != nil
        case .gradeSpan:
            return spans.values.contains { $0.contains(page.span!) }
        case .continuum, .print, .search:
            return definitionsChanged[language]
        case .home, .competencies, .faq, .page, .embedding, .notFound:
            return false
        }
    }

    /// Whether a language's search index and oEmbed files need making again.
    func includesExports(language: Int) -> Bool { !changed[language].isEmpty }
    /// The CASE package and portrait.json hold every competency's text in every language.
    var includesSiteExports: Bool { changed.contains { !$0.isEmpty } }
}
