import Foundation
import Testing
@testable import PortraitCore

@Suite struct BuildOutputTests {
    func basicSite() -> ScratchDirectory {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        return scratch
    }

    func read(_ scratch: ScratchDirectory, _ path: String) -> String {
        (try? String(contentsOf: scratch.path("site/\(path)"), encoding: .utf8)) ?? ""
    }

    @Test func writesEveryKindOfPageAtCleanPermalinks() throws {
        let scratch = basicSite()
        let report = try BuildPipeline.build(.relative(to: scratch))
        let files = Set(snapshot(of: scratch.path("site")).keys)
        for path in [
            "index.html", "competencies/index.html", "competencies/speaking/index.html",
            "competencies/speaking/k-2/index.html", "competencies/thinking/3-5/index.html", "grades/k-2/index.html",
            "grades/3-5/index.html", "faq/index.html", "about/index.html", "404.html", "assets/style.css",
            SiteWriter.markerFile,
        ] {
            #expect(files.contains(path), "missing \(path)")
        }
        #expect(report.pages == 23)
        #expect(read(scratch, "competencies/speaking/k-2/index.html").contains("Says ideas in sentences."))
        #expect(read(scratch, "grades/3-5/index.html").contains("Asks questions."))
        #expect(read(scratch, "faq/index.html").contains("href=\"/about/#our-process\""))
        #expect(read(scratch, "about/index.html").contains("id=\"our-process-2\""))
    }

    @Test func spansFollowPortraitOrderWhateverTheFileOrder() throws {
        let scratch = basicSite()
        _ = try BuildPipeline.build(.relative(to: scratch))
        let page = read(scratch, "competencies/thinking/index.html")
        let k2 = try #require(page.range(of: "id=\"k-2\""))
        let three = try #require(page.range(of: "id=\"3-5\""))
        #expect(k2.lowerBound < three.lowerBound)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let scratch = basicSite()
        _ = try BuildPipeline.build(.relative(to: scratch, output: "one"))
        _ = try BuildPipeline.build(.relative(to: scratch, output: "two"))
        let one = snapshot(of: scratch.path("one")), two = snapshot(of: scratch.path("two"))
        #expect(one.count > 10)
        #expect(one == two)
    }

    @Test func failedBuildLeavesPreviousSiteAndNoStagingFolder() throws {
        let scratch = basicSite()
        _ = try BuildPipeline.build(.relative(to: scratch))
        let before = snapshot(of: scratch.path("site"))
        scratch.write("content/competencies/broken.md", "---\ntitle: [unclosed\n---\n")
        #expect(buildFailure(.relative(to: scratch)) != nil)
        #expect(snapshot(of: scratch.path("site")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".portrait") }
        #expect(leftovers.isEmpty)
    }

    @Test func nextBuildClearsAStagingFolderLeftByAKilledBuild() throws {
        let scratch = basicSite()
        scratch.write(".portrait-staging-site-99999/index.html", "half written")
        _ = try BuildPipeline.build(.relative(to: scratch))
        #expect(!FileManager.default.fileExists(atPath: scratch.path(".portrait-staging-site-99999").path))
    }

