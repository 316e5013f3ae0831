import Foundation
import Testing
@testable import PortraitCore

@Suite struct MarkdownRendererTests {
    func render(_ text: String, allowRawHTML: Bool = false, reserved: Set<String> = []) -> MarkdownRenderer.Output {
        let renderer = MarkdownRenderer(allowRawHTML: allowRawHTML) { target, from in
            #expect(from == "content/pages/a.md")
            return ["content/faq.md": "/faq/", "content/competencies/communication.md": "/competencies/communication/"]
                .first { PageGraph.normalize("content/pages/\(target.split(separator: "#")[0])") == $0.key }
                .map { target.contains("#") ? "\($0.value)#\(target.split(separator: "#")[1])" : $0.value }
        }
        var ids = HeadingIDs(reserved: reserved)
        return renderer.render(MarkdownSource(text: text, file: "content/pages/a.md", firstLine: 5), ids: &ids)
    }

    @Test func headingsGetStableUniqueIDs() {
        let output = render("# Why it matters\n\n## Why it matters\n\n## Café & Crème\n\n## main\n", reserved: ["main"])
        #expect(output.headings.map(\.id) == ["why-it-matters", "why-it-matters-2", "cafe-creme", "main-2"])
        #expect(output.html.contains("<h1 id=\"why-it-matters\">"))
        #expect(output.html.contains("<h2 id=\"why-it-matters-2\">"))
        #expect(!output.html.contains("<h2>"))
    }

    @Test func rewritesLinksBetweenContentFiles() {
        let output = render("[FAQ](../faq.md) and [more](../competencies/communication.md#k-2) and [web](https://example.org/a.md)")
        #expect(output.html.contains("href=\"/faq/\""))
        #expect(output.html.contains("href=\"/competencies/communication/#k-2\""))
        #expect(output.html.contains("href=\"https://example.org/a.md\""))
        #expect(output.diagnostics.isEmpty)
    }

    @Test func reportsBrokenContentLinkAtItsLine() {
        let output = render("Intro.\n\nSee [gone](../gone.md).")
        #expect(output.diagnostics.map(\.description) == [
            "content/pages/a.md:7:5: link to \"../gone.md\" does not match any content file",
        ])
    }

    @Test func escapesRawHTMLUnlessAllowed() {
        let text = "<script>alert(1)</script>\n\nHello <b onclick=\"x()\">bold</b>"
        let safe = render(text)
        #expect(!safe.html.contains("<script"))
        #expect(safe.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(safe.html.contains("&lt;b onclick=&quot;x()&quot;&gt;"))
        let trusted = render(text, allowRawHTML: true)
        #expect(trusted.html.contains("<b onclick=\"x()\">bold</b>"))
    }

    @Test func neutralisesScriptURLs() {
        for url in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox"] {
            let output = render("[click](\(url))")
            #expect(!output.html.lowercased().contains(url.lowercased()), "\(url)")
            #expect(output.diagnostics.first?.severity == .warning)
        }
    }

    @Test func supportsGitHubExtensions() {
        let output = render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        - [x] done
        - [ ] todo

        ~~old~~ "quoted" www.example.org and a note[^1].

        [^1]: The note.
        """)
        #expect(output.html.contains("<table>"))
        #expect(output.html.contains("<del>old</del>"))
        #expect(output.html.contains("“quoted”"))
        #expect(output.html.contains("<a href=\"http://www.example.org\">"))
        #expect(output.html.contains("class=\"footnotes\""))
        #expect(output.html.contains("aria-label=\"Done\""))
        #expect(output.html.contains("aria-label=\"Not done yet\""))
        #expect(!output.html.contains("<input"))
    }

    @Test func requiresAltTextOnImages() {
        let output = render("![](photo.png)\n\n![A class reading together](photo.png)")
        #expect(output.diagnostics.map(\.description) == [
            "content/pages/a.md:5:1: image \"photo.png\" has no alt text — describe the image in the square brackets for readers who cannot see it",
        ])
    }

    @Test func splitsFAQAtSecondLevelHeadings() {
        let lines = MarkdownRenderer.headingLines(in: "Intro\n\n## One?\n\nA.\n\n```\n## not a heading\n```\n\n## Two?\n", level: 2)
        #expect(lines.map(\.line) == [3, 11])
        #expect(lines.map(\.text) == ["One?", "Two?"])
    }

    /// cmark-gfm keeps extension trigger characters in a process-wide table; parallel parses must not lose autolinks.
    @Test func parallelRendersKeepAutolinks() {
        let text = (0..<200).map { "Paragraph \($0) links to www.example.org/\($0) and ~~old~~ text." }.joined(separator: "\n\n")
        let results = ParallelMap.map(Array(0..<64)) { _ -> Int in
            var ids = HeadingIDs()
            let output = MarkdownRenderer().render(MarkdownSource(text: text, file: "f.md", firstLine: 1), ids: &ids)
            return output.html.components(separatedBy: "<a href=\"http://www.example.org/").count - 1
        }
        #expect(results.allSatisfy { $0 == 200 })
    }
}

@Suite struct HTMLEscapingTests {
    @Test func escapesLikeMustacheHTMLAndLeavesPlainTextAlone() {
        #expect(HTMLEscaping.escape("Plain text, café ☑") == "Plain text, café ☑")
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("é<é") == "é&lt;é")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test func themeTemplatesRenderThroughIt() throws {
        let theme = try Theme.load(overrides: nil)
        let html = String(decoding: theme.library.render("partials/breadcrumbs", ["page": ["title": "<b>"]]) ?? [], as: UTF8.self)
        #expect(html.contains("<span aria-current=\"page\">&lt;b&gt;</span>"))
    }
}

@Suite struct PortraitGraphicTests {
    /// The wheel's coordinates are written without Foundation's formatter but read the same.
    @Test func coordinatesMatchPrintfWithOneDecimal() {
        var mismatches: [String] = []
        var value = -400.0
        while value < 400 {
            let samples: [Double] = [value, value + 0.05, value - 0.05, 330.0 + 155.0 * cos(value), 210.0 + 78.0 * sin(value)]
            for sample in samples {
                let expected = String(format: "%.1f", sample)
                if PortraitGraphic.tenths(sample) != expected { mismatches.append("\(sample): \(PortraitGraphic.tenths(sample)) vs \(expected)") }
            }
            value += 0.173
        }
        // Values on or next to a half of a tenth, where rounding is decided.
        for step in -20_000...20_000 {
            for sample in [Double(step) / 20, Double(step) / 20 + 1e-9, Double(step) / 20 - 1e-9] {
                let expected = String(format: "%.1f", sample)
                if PortraitGraphic.tenths(sample) != expected { mismatches.append("\(sample): \(PortraitGraphic.tenths(sample)) vs \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
