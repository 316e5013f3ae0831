import Foundation
import Testing
@testable import PortraitCore
@testable import PortraitPreview

@Suite struct CheckRuleTests {
    @Test func readabilityGradesPlainAndDenseText() {
        let plain = Readability.grade(of: "We read books. We play games. We help our friends. We like school.")
        let dense = Readability.grade(of: "Transdisciplinary competencies necessitate comprehensive institutional collaboration, systematically integrating multidimensional evaluative frameworks.")
        #expect(plain.grade < 3)
        #expect(dense.grade > 16)
        #expect(Readability.syllableCount("communication") == 5)
        #expect(Readability.syllableCount("make") == 1)
    }

    @Test func readabilityWarnsAboveTheConfiguredTarget() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        scratch.write("content/pages/dense.md", "---\ntitle: Dense\n---\n" + String(repeating: "Institutional accountability frameworks necessitate comprehensive multidimensional organizational considerations. ", count: 6))
        let report = BuildPipeline.check(.relative(to: scratch))
        let warning = report.diagnostics.first { $0.message.hasPrefix("Dense reads at grade") }
        #expect(warning?.location == SourceLocation(file: "content/pages/dense.md", line: 1, column: 1))
        #expect(warning?.message.hasSuffix("above the grade 8 target") == true)
        #expect(report.readability.contains { $0.title == "Dense" })

        let config = scratch.path("content/portrait.yml")
        try (String(contentsOf: config, encoding: .utf8) + "reading_level_target: 60\n").write(to: config, atomically: false, encoding: .utf8)
        #expect(!BuildPipeline.check(.relative(to: scratch)).diagnostics.contains { $0.message.hasPrefix("Dense reads") })
    }

    @Test func brokenAnchorInContentIsAnError() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        scratch.write("content/pages/links.md", "---\ntitle: Links\n---\nSee [the answer](../faq.md#no-such-question).\n")
        let report = BuildPipeline.check(.relative(to: scratch))
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/pages/links.md:1:1: page /links/ links to \"/faq/#no-such-question\", but that page has no anchor \"#no-such-question\" — check the link's spelling, or the heading it points to",
        ])
    }

    /// The link check finds attributes by jumping between `=` signs; it must find what a plain scan
    /// from every space finds, on every page of the sample Portrait and on awkward markup.
    @Test func attributeScanFindsWhatAPlainScanFinds() throws {
        func plainScan(_ text: String) -> (ids: [UInt64], links: Set<String>, fragments: Set<String>) {
            let bytes = Array(text.utf8)
            var ids: [UInt64] = [], links = Set<String>(), fragments = Set<String>()
            var index = 0
            while index < bytes.count {
                guard bytes[index] == 0x20 else { index += 1; continue }
                var nameEnd = index + 1
                while nameEnd < bytes.count && nameEnd - index <= 5, (0x61...0x7A).contains(bytes[nameEnd]) { nameEnd += 1 }
                guard nameEnd + 1 < bytes.count, bytes[nameEnd] == 0x3D, bytes[nameEnd + 1] == 0x22 else { index += 1; continue }
                let name = String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self)
                var end = nameEnd + 2
                while end < bytes.count && bytes[end] != 0x22 { end += 1 }
                let value = String(decoding: bytes[(nameEnd + 2)..<end], as: UTF8.self)
                if name == "id" { ids.append(LinkCheck.hash(value)) }
                if name == "href" || name == "src" {
                    if value.hasPrefix("#") { fragments.insert(value) }
                    if value.hasPrefix("/") && !value.hasPrefix("//") { links.insert(value) }
                }
                index = end
            }
            return (ids, links, fragments)
        }
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.repository.appendingPathComponent("content"), to: "content")
        let site = try BuildPipeline.render(.relative(to: scratch))
        var pages = site.files.filter { $0.path.hasSuffix(".html") }.map { String(decoding: $0.bytes, as: UTF8.self) }
        pages += [
            #"<a href="/x/">x</a><p id="a" class="b c" data-x="1=2"> href="/not-a-link"</p>"#,
            ##"<img src="/i.png" alt="a=b"><a  href="#f">f</a><a hidden href="//cdn/x">c</a>"##,
            #"<b title="x"id="glued">t</b><i ="" aria-label="p id=q"></i>="#, "", "=", #"=""#, #" id="unclosed"#,
        ]
        for page in pages {
            let found = LinkCheck.attributes(in: Array(page.utf8)), expected = plainScan(page)
            #expect(found.idHashes == expected.ids && found.siteLinks == expected.links && found.fragments == expected.fragments,
                    "\(page.prefix(120))")
        }
        #expect(pages.count > 100)
    }

    @Test func missingPagesAndSamePageAnchorsAreErrorsInPageOrder() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        scratch.write("content/pages/links.md", "---\ntitle: Links\n---\n## Here\n\n[Up](#nowhere), [here](#here), [gone](/gone/) and [gone again](/gone/).\n")
        scratch.write("content/pages/more.md", "---\ntitle: More\n---\n[Gone](/gone/#x)\n")
        let report = BuildPipeline.check(.relative(to: scratch))
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/pages/links.md:1:1: page /links/ links to \"#nowhere\", but this page has no such anchor — check the link's spelling, or the heading it points to",
            "content/pages/links.md:1:1: page /links/ links to \"/gone/\", which does not exist — check the link's spelling, or the heading it points to",
            "content/pages/more.md:1:1: page /more/ links to \"/gone/#x\", which does not exist — check the link's spelling, or the heading it points to",
        ])
    }

    @Test func newCompetencyStubsEverySpanAsTodosThatCheckReports() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let config = try ContentLoader(root: scratch.path("content"), displayRoot: "content").loadConfig()
        let file = try Scaffold.newCompetency(named: "Global citizenship", config: config, content: scratch.path("content"))
        #expect(file.lastPathComponent == "global-citizenship.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("  k-2:") && text.contains("  3-5:"))
        #expect(text.contains("      emerging: \"TODO") && text.contains("      proficient: \"TODO"))
        let report = BuildPipeline.check(.relative(to: scratch))
        #expect(!report.diagnostics.hasErrors)
        #expect(report.diagnostics.contains { $0.description == "content/competencies/global-citizenship.md:1:1: warning: Global citizenship still has 15 TODO placeholders — replace each TODO with real text before publishing" })
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newCompetency(named: "Global Citizenship", config: config, content: scratch.path("content")) }
    }

    @Test func initCreatesAPortraitThatBuildsAtOnce() throws {
        let scratch = ScratchDirectory()
        let files = try Scaffold.initialize(at: scratch.url)
        #expect(files.contains("content/competencies/communication.md"))
        #expect((try? String(contentsOf: scratch.path(".gitignore"), encoding: .utf8)) == "site/\n.site.previous/\n")
        let report = try BuildPipeline.build(.relative(to: scratch))
        #expect(report.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: scratch.path("site/competencies/communication/9-12/index.html").path))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.initialize(at: scratch.url) }
    }
}