    @Test func rebuildReplacesRemovedPages() throws {
        let scratch = basicSite()
        _ = try BuildPipeline.build(.relative(to: scratch))
        try FileManager.default.removeItem(at: scratch.path("content/pages/about.md"))
        scratch.write("content/faq.md", "## Only question\n\nAnswer.\n")
        _ = try BuildPipeline.build(.relative(to: scratch))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("site/about/index.html").path))
    }

    /// Builds after the second update the previous site in place. Whatever state that folder is in,
    /// the result must equal a build into an empty folder, and the site it replaced must stay whole.
    @Test func reusedPreviousSiteEndsExactlyLikeAFreshBuild() throws {
        let scratch = basicSite()
        for _ in 0..<3 { _ = try BuildPipeline.build(.relative(to: scratch)) }
        let previous = scratch.path(".site.previous")
        #expect(FileManager.default.fileExists(atPath: previous.appendingPathComponent(SiteWriter.markerFile).path))
        let before = snapshot(of: scratch.path("site"))

        try FileManager.default.removeItem(at: scratch.path("content/pages/about.md"))
        scratch.write("content/faq.md", "## Only question\n\nAnswer.\n")
        // Debris in the reused folder: a stray file, a folder where a page goes, a changed page.
        scratch.write(".site.previous/stray/old.html", "stale")
        try FileManager.default.removeItem(at: previous.appendingPathComponent("faq"))
        scratch.write(".site.previous/faq/index.html/oops.txt", "a folder where a file belongs")
        try FileManager.default.removeItem(at: previous.appendingPathComponent("index.html"))
        scratch.write(".site.previous/index.html", "edited by hand")
        _ = try BuildPipeline.build(.relative(to: scratch))
        _ = try BuildPipeline.build(.relative(to: scratch, output: "fresh"))

        var built = snapshot(of: scratch.path("site")), fresh = snapshot(of: scratch.path("fresh"))
        built[SiteWriter.markerFile] = nil
        fresh[SiteWriter.markerFile] = nil
        #expect(built == fresh)
        #expect(built["about/index.html"] == nil && built["stray/old.html"] == nil)
        // The replaced site is now the previous one, untouched by the update.
        #expect(snapshot(of: previous) == before)
    }

    /// Streamed exports land whole, and their second address is a hard link to the same file.
    @Test func streamedExportsAreWrittenWholeWithTheirAliases() throws {
        let scratch = basicSite()
        for _ in 0..<3 {
            _ = try BuildPipeline.build(.relative(to: scratch))
            let folder = scratch.path("site/ims/case/v1p1/CFPackages")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names.count == 2 && names[1] == names[0] + ".json")
            let plain = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(names[0]).path)
            let json = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(names[1]).path)
            #expect(plain[.systemFileNumber] as? Int == json[.systemFileNumber] as? Int)
            let bytes = try Data(contentsOf: folder.appendingPathComponent(names[1]))
            #expect((try JSONSerialization.jsonObject(with: bytes) as? [String: Any])?["CFItems"] != nil)
            let index = try Data(contentsOf: scratch.path("site/search-index.json"))
            #expect((try JSONSerialization.jsonObject(with: index) as? [Any])?.isEmpty == false)
        }
    }

    /// A folder portrait did not make is never reused, even with the previous site's name.
    @Test func foreignFolderNamedLikeThePreviousSiteIsLeftAlone() throws {
        let scratch = basicSite()
        scratch.write(".site.previous/mine.txt", "not portrait's")
        for _ in 0..<3 { _ = try BuildPipeline.build(.relative(to: scratch)) }
        #expect(snapshot(of: scratch.path(".site.previous")) == ["mine.txt": Data("not portrait's".utf8)])
    }

    @Test func siteTemplatesOverrideDefaultThemeByFileName() throws {
        let scratch = basicSite()
        scratch.write("templates/page.mustache", "{{<layout}}{{$main}}<h1 class=\"custom\">{{page.title}}</h1>{{{body_html}}}{{/main}}{{/layout}}")
        scratch.write("templates/partials/footer.mustache", "<footer>Custom footer for {{site.district}}</footer>")
        _ = try BuildPipeline.build(.relative(to: scratch, templates: true))
        let about = read(scratch, "about/index.html")
        #expect(about.contains("<h1 class=\"custom\">About</h1>"))
        #expect(about.contains("<footer>Custom footer for Test Valley Schools</footer>"))
        #expect(read(scratch, "faq/index.html").contains("<footer>Custom footer"))
        #expect(read(scratch, "competencies/speaking/index.html").contains("class=\"competency\""))
    }

    @Test func defaultThemeIsBuiltIntoTheBinaryAndMatchesTemplatesFolder() throws {
        let folder = Fixtures.repository.appendingPathComponent("templates")
        var onDisk: [String: String] = [:]
        for (path, data) in snapshot(of: folder) { onDisk[path] = String(decoding: data, as: UTF8.self) }
        #expect(onDisk == DefaultTheme.files, "templates/ changed: run scripts/embed-theme")
    }

    @Test func sampleContentBuildsWithoutWarnings() throws {
        let scratch = ScratchDirectory()
        let options = BuildOptions(content: Fixtures.repository.appendingPathComponent("content"), contentDisplay: "content",
                                   output: scratch.path("site"))
        let report = try BuildPipeline.build(options)
        #expect(report.warnings.map(\.description) == [])
        #expect(report.pages == 128)
    }

    @Test func templateVocabularyCoversEveryKeyTheSampleProvides() throws {
        let site = try BuildPipeline.render(BuildOptions(
            content: Fixtures.repository.appendingPathComponent("content"), output: URL(fileURLWithPath: "/nonexistent")))
        var keys = Set<String>()
        for language in site.content.config.languages {
            let localized = site.content.localized(language)
            let graph = PageGraph.build(localized.content, prefix: localized.prefix, contentRoots: localized.contentRoots)
            let markdown = RenderedMarkdown.render(localized.content, graph: graph).0
            let builder = PageContext(localized: localized, graph: graph, markdown: markdown, languages: [("en", "English"), ("es", "Español")])
            for page in graph.pages {
                var context = builder.context(for: page)
                context["t"] = nil  // interface text keys are checked against strings/en.yml instead
                context.collectKeys(into: &keys)
            }
            keys.insert("t")
        }
        #expect(keys.subtracting(PageContext.vocabulary) == [])
    }

    /// Script, raw HTML, javascript: and data: URLs typed into every YAML field and Markdown body must
    /// never reach any page, embed or export as live markup.
    @Test func hostileTextInEveryFieldIsNeutralisedOnEveryPage() throws {
        let scratch = basicSite()
        let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        let quoted = "\"\(payload)\""
        let file = scratch.path("content/competencies/speaking.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        for field in ["title: Speaking", "summary: Speaks clearly.", "headline: I am a speaker."] {
            let key = field.split(separator: ":")[0]
            text = text.replacingOccurrences(of: field, with: "\(key): \(quoted)")
        }
        for value in ["Says ideas in sentences.", "[I can say my idea.]", "[Students take turns.]", "[A recording.]", "With help.", "On their own."] {
            let replacement = value.hasPrefix("[") ? "[\(quoted)]" : quoted
            text = text.replacingOccurrences(of: value, with: replacement)
        }
        text = text.replacingOccurrences(of: "order: 1\n", with: "order: 1\nicon: \(quoted)\nicon_alt: \(quoted)\nconnections:\n  - system: \(quoted)\n    description: \(quoted)\n")
        text += "\n\(payload)\n\n[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)\n"
        try text.write(to: file, atomically: false, encoding: .utf8)
        scratch.write("content/faq.md", "---\ntitle: \(quoted)\n---\n\(payload)\n\n## \(payload)\n\nAnswer \(payload)\n")
        scratch.write("content/pages/about.md", "---\ntitle: \(quoted)\ndescription: \(quoted)\n---\n\(payload)\n")
        let config = scratch.path("content/portrait.yml")
        try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "district: Test Valley Schools", with: "district: \(quoted)")
            .replacingOccurrences(of: "label: Grades K–2", with: "label: \(quoted)")
            .write(to: config, atomically: false, encoding: .utf8)
        _ = try BuildPipeline.build(.relative(to: scratch))
        var checked = 0
        for (path, data) in snapshot(of: scratch.path("site")) where path.hasSuffix(".html") || path.hasSuffix(".json") || path.hasSuffix(".xml") {
            let output = String(decoding: data, as: UTF8.self)
            #expect(!output.contains("<script>alert"), "\(path)")
            #expect(!output.contains("<img src=x"), "\(path)")
            #expect(!output.lowercased().contains("href=\"javascript:"), "\(path)")
            #expect(!output.contains("href=\"data:"), "\(path)")
            checked += 1
        }
        #expect(checked > 30)
        #expect(read(scratch, "competencies/speaking/index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func writesSitemapRobotsSearchIndexAndStructuredData() throws {
        let scratch = basicSite()
        _ = try BuildPipeline.build(.relative(to: scratch))
        let sitemap = read(scratch, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://portrait.test.example/competencies/speaking/k-2/</loc>"))
        #expect(!sitemap.contains("/404/") && !sitemap.contains("/search/"))
        #expect(read(scratch, "robots.txt").contains("Sitemap: https://portrait.test.example/sitemap.xml"))
        let index = try JSONSerialization.jsonObject(with: Data(read(scratch, "search-index.json").utf8)) as? [[String: String]] ?? []
        #expect(index.contains { $0["k"] == "Look-for" && $0["x"] == "Students take turns." && $0["u"] == "/competencies/speaking/k-2/#k-2-look-for-1" })
        #expect(index.contains { $0["k"] == "FAQ" && $0["t"] == "Why?" && $0["u"] == "/faq/#why" })
        #expect(read(scratch, "faq/index.html").contains("\"@type\":\"FAQPage\""))
        #expect(read(scratch, "competencies/index.html").contains("\"@type\":\"DefinedTermSet\""))
        #expect(read(scratch, "competencies/speaking/index.html").contains("\"@type\":\"DefinedTerm\""))
        let home = read(scratch, "index.html")
        #expect(home.contains("<svg class=\"portrait-wheel\""))
        #expect(home.contains("<a href=\"/competencies/thinking/\" aria-label=\"Thinking: I am a thinker.\">"))
        #expect(home.contains("<meta property=\"og:title\" content=\"Portrait of a Graduate\">"))
        let continuum = read(scratch, "continuum/index.html")
        #expect(continuum.contains("<th scope=\"row\"><a href=\"/competencies/thinking/\">Thinking</a>"))
        #expect(read(scratch, "search/index.html").contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    @Test func baseURLWithAPathPrefixesEveryLink() throws {
        let scratch = basicSite()
        var options = BuildOptions.relative(to: scratch)
        options.baseURL = "https://district.example/portrait/"
        _ = try BuildPipeline.build(options)
        let faq = read(scratch, "faq/index.html")
        #expect(faq.contains("href=\"/portrait/about/#our-process\""))
        #expect(faq.contains("href=\"/portrait/assets/style.css\""))
        #expect(faq.contains("<link rel=\"canonical\" href=\"https://district.example/portrait/faq/\">"))
    }
}

