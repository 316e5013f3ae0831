/// The pages and files a save changed, when only what is inside competencies changed: not their
/// number, order, slugs or files, nothing in `portrait.yml`, the FAQ, other pages, interface strings
/// or theme. The preview renders just these after a save rather than the whole site; any other change
/// renders everything.
///
/// What a page shows is decided in `PageContext.context(for:)`; `includes` must follow it, and a test
/// edits each part of a sample competency and checks that every page whose bytes changed is included.
/// Every page's context carries each competency's card (`site.competencies`: title, summary, colour,
/// icon); a card change reaches the pages whose templates name `competencies` at all, and the pages
/// whose own parts show cards.
struct AffectedPages: Sendable {
    /// Per language, in language order: changed competency → the grade spans whose details changed.
    private var changed: [[Int: Set<Int>]]
    /// Per language: whether a grade span's one-line definition changed (the continuum shows those).
    private var definitionsChanged: [Bool]
    /// Per language: competencies whose card changed.
    private var cardsChanged: [Set<Int>]
    /// Per language: whether anything besides a competency's narrative changed (the search index,
    /// oEmbed files and CASE package do not show the narrative).
    private var beyondNarrative: [Bool]
    /// Kinds of page whose templates could show `site.competencies`.
    private var cardReaders: Set<PageKind>
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
        var cardsChanged: [Set<Int>] = []
        var beyondNarrative: [Bool] = []
        for (before, after) in zip(old, new) {
            let was = before.localized.content, now = after.localized.content
            guard before.localized.language == after.localized.language, before.strings == after.strings,
                  before.localized.untranslatedFiles == after.localized.untranslatedFiles,
                  was.config == now.config, was.home == now.home, was.faq == now.faq, was.pages == now.pages,
                  was.competencies.count == now.competencies.count else { return nil }
            var spans: [Int: Set<Int>] = [:]
            var definitions = false
            var cards = Set<Int>()
            var notNarrative = false
            for (index, (a, b)) in zip(was.competencies, now.competencies).enumerated() where a != b {
                // Slug, file and order decide which pages exist and where.
                guard a.slug == b.slug, a.file == b.file, a.order == b.order, a.spans.count == b.spans.count else { return nil }
                spans[index] = Set(a.spans.indices.filter { a.spans[$0] != b.spans[$0] })
                definitions = definitions || zip(a.spans, b.spans).contains { $0.definition != $1.definition }
                if !Self.sameCard(a, b) { cards.insert(index) }
                var withOldNarrative = b
                withOldNarrative.body = a.body
                notNarrative = notNarrative || withOldNarrative != a
            }
            changed.append(spans)
            definitionsChanged.append(definitions)
            cardsChanged.append(cards)
            beyondNarrative.append(notNarrative)
        }
        self.changed = changed
        self.definitionsChanged = definitionsChanged
        self.cardsChanged = cardsChanged
        self.beyondNarrative = beyondNarrative
        self.cardReaders = Set(PageKind.allCases.filter { newTheme.library.mentions("competencies", from: $0.template) })
        self.alsoPages = alsoPages
    }

    /// What `PageContext` puts in a competency's card, and its pages' titles.
    private static func sameCard(_ a: Competency, _ b: Competency) -> Bool {
        a.title == b.title && a.summary == b.summary && a.headline == b.headline && a.color == b.color
            && a.icon == b.icon && a.iconAlt == b.iconAlt
    }

    /// Whether the page, in the language at `language` (an index into the site's languages), shows
    /// anything that changed.
    func includes(_ page: SitePage, language: Int) -> Bool {
        if !alsoPages.isEmpty && alsoPages.contains(page.outputPath) { return true }
        if !cardsChanged[language].isEmpty && includesForCards(page, cards: cardsChanged[language]) { return true }
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

    /// Pages that show a competency's card: lists of every competency, the continuum's rows, the
    /// grade span pages' entries, the neighbours' previous and next links, the embedding help's
    /// example (the first competency's), and any template that names `competencies`.
    private func includesForCards(_ page: SitePage, cards: Set<Int>) -> Bool {
        if cardReaders.contains(page.kind) { return true }
        switch page.kind {
        case .home, .competencies, .gradeSpan, .continuum, .print, .search, .embedding:
            return true
        case .competency:
            return cards.contains(page.competency! - 1) || cards.contains(page.competency! + 1)
        case .competencySpan, .embedCompetency, .embedCompetencySpan, .faq, .page, .notFound:
            return false
        }
    }

    /// Whether a language's search index and oEmbed files need making again.
    func includesExports(language: Int) -> Bool { beyondNarrative[language] }
    /// The CASE package holds every competency's text but its narrative, in every language.
    var includesCASEPackage: Bool { beyondNarrative.contains(true) }
    /// portrait.json holds everything, narratives included, in every language.
    var includesPortraitJSON: Bool { changed.contains { !$0.isEmpty } }
}
