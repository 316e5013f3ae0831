import Foundation
import Mustache
import Testing
@testable import PortraitCore

/// The theme is rendered by our own compiled templates; swift-mustache, the reference the theme was
/// written for, is the oracle. Every case here renders with both and must give the same bytes.
@Suite struct TemplateEngineTests {
    static func compiled(_ templates: [String: String]) throws -> TemplateSet {
        var parsed: [String: [TemplateNode]] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text) }
        return TemplateSet(templates: parsed)
    }

    static func reference(_ templates: [String: String]) throws -> MustacheLibrary {
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in templates { parsed[name] = try MustacheTemplate(string: text) }
        return MustacheLibrary(templates: parsed)
    }

    static let context: TemplateValue = [
        "title": "Tom & Jerry's <b>", "count": 3, "on": true, "off": false, "empty": "", "none": [],
        "page": ["title": "Inner", "kind": "home"],
        "items": [["name": "one", "id": 1], ["name": "two", "id": 2], ["name": "three", "id": 3]],
        "words": ["alpha", "beta"],
        "body_html": "<p>line one</p>\n<p>line two</p>",
    ]

    static let cases: [(String, [String: String])] = [
        ("standalone sections vanish", ["main": "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n{{^none}}\nnothing\n{{/none}}\n"]),
        ("inline sections keep their whitespace", ["main": "a {{#on}} b {{/on}} c\n  {{#off}}x{{/off}}  \n"]),
        ("comments, standalone and inline, over several lines", ["main": "a\n  {{! one\n  two }}\nb {{! c }} d\n"]),
        ("names through the stack, dots and the current value",
         ["main": "{{#page}}{{title}} {{kind}} {{count}}{{/page}} {{page.title}} {{#words}}[{{.}}]{{/words}} {{#page}}{{.title}}|{{.count}}{{/page}}\n"]),
        ("escaping, triple and ampersand", ["main": "{{title}} {{{title}}} {{&title}} {{body_html}}\n"]),
        ("numbers, flags and missing names", ["main": "{{count}} {{on}} {{off}} [{{missing}}] [{{page.missing}}] [{{missing.deep}}]\n"]),
        ("empty text is a value", ["main": "{{#empty}}shown{{/empty}}{{^empty}}hidden{{/empty}}\n"]),
        ("list positions", ["main": "{{#items}}{{name}}{{^last()}}, {{/last()}}{{#first()}}!{{/first()}}{{index()}}{{#even()}}e{{/even()}}{{/items}}\n"]),
        ("a section over a number or a map pushes it", ["main": "{{#count}}[{{.}}]{{/count}}{{#page}}<{{title}}>{{/page}}\n"]),
        ("indented standalone partial", [
            "main": "<div>\n    {{>part}}\n</div>\n",
            "part": "<p>\n  {{#page}}\n  <i>{{title}}</i>\n  {{/page}}\n</p>\n{{{body_html}}}\n",
        ]),
        ("nested indented partials", [
            "main": "<a>\n  {{>outer}}\n</a>\n", "outer": "<b>\n  {{>inner}}\n</b>\n", "inner": "<c>{{title}}</c>\n<d/>\n",
        ]),
        ("inline partial takes no indentation", ["main": "  x {{>part}} y\n", "part": "1\n2\n"]),
        ("parent with blocks and defaults", [
            "layout": "<html>\n<title>{{$title}}Default{{/title}}</title>\n{{$head}}{{/head}}\n<main>\n{{$main}}none{{/main}}\n</main>\n</html>\n",
            "main": "{{<layout}}\n{{$title}}{{page.title}}{{/title}}\n{{$main}}\n{{#items}}\n<p>{{name}}</p>\n{{/items}}\n{{/main}}\n{{/layout}}\n",
        ]),
        ("the outermost override wins through two levels", [
            "base": "[{{$a}}base a{{/a}}|{{$b}}base b{{/b}}]\n",
            "middle": "{{<base}}{{$a}}middle a{{/a}}{{$b}}middle b{{/b}}{{/base}}",
            "main": "{{<middle}}{{$a}}main a{{/a}}{{/middle}}\n",
        ]),
        ("indented block expansion", [
            "layout": "<div>\n  {{$body}}\n  default\n  {{/body}}\n</div>\n",
            "main": "{{<layout}}\n{{$body}}\nline 1\nline 2\n{{/body}}\n{{/layout}}\n",
        ]),
        ("override lines lose the first line's indentation", [
            "layout": "<x>\n{{$body}}{{/body}}\n</x>\n",
            "main": "{{<layout}}\n{{$body}}\n    one\n      two\n    three\n{{/body}}\n{{/layout}}\n",
        ]),
        ("partials inside list sections", ["main": "{{#items}}\n  {{>row}}\n{{/items}}\n", "row": "<li>{{name}}</li>\n"]),
        ("last line without a newline", ["main": "a\n{{#on}}\nb\n{{/on}}"]),
    ]

    @Test(arguments: cases.map(\.0))
    func rendersLikeTheReference(_ name: String) throws {
        let templates = Self.cases.first { $0.0 == name }!.1
        let ours = String(decoding: try Self.compiled(templates).render("main", Self.context) ?? [], as: UTF8.self)
        let theirs = try Self.reference(templates).render(Self.context.plain, withTemplate: "main") ?? ""
        #expect(ours == theirs)
        if ours != theirs, let dump = ProcessInfo.processInfo.environment["TEMPLATE_DIFF_DIR"] {
            try? ours.write(toFile: "\(dump)/\(name).ours", atomically: true, encoding: .utf8)
            try? theirs.write(toFile: "\(dump)/\(name).theirs", atomically: true, encoding: .utf8)
        }
        #expect(!ours.isEmpty)
    }

    /// The reference indents only the first item of a list inside an indented partial; the Mustache
    /// spec, which we follow, indents every line the partial renders.
    @Test func everyLineOfAnIndentedPartialIsIndented() throws {
        let templates = ["main": "<ul>\n  {{>items}}\n</ul>\n", "items": "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n"]
        let ours = String(decoding: try Self.compiled(templates).render("main", Self.context) ?? [], as: UTF8.self)
        #expect(ours == "<ul>\n  <li>one</li>\n  <li>two</li>\n  <li>three</li>\n</ul>\n")
    }

    /// Lines compared without their leading whitespace, which is where the two differ (see above).
    static func unindented(_ html: String) -> [Substring] {
        html.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } }
    }

    /// Every page of the sample Portrait, in both languages, through every template of the default theme.
    @Test func everySamplePageRendersLikeTheReference() throws {
        let site = try BuildPipeline.render(BuildOptions(
            content: Fixtures.repository.appendingPathComponent("content"), output: URL(fileURLWithPath: "/nonexistent")))
        let theme = try Theme.load(overrides: nil)
        let reference = try Self.reference(theme.templates.mapValues(\.text))
        var compared = 0
        for language in site.content.config.languages {
            let localized = site.content.localized(language)
            let graph = PageGraph.build(localized.content, prefix: localized.prefix, contentRoots: localized.contentRoots)
            let markdown = RenderedMarkdown.render(localized.content, graph: graph).0
            let builder = PageContext(localized: localized, graph: graph, markdown: markdown,
                                      strings: theme.interfaceStrings(for: language), languages: [("en", "English"), ("es", "Español")])
            for page in graph.pages {
                let context = builder.context(for: page)
                let ours = String(decoding: theme.library.render(page.kind.template, context) ?? [], as: UTF8.self)
                let theirs = reference.render(context.plain, withTemplate: page.kind.template) ?? ""
                #expect(Self.unindented(ours) == Self.unindented(theirs), "\(page.outputPath) differs")
                if Self.unindented(ours) != Self.unindented(theirs), compared < 3, let dump = ProcessInfo.processInfo.environment["TEMPLATE_DIFF_DIR"] {
                    try? ours.write(toFile: "\(dump)/page\(compared).ours", atomically: true, encoding: .utf8)
                    try? theirs.write(toFile: "\(dump)/page\(compared).theirs", atomically: true, encoding: .utf8)
                }
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test(arguments: [
        ("{{#a}}\n{{/b}}\n", "2:4: {{#a}} from line 1 is still open here; close it with {{/a}} before {{/b}}"),
        ("x\n  {{#a}}\n", "2:3: {{#a}} is opened but never closed"),
        ("{{/a}}", "1:4: {{/a}} closes a section that was never opened"),
        ("a {{title\n", "1:3: a tag is not closed with }}"),
        ("{{{title}}", "1:1: a tag is not closed with }}}"),
        ("{{=<% %>=}}", "1:1: changing delimiters is not supported"),
        ("{{#items}}{{lst()}}{{/items}}", "1:13: \"lst()\" is not a list position"),
        ("{{upper(title)}}", "1:3: \"upper(title)\" calls a function; templates only read values"),
        ("{{<layout}}\n<p>stray</p>\n{{/layout}}", "1:1: text inside {{<layout}} … {{/layout}} is outside any {{$block}} and would never show"),
        ("{{<layout}}{{title}}{{/layout}}", "1:12: inside {{<layout}} … {{/layout}} only {{$block}} overrides may appear"),
        ("{{page..title}}", "1:3: \"page..title\" has an empty part between dots"),
        ("{{ }}", "1:1: a tag has no name"),
        ("{{a b}}", "1:3: \"a b\" is not a name a tag can hold"),
    ])
    func syntaxErrorsSayWhereAndWhat(_ source: String, _ expected: String) {
        do {
            _ = try TemplateParser.parse(source)
            Issue.record("\(source) parsed")
        } catch {
            #expect("\(error.line):\(error.column): \(error.message)" == expected)
        }
    }

    /// The preview decides which pages a competency's card reaches by whether their templates name
    /// `competencies`, through partials, parents and the blocks a child fills.
    @Test func findsEveryTagThatCouldReadAName() throws {
        let sources = [
            "direct": "{{#site.competencies}}{{title}}{{/site.competencies}}",
            "through-partial": "<main>{{>partials/list}}</main>",
            "partials/list": "<ul>{{#competencies}}<li>{{.}}</li>{{/competencies}}</ul>",
            "through-block": "{{<layout}}{{$main}}{{#site}}{{competencies.0}}{{/site}}{{/main}}{{/layout}}",
            "layout": "<body>{{$main}}{{/main}}</body>",
            "similar-names": "{{t.our_competencies}} {{#site}}{{title}}{{/site}} {{>layout}}",
            "loop": "{{>loop}}",
        ]
        let set = TemplateSet(templates: try sources.mapValues { try TemplateParser.parse($0) })
        #expect(set.mentions("competencies", from: "direct"))
        #expect(set.mentions("competencies", from: "through-partial"))
        #expect(set.mentions("competencies", from: "through-block"))
        #expect(!set.mentions("competencies", from: "similar-names"))
        #expect(!set.mentions("competencies", from: "loop"))
        #expect(!set.mentions("competencies", from: "missing"))
    }
}