@Suite struct PreviewTests {
    @Test func resolvesOnlyFilesInsideTheSite() throws {
        let scratch = ScratchDirectory()
        scratch.write("site/index.html", "home")
        scratch.write("site/faq/index.html", "faq")
        scratch.write("secret.txt", "secret")
        let root = scratch.path("site")
        #expect(SiteFileHandler.resolve(rawPath: "/", in: root)?.lastPathComponent == "index.html")
        #expect(SiteFileHandler.resolve(rawPath: "/faq/", in: root)?.path.hasSuffix("faq/index.html") == true)
        for attack in ["/../secret.txt", "/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "/faq/..%2f..%2fsecret.txt",
                       "/..%5csecret.txt", "/faq/%00", "/./index.html", "/missing.html"] {
            #expect(SiteFileHandler.resolve(rawPath: attack, in: root) == nil, "\(attack)")
        }
        try FileManager.default.createSymbolicLink(at: scratch.path("site/link.txt"), withDestinationURL: scratch.path("secret.txt"))
        #expect(SiteFileHandler.resolve(rawPath: "/link.txt", in: root) == nil)
    }

    @Test func incrementalWriterTouchesOnlyChangedFiles() throws {
        let scratch = ScratchDirectory()
        let writer = IncrementalWriter(output: scratch.path("out"))
        let first = try writer.write([OutputFile(path: "a.html", text: "A"), OutputFile(path: "b/index.html", text: "B")])
        #expect(first.sorted() == ["a.html", "b/index.html"])
        let second = try writer.write([OutputFile(path: "a.html", text: "A2"), OutputFile(path: "b/index.html", text: "B")])
        #expect(second == ["a.html"])
        let third = try writer.write([OutputFile(path: "a.html", text: "A2")])
        #expect(third == ["b/index.html"])
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/b/index.html").path))
    }

