import Foundation

/// `/portrait.json`: the whole Portrait for other systems, in a documented format (docs/exports.md).
/// `format_version` changes only when a field is removed or changes meaning.
struct PortraitJSON {
    static let formatVersion = 1

    let content: PortraitContent
    let graph: PageGraph
    let markdown: RenderedMarkdown
    let urls: SiteURLs

    func file() -> OutputFile {
        OutputFile(path: "portrait.json", stream: JSONText.stream(pretty: true) { value() })
    }

    private func value() -> JSONValue {
        var object = body(content, markdown: markdown, urls: urls)
        object["format"] = "portrait"
        object["format_version"] = .number(Self.formatVersion)
        object["pages"] = .array(graph.pages.filter { $0.kind.isIndexable }.map {
            ["kind": $0.kind.rawValue, "title": $0.title, "url": urls.absolute($0.path)]
        })
        var translations: [String: JSONValue] = [:]
        for language in content.config.languages.dropFirst() {
            let localized = content.localized(language)
            let localGraph = PageGraph.build(localized.content, prefix: localized.prefix, contentRoots: localized.contentRoots)
            let localMarkdown = RenderedMarkdown.render(localized.content, graph: localGraph,
                                                        faqIDs: markdown.faqAnswers.map(\.id)).0
            // Only what is translated: anything else is the default language's, listed in `untranslated`.
            let translatedSlugs = Set(content.translations.first { $0.language == language }?.competencies.keys.map { $0 } ?? [])
            var translation = body(localized.content, markdown: localMarkdown, urls: urls.inLanguage(localized.prefix),
                                   only: translatedSlugs)
            if localized.isUntranslated(content.faq?.file) { translation["faq"] = .array([]) }
            // Relative to the content folder, so the published file never names a path on the build machine.
            let root = content.defaultRoot + "/"
            translation["untranslated"] = localized.untranslatedFiles.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }
                .sorted().jsonValue
            translations[language] = translation
        }
        object["translations"] = .object(translations)
        return object
    }

    /// `only`, when given, keeps the competencies with those slugs.
    private func body(_ content: PortraitContent, markdown: RenderedMarkdown, urls: SiteURLs, only: Set<String>? = nil) -> JSONValue {
        let config = content.config
        let levels = config.rubricLevels
        let competencies = content.competencies.filter { only?.contains($0.slug) ?? true }
        let portrait: JSONValue = [
            "district": config.district, "title": config.title, "vision": config.vision, "language": config.language,
            "base_url": urls.absolute("/"), "last_reviewed": config.lastReviewed,
            "case_document_id": CASEPackage(content: content, urls: urls).documentID,
        ]
        let gradeSpans: [JSONValue] = config.gradeSpans.map {
            ["id": $0.id, "label": $0.label, "grades": $0.grades, "url": urls.absolute("/grades/\($0.id)/")]
        }
        // Written one competency at a time as the file is made.
        let competencyList = JSONValue.generated(groups: competencies.count) { index -> [JSONValue] in
            let competency = competencies[index]
            let path = "/competencies/\(competency.slug)/"
            let spans: [JSONValue] = zip(config.gradeSpans, competency.spans).map { span, detail in
                let rubric: [JSONValue] = levels.map { level in
                    ["level": level.id, "label": level.label, "descriptor": detail.rubric.first { $0.levelID == level.id }?.text ?? ""]
                }
                return [
                    "id": span.id, "label": span.label, "url": urls.absolute("\(path)\(span.id)/"),
                    "definition": detail.definition, "i_can": detail.iCan, "look_fors": detail.lookFors,
                    "evidence": detail.evidence, "reflection": detail.reflection, "rubric": JSONValue.array(rubric),
                ]
            }
            let connections: [JSONValue] = competency.connections.map { ["system": $0.system, "description": $0.description] }
            return [[
                "slug": competency.slug, "title": competency.title, "order": competency.order,
                "summary": competency.summary, "headline": competency.headline, "color": competency.color,
                "icon": competency.icon, "icon_alt": competency.iconAlt,
                "last_reviewed": competency.lastReviewed, "url": urls.absolute(path),
                "connections": JSONValue.array(connections), "spans": JSONValue.array(spans),
            ]]
        }
        let faq: [JSONValue] = zip(content.faq?.entries ?? [], markdown.faqAnswers).map { entry, answer in
            ["question": entry.question, "id": answer.id, "url": urls.absolute("/faq/#\(answer.id)"),
             "answer_html": answer.output.html, "answer_text": PlainText.from(html: answer.output.html)]
        }
        return .object([
            "portrait": portrait, "grade_spans": .array(gradeSpans),
            "rubric_levels": .array(levels.map { ["id": $0.id, "label": $0.label, "description": $0.description] }),
            "key_elements": .array(config.keyElements.map { ["title": $0.title, "description": $0.description] }),
            "competencies": competencyList, "faq": .array(faq),
        ])
    }
}
