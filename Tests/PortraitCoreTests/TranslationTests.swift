import Foundation
import Testing
@testable import PortraitCore

@Suite struct TranslationTests {
    func bilingualSite() throws -> ScratchDirectory {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let config = scratch.path("content/portrait.yml")
        try (String(contentsOf: config, encoding: .utf8) + "languages: [es]\n").write(to: config, atomically: false, encoding: .utf8)
        scratch.write("content/es/portrait.yml", "title: Retrato del Graduado\ngrade_spans:\n  k-2: Grados K–2\n")
        let speaking = try String(contentsOf: scratch.path("content/competencies/speaking.md"), encoding: .utf8)
            .replacingOccurrences(of: "title: Speaking", with: "title: Hablar")
            .replacingOccurrences(of: "order: 1\n", with: "")
            .replacingOccurrences(of: "color: \"#1f5f8b\"\n", with: "")
            .replacingOccurrences(of: "Says ideas in sentences.", with: "Dice sus ideas en oraciones.")
            .replacingOccurrences(of: "[link to thinking](thinking.md#why-it-matters)", with: "[enlace](thinking.md)")
        scratch.write("content/es/competencies/speaking.md", speaking)
        return scratch
    }

    func read(_ scratch: ScratchDirectory, _ path: String) -> String {
        (try? String(contentsOf: scratch.path("site/\(path)"), encoding: .utf8)) ?? ""
    }

    @Test func translatedPagesLiveUnderTheLanguageWithLangAndSwitcher() throws {
        let scratch = try bilingualSite()
        let report = try BuildPipeline.build(.relative(to: scratch))
        #expect(report.pages == 46)
        let page = read(scratch, "es/competencies/speaking/k-2/index.html")
        #expect(page.contains("<html lang=\"es\" dir=\"ltr\">"))
        #expect(page.contains("Dice sus ideas en oraciones."))
        #expect(page.contains("<h1>Hablar</h1>"))
        #expect(page.contains("Grados K–2"))
        #expect(page.contains("Lo que se observa en el salón"))
        #expect(!page.contains("class=\"not-translated\""))
        #expect(page.contains("<a href=\"/competencies/speaking/k-2/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://portrait.test.example/competencies/speaking/k-2/\">"))
        #expect(read(scratch, "es/competencies/speaking/index.html").contains("href=\"/es/competencies/thinking/\""))
    }

    @Test func untranslatedPagesFallBackWithANoticeAndTheirOwnLang() throws {
        let scratch = try bilingualSite()
        _ = try BuildPipeline.build(.relative(to: scratch))
        let page = read(scratch, "es/competencies/thinking/index.html")
        #expect(page.contains("<html lang=\"es\""))
        #expect(page.contains("<p class=\"not-translated\" role=\"note\">Esta página aún no está traducida"))
        #expect(page.contains("<div class=\"page-content\" lang=\"en\">"))
        #expect(page.contains("Thinking matters."))
        #expect(page.contains("Competencia"))  // the interface is still Spanish
        #expect(page.contains("<a href=\"/es/about/\" lang=\"en\">About</a>"))
        let cards = read(scratch, "es/competencies/index.html")
        #expect(cards.contains("<li class=\"card\" style=\"--accent: #2e7d4f\" lang=\"en\">"))
        #expect(cards.contains("<li class=\"card\" style=\"--accent: #1f5f8b\">"))
        #expect(read(scratch, "es/competencies/speaking/index.html").contains("<span lang=\"en\">Thinking</span>"))
    }

    @Test func completenessListsWhatIsMissingPerLanguage() throws {
        let scratch = try bilingualSite()
        let report = BuildPipeline.check(.relative(to: scratch))
        let spanish = try #require(report.translations.first)
        #expect(spanish.language == "es")
        #expect((spanish.translated, spanish.total) == (1, 5))
        #expect(spanish.missing == ["content/index.md", "content/faq.md", "content/competencies/thinking.md", "content/pages/about.md"])
    }

    @Test func translatingSomethingThatDoesNotExistIsAnError() throws {
        let scratch = try bilingualSite()
        scratch.write("content/es/competencies/speeking.md", "---\ntitle: X\nsummary: x\nheadline: x\nspans: {}\n---\n")
        let failure = buildFailure(.relative(to: scratch))
        #expect(failure?.errors.first?.description ==
            "content/es/competencies/speeking.md:1:1: content/es/competencies/speeking.md translates a competency that does not exist — did you mean speaking.md?")
    }

    @Test func rightToLeftLanguagesGetDirRTL() {
        #expect(LanguageDirection.of("ar") == "rtl")
        #expect(LanguageDirection.of("he-IL") == "rtl")
        #expect(LanguageDirection.of("es") == "ltr")
    }
}