    /// Exports are written piece by piece, never gathered in memory; an alias is the same file.
    @Test func incrementalWriterStreamsExportsWithAliasesAsLinks() throws {
        let scratch = ScratchDirectory()
        let writer = IncrementalWriter(output: scratch.path("out"))
        let stream = StreamedBytes { sink in
            for piece in ["[1,", "2,", "3]"] { Array(piece.utf8).withUnsafeBufferPointer(sink) }
        }
        writer.begin()
        try writer.write(OutputFile(path: "ims/package", stream: stream, aliases: ["ims/package.json"]))
        let changed = try writer.finish()
        #expect(changed == ["ims/package", "ims/package.json"])
        #expect(try String(contentsOf: scratch.path("out/ims/package"), encoding: .utf8) == "[1,2,3]")
        let inode = { (path: String) in try FileManager.default.attributesOfItem(atPath: scratch.path(path).path)[.systemFileNumber] as? Int }
        #expect(try inode("out/ims/package") == inode("out/ims/package.json"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/ims").path).filter { $0.contains(".portrait-") }
        #expect(leftovers.isEmpty)
    }

    /// The preview server keeps decoded files: a save re-parses only the saved file, and the result is
    /// the same as a build without the cache.
    @Test func cachedLoadMatchesAFreshLoadAndPicksUpEdits() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        var options = BuildOptions.relative(to: scratch)
        options.cache = DecodedFileCache()
        let first = try BuildPipeline.render(options)
        let file = scratch.path("content/competencies/speaking.md")
        try (String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "title: Speaking", with: "title: Public speaking")
            + "\nA sentence added in the preview.\n").write(to: file, atomically: false, encoding: .utf8)
        let cached = try BuildPipeline.render(options)
        options.cache = nil
        let fresh = try BuildPipeline.render(options)
        #expect(cached.files.map(\.path) == fresh.files.map(\.path))
        #expect(zip(cached.files, fresh.files).allSatisfy { $0.bytes == $1.bytes })
        #expect(cached.warnings.map(\.description) == fresh.warnings.map(\.description))
        #expect(cached.content.competencies.map(\.title).contains("Public speaking"))
        #expect(!first.content.competencies.map(\.title).contains("Public speaking"))
        let page = cached.files.first { $0.path == "competencies/speaking/index.html" }
        #expect(page.map { String(decoding: $0.bytes, as: UTF8.self).contains("A sentence added in the preview.") } == true)
    }

    /// The cache goes by a file's size, time and inode. File times move in ticks of milliseconds, so
    /// a file changed in the last second is always read again: two saves of the same size within
    /// one tick must not leave the preview showing the first.
    @Test func cacheTrustsOnlySettledFiles() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let cache = DecodedFileCache()
        let file = scratch.path("content/competencies/speaking.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        func save(_ title: String, at time: Date) throws {
            try original.replacingOccurrences(of: "title: Speaking", with: "title: \(title)").write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file.path)
        }
        func title() throws -> String? {
            let loaded = try ContentLoader(root: scratch.path("content"), displayRoot: "content", cache: cache).load()
            return loaded.content.competencies.first { $0.slug == "speaking" }?.title
        }
        let now = Date()
        try save("Speakinx", at: now)
        #expect(try title() == "Speakinx")
        try save("Speakinz", at: now)
        #expect(try title() == "Speakinz")

        // A file last changed an hour ago is taken from the cache while its stamp stands.
        let settled = now.addingTimeInterval(-3600)
        try save("Speaking", at: settled)
        #expect(try title() == "Speaking")
        try save("Speakinh", at: settled)
        #expect(try title() == "Speaking")
    }

    /// Pages of the saved file come out before any other file, so the page being edited updates first.
    @Test func previewWritesTheSavedFilesPagesFirst() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        // Jobs start in order; with several threads (and other tests running), a file started later
        // may finish sooner, so allow a few, and take the best of three builds: a thread descheduled
        // in the middle of a page lets the other finish many. Without priority these pages come after
        // the 20 or so of "speaking" and the exports, in every build.
        var best: (last: Int, paths: [String])?
        for _ in 0..<3 where best.map({ $0.last >= 6 + 2 * ProcessInfo.processInfo.activeProcessorCount + 2 }) ?? true {
            let order = OrderedPaths()
            _ = try BuildPipeline.preview(.relative(to: scratch), priority: ["content/competencies/thinking.md"]) { order.add($0.path) }
            let last = try #require(order.paths.lastIndex { $0.contains("competencies/thinking/") && $0.hasSuffix(".html") })
            if last < best?.last ?? .max { best = (last, order.paths) }
        }
        let (lastThinking, paths) = try #require(best)
        let thinking = paths.filter { $0.contains("competencies/thinking/") && $0.hasSuffix(".html") }
        #expect(thinking.count == 6)
        #expect(lastThinking < thinking.count + 2 * ProcessInfo.processInfo.activeProcessorCount + 2)
        let unordered = OrderedPaths()
        _ = try BuildPipeline.preview(.relative(to: scratch), priority: []) { unordered.add($0.path) }
        #expect(try #require(unordered.paths.lastIndex { thinking.contains($0) }) > lastThinking)
        #expect(paths.count > 30)
    }

    /// The quick pass after a save renders the saved competency's pages, and the default language's
    /// pages that show it, exactly as a whole build does, and steps aside when the save needs the
    /// whole pipeline.
    @Test func quickPassAfterASaveMatchesAWholeBuild() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        var options = BuildOptions.relative(to: scratch)
        options.cache = DecodedFileCache()
        let snapshot = try BuildPipeline.preview(options, priority: []) { _ in }.snapshot
        let file = scratch.path("content/competencies/speaking.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original.replacingOccurrences(of: "title: Speaking", with: "title: Public speaking") + "\nA new closing line.\n")
            .write(to: file, atomically: false, encoding: .utf8)

        let quick = OrderedFiles()
        let paths = BuildPipeline.previewSaved(["content/competencies/speaking.md"], after: snapshot, options: options) { quick.add($0) }
        let whole = try BuildPipeline.render(options)
        // Its six pages first, then the pages that show its card: lists, grade spans, the continuum.
        #expect(paths?.prefix(6).allSatisfy { $0.contains("competencies/speaking/") } == true)
        #expect(paths?.contains("competencies/index.html") == true)
        #expect(paths?.contains("faq/index.html") == false)
        #expect(quick.files.count == paths?.count)
        for page in quick.files {
            let full = whole.files.first { $0.path == page.path }
            #expect(full?.bytes == page.bytes, "\(page.path) differs from the whole build")
        }
        #expect(quick.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("Public speaking") })

        // A change inside the text also renders the pages of other kinds that show it, here a grade span
        // page that lists every competency's "I can" statements.
        #expect(original.contains("I can say my idea."))
        try original.replacingOccurrences(of: "I can say my idea.", with: "I can say my idea out loud.").write(to: file, atomically: false, encoding: .utf8)
        let text = OrderedFiles()
        let textPaths = BuildPipeline.previewSaved(["content/competencies/speaking.md"], after: snapshot, options: options) { text.add($0) }
        let textWhole = try BuildPipeline.render(options)
        #expect(textPaths?.prefix(3).allSatisfy { $0.hasPrefix("competencies/speaking/") } == true)
        #expect(textPaths?.contains { $0.hasPrefix("grades/") } == true)
        for page in text.files {
            #expect(textWhole.files.first { $0.path == page.path }?.bytes == page.bytes, "\(page.path) differs from the whole build")
        }

        try original.replacingOccurrences(of: "order: 1", with: "order: 7").write(to: file, atomically: false, encoding: .utf8)
        #expect(BuildPipeline.previewSaved(["content/competencies/speaking.md"], after: snapshot, options: options) { _ in } == nil)
        try original.replacingOccurrences(of: "title: Speaking", with: "title: [broken").write(to: file, atomically: false, encoding: .utf8)
        #expect(BuildPipeline.previewSaved(["content/competencies/speaking.md"], after: snapshot, options: options) { _ in } == nil)
        #expect(BuildPipeline.previewSaved(["content/pages/about.md"], after: snapshot, options: options) { _ in } == nil)
    }

    @Test func errorStateCarriesFileLineAndColumnForTheOverlay() throws {
        let state = PreviewState.failed(version: 3, diagnostics: [
            .error(at: SourceLocation(file: "content/faq.md", line: 4, column: 2), "bad", suggestion: "fix it"),
            .warning(at: nil, "ignored"),
        ])
        let object = try JSONSerialization.jsonObject(with: Data(state.message.utf8)) as? [String: Any]
        let errors = object?["errors"] as? [[String: Any]]
        #expect(object?["type"] as? String == "error")
        #expect(errors?.count == 1)
        #expect(errors?.first?["file"] as? String == "content/faq.md")
        #expect(errors?.first?["line"] as? Int == 4 && errors?.first?["column"] as? Int == 2)
    }
}

private final class OrderedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ path: String) { lock.withLock { list.append(path) } }
    var paths: [String] { lock.withLock { list } }
}

private final class OrderedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [OutputFile] = []
    func add(_ file: OutputFile) { lock.withLock { list.append(file) } }
    var files: [OutputFile] { lock.withLock { list } }
}
