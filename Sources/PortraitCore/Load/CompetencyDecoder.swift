/// Decodes a competency's front matter.
enum CompetencyDecoder {
    static let keys = [
        "title", "order", "summary", "headline", "color", "icon", "icon_alt", "connections", "spans", "last_reviewed",
    ]
    static let spanKeys = ["definition", "i_can", "look_fors", "evidence", "reflection", "rubric"]

    /// A translation may leave out `order`, `color` and the icon: they come from the default language.
    static func decode(_ root: YAMLNode?, slug: String, file: String, body: MarkdownSource, log: DiagnosticLog,
                       isTranslation: Bool = false) -> Competency? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root else {
            log.add(.error(at: start, "competency has no front matter",
                           expected: "a \"---\" block at the top with title:, order:, summary:, headline:, color: and spans:"))
            return nil
        }
        guard let reader = YAMLMappingReader(root, file: file, what: "competency", keys: keys, log: log) else { return nil }
        let title = reader.string("title", required: true)
        let order = reader.int("order", required: !isTranslation) ?? (isTranslation ? 0 : nil)
        let summary = reader.string("summary", required: true)
        let headline = reader.string("headline", required: true)
        let color = reader.string("color", required: !isTranslation) ?? (isTranslation ? "#000000" : nil)
        let connections = (reader.list("connections") ?? []).compactMap { node -> Connection? in
            guard let item = YAMLMappingReader(node, file: file, what: "connection", keys: ["system", "description"], log: log),
                  let system = item.string("system", required: true),
                  let description = item.string("description", required: true) else { return nil }
            return Connection(system: system, description: description)
        }
        let spans = (reader.entries("spans", required: true) ?? []).compactMap { span($0, file: file, log: log) }
        if let color, !CSSColor.isHex(color), let node = reader.value("color") {
            log.add(.error(at: reader.location(of: node), "color \"\(color)\" is not a hex colour",
                           expected: "color: \"#1f5f8b\" (quoted, six hex digits)"))
        }
        if reader.has("icon") && !reader.has("icon_alt"), let at = reader.keyLocation("icon") {
            log.add(.error(at: at, "an icon needs a text alternative", expected: "icon_alt: a few words saying what the icon shows"))
        }
        guard let title, let order, let summary, let headline, let color else { return nil }
        return Competency(
            slug: slug, file: file, title: title, order: order, summary: summary, headline: headline, color: color.lowercased(),
            colorLocation: reader.value("color").map { reader.location(of: $0) },
            icon: reader.string("icon"), iconAlt: reader.string("icon_alt"), connections: connections, spans: spans,
            lastReviewed: reader.date("last_reviewed"), body: body, location: start)
    }

    private static func span(_ pair: YAMLPair, file: String, log: DiagnosticLog) -> SpanDetail? {
        guard let item = YAMLMappingReader(pair.value, file: file, what: "grade span \"\(pair.keyText)\"", keys: spanKeys, log: log) else {
            return nil
        }
        let definition = item.string("definition", required: true)
        let iCan = item.stringList("i_can", required: true)
        let lookFors = item.stringList("look_fors", required: true)
        let evidence = item.stringList("evidence", required: true)
        let reflection = item.stringList("reflection")
        var rubric: [RubricDescriptor] = []
        for entry in item.entries("rubric", required: true) ?? [] {
            guard let text = item.text(entry.value, key: entry.keyText) else { continue }
            rubric.append(RubricDescriptor(levelID: entry.keyText, text: text, location: item.location(of: entry.key)))
        }
        guard let definition else { return nil }
        return SpanDetail(
            spanID: pair.keyText, definition: definition, iCan: iCan, lookFors: lookFors, evidence: evidence,
            reflection: reflection, rubric: rubric,
            rubricLocation: item.keyLocation("rubric") ?? item.location,
            location: item.location(of: pair.key))
    }
}

enum CSSColor {
    static func isHex(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.hasPrefix("#") && (digits.count == 6 || digits.count == 3) && digits.allSatisfy(\.isHexDigit)
    }
}
