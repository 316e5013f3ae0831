import Foundation
import Testing
@testable import PortraitCore

/// After a save that changed only text inside a competency, the preview renders just the pages that
/// show that text. Each case edits the sample Portrait (two languages) after a first preview build,
/// runs the next preview build as the server does, and requires the folder to end byte for byte like
/// a fresh whole build, which fails if a page that shows the edit was left out.
@Suite struct PartialPreviewTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var find: String
        var replace: String
        /// Whether the change stays inside competencies, so only some pages are rendered.
        var partial: Bool
        /// A site template that lists every competency in the footer of every page.
        var footerListsCompetencies = false
        /// Only the narrative changed, which the search index and CASE package do not show.
        var narrativeOnly = false
        var testDescription: String { name + (footerListsCompetencies ? ", with a footer listing competencies" : "") }
    }

    static let footer = """
        <footer><ul>{{#site.competencies}}<li><a href="{{url}}">{{title}}</a></li>{{/site.competencies}}</ul></footer>

        """

    static let edits: [Edit] = [
        Edit(name: "narrative", file: "competencies/collaboration.md", find: "Cooking a meal together",
             replace: "Cooking a **big** meal together", partial: true, narrativeOnly: true),
        Edit(name: "an I can statement", file: "competencies/collaboration.md", find: "I can share and take turns.",
             replace: "I can share, wait and take turns.", partial: true),
        Edit(name: "a span definition", file: "competencies/collaboration.md",
             find: "Young learners share materials, take turns and help a friend.",
             replace: "Young learners share materials and help a friend.", partial: true),
        Edit(name: "a rubric level", file: "competencies/communication.md",
             find: "Shares an idea with help from a sentence starter.", replace: "Shares an idea with a sentence starter.", partial: true),
        Edit(name: "a translated definition", file: "es/competencies/collaboration.md",
             find: "Los más pequeños comparten materiales", replace: "Los pequeños comparten materiales", partial: true),
        Edit(name: "a title", file: "competencies/collaboration.md", find: "title: Collaboration",
             replace: "title: Teamwork", partial: true),
        Edit(name: "a title", file: "competencies/collaboration.md", find: "title: Collaboration",
             replace: "title: Teamwork", partial: true, footerListsCompetencies: true),
        Edit(name: "the first competency's title", file: "competencies/communication.md", find: "title: Communication",
             replace: "title: Speaking and listening", partial: true),
        Edit(name: "a summary", file: "competencies/collaboration.md", find: "summary: Works with others",
             replace: "summary: Works well with others", partial: true),
        Edit(name: "a colour", file: "competencies/collaboration.md", find: "color: \"#2e7d4f\"",
             replace: "color: \"#2e6d4f\"", partial: true),
        Edit(name: "an icon", file: "competencies/collaboration.md", find: "icon: \"🤝\"", replace: "icon: \"👥\"", partial: true),
        Edit(name: "a translated title", file: "es/competencies/collaboration.md", find: "title: Colaboración",
             replace: "title: Trabajo en equipo", partial: true),
        Edit(name: "the order", file: "competencies/collaboration.md", find: "order: 2", replace: "order: 9", partial: false),
        Edit(name: "the FAQ", file: "faq.md", find: "is a short list of skills", replace: "is a list of skills", partial: false),
    ]

    /// The sample Portrait copied into `scratch` (with a site footer template, if given) and its
    /// first preview build written, as the server starts.
    static func firstPreview(in scratch: ScratchDirectory, footer: String? = nil) throws
        -> (options: BuildOptions, writer: IncrementalWriter, first: BuildPipeline.PreviewReport) {
        scratch.copy(Fixtures.repository.appendingPathComponent("content"), to: "content")
        if let footer { scratch.write("templates/partials/footer.mustache", footer) }
        var options = BuildOptions.relative(to: scratch, output: "preview", templates: footer != nil)
        options.cache = DecodedFileCache()
        let writer = IncrementalWriter(output: options.output)
        writer.begin()
        let first = try BuildPipeline.preview(options, priority: []) { try writer.write($0) }
        _ = try writer.finish(staticFiles: first.staticFiles)
        return (options, writer, first)
    }

    @Test(arguments: edits)
    func endsLikeAWholeBuild(edit: Edit) throws {
        let scratch = ScratchDirectory()
        let (options, writer, first) = try Self.firstPreview(in: scratch, footer: edit.footerListsCompetencies ? Self.footer : nil)

        let file = scratch.path("content/\(edit.file)")
        let original = try String(contentsOf: file, encoding: .utf8)
        #expect(original.contains(edit.find), "the sample no longer has \(edit.find)")
        try original.replacingOccurrences(of: edit.find, with: edit.replace).write(to: file, atomically: false, encoding: .utf8)

        let emitted = EmittedPaths()
        writer.begin()
        let second = try BuildPipeline.preview(options, priority: ["content/\(edit.file)"], since: first.snapshot,
                                               unsettled: writer.unsettled) {
            emitted.add($0.path)
            try writer.write($0)
        }
        let changed = try writer.finish(staticFiles: second.staticFiles, partial: second.isPartial)
        #expect(second.isPartial == edit.partial)
        #expect(!changed.isEmpty)

        var whole = BuildOptions.relative(to: scratch, output: "whole", templates: edit.footerListsCompetencies)
        whole.cache = nil
        _ = try BuildPipeline.build(whole)
        // The marker that says a folder is a built site is not part of the site.
        let expected = snapshot(of: whole.output).filter { !$0.key.hasPrefix(".") }, actual = snapshot(of: options.output)
        #expect(Set(actual.keys).symmetricDifference(expected.keys).isEmpty)
        let differing = expected.keys.filter { actual[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "pages left stale: \(differing.prefix(8))")
        if edit.narrativeOnly {
            #expect(emitted.paths.contains("portrait.json"))
            #expect(!emitted.paths.contains { $0.hasSuffix("search-index.json") || $0.hasPrefix("ims/") })
        }
        // Pages that show nothing of the edited competency are left alone.
        let untouched = ["faq/index.html", "about/index.html", "competencies/adaptability/3-5/index.html", "es/faq/index.html"]
        #expect(untouched.allSatisfy { !emitted.paths.contains($0) } == (edit.partial && !edit.footerListsCompetencies),
                "rendered: \(emitted.paths.filter(untouched.contains))")
    }

    /// Pages written by a build that did not finish (a quick pass, a cancelled or failed build) are
    /// rendered again by the next build even when the content is back as it was.
    @Test func pagesWrittenByAnUnfinishedBuildAreRenderedAgain() throws {
        let scratch = ScratchDirectory()
        let (options, writer, first) = try Self.firstPreview(in: scratch)

        let file = scratch.path("content/competencies/adaptability.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        try (lines + ["An edit that a newer save takes back."]).joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
        writer.begin()
        let saved = BuildPipeline.previewSaved(["content/competencies/adaptability.md"], after: first.snapshot, options: options) {
            try writer.write($0)
        }
        #expect(saved?.isEmpty == false)
        #expect(!writer.unsettled.isEmpty)
        // The newer save restores the file before the whole-site pass of the first one finished.
        try original.write(to: file, atomically: false, encoding: .utf8)
        writer.begin()
        let second = try BuildPipeline.preview(options, priority: [], since: first.snapshot, unsettled: writer.unsettled) {
            try writer.write($0)
        }
        _ = try writer.finish(staticFiles: second.staticFiles, partial: second.isPartial)
        #expect(second.isPartial)
        #expect(writer.unsettled.isEmpty)
        let page = try String(contentsOf: options.output.appendingPathComponent("competencies/adaptability/index.html"), encoding: .utf8)
        #expect(!page.contains("An edit that a newer save takes back."))
    }

    /// A link check after a partial build still sees every page: an anchor removed from the saved
    /// competency breaks a link on a page that was not rendered again.
    @Test func linkCheckCoversPagesThatWereNotRenderedAgain() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.repository.appendingPathComponent("content"), to: "content")
        let about = scratch.path("content/pages/about.md")
        try (String(contentsOf: about, encoding: .utf8) + "\nSee [why we include it](../competencies/adaptability.md#why-we-include-it).\n")
            .write(to: about, atomically: false, encoding: .utf8)
        var options = BuildOptions.relative(to: scratch, output: "preview")
        options.cache = DecodedFileCache()
        let first = try BuildPipeline.preview(options, priority: []) { _ in }

        let file = scratch.path("content/competencies/adaptability.md")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "## Why we include it", with: "## Why it matters")
            .write(to: file, atomically: false, encoding: .utf8)
        #expect {
            _ = try BuildPipeline.preview(options, priority: [], since: first.snapshot) { _ in }
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.contains {
                $0.description.contains("page /about/ links to \"/competencies/adaptability/#why-we-include-it\"")
            } == true
        }
    }
}

private final class EmittedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var list: Set<String> = []
    func add(_ path: String) { lock.withLock { _ = list.insert(path) } }
    var paths: Set<String> { lock.withLock { list } }
}