@Suite struct OutputGuardTests {
    func failure(output: URL, content: URL, force: Bool = false) -> String? {
        buildFailure(BuildOptions(content: content, contentDisplay: "content", output: output, force: force))?
            .errors.first?.description
    }

    @Test func refusesContentFolderItsParentRootAndHome() {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let content = scratch.path("content")
        #expect(failure(output: content, content: content)?.contains("it would replace the content folder") == true)
        #expect(failure(output: scratch.url, content: content)?.contains("it would replace the content folder") == true)
        scratch.write("templates/page.mustache", "{{<layout}}{{/layout}}")
        let templates = buildFailure(BuildOptions(content: content, contentDisplay: "content", templates: scratch.path("templates"),
                                                  output: scratch.path("templates")))
        #expect(templates?.errors.first?.description.contains("it would replace the templates folder") == true)
        #expect(failure(output: URL(fileURLWithPath: "/"), content: content)?.contains("the root folder") == true)
        #expect(failure(output: FileManager.default.homeDirectoryForCurrentUser, content: content)?.contains("your home folder") == true)
    }

    @Test func refusesForeignNonEmptyFolderUnlessForced() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        scratch.write("docs/notes.txt", "precious")
        let output = scratch.path("docs")
        #expect(failure(output: output, content: scratch.path("content"))?.contains("pass --force") == true)
        #expect(FileManager.default.fileExists(atPath: scratch.path("docs/notes.txt").path))
        #expect(failure(output: output, content: scratch.path("content"), force: true) == nil)
        #expect(FileManager.default.fileExists(atPath: scratch.path("docs/index.html").path))
    }

    @Test func refusesSymlinkLeadingOutOfContent() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        scratch.write("secret.md", "---\ntitle: Secret\n---\nPrivate.\n")
        try FileManager.default.createSymbolicLink(at: scratch.path("content/pages/secret.md"), withDestinationURL: scratch.path("secret.md"))
        #expect(failure(output: scratch.path("site"), content: scratch.path("content")) ==
            "content/pages/secret.md:1:1: this link points outside the content folder — copy the file into the content folder instead of linking to it")
    }
}
