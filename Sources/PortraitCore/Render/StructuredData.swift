import Foundation

/// schema.org JSON-LD for search engines: the competencies as a DefinedTermSet, each competency as a
/// DefinedTerm, and the FAQ as an FAQPage.
enum StructuredData {
    static func competencySet(_ content: PortraitContent, urls: SiteURLs) -> JSONValue {
        [
            "@context": "https://schema.org", "@type": "DefinedTermSet",
            "@id": urls.absolute("/competencies/"), "name": "\(content.config.title) — \(content.config.district)",
            "description": content.config.vision,
            "hasDefinedTerm": JSONValue.array(content.competencies.map { term($0, content: content, urls: urls, nested: true) }),
        ]
    }

    static func term(_ competency: Competency, content: PortraitContent, urls: SiteURLs, nested: Bool = false) -> JSONValue {
        var term: JSONValue = [
            "@type": "DefinedTerm", "@id": urls.absolute("/competencies/\(competency.slug)/"),
            "name": competency.title, "termCode": competency.slug, "description": competency.summary,
            "url": urls.absolute("/competencies/\(competency.slug)/"),
        ]
        if !nested {
            term["@context"] = "https://schema.org"
            term["inDefinedTermSet"] = .string(urls.absolute("/competencies/"))
        }
        return term
    }

    static func faqPage(_ faq: FAQ, answers: [String], urls: SiteURLs) -> JSONValue {
        [
            "@context": "https://schema.org", "@type": "FAQPage", "@id": urls.absolute("/faq/"),
            "mainEntity": JSONValue.array(zip(faq.entries, answers).map { entry, answer in
                ["@type": "Question", "name": entry.question, "acceptedAnswer": ["@type": "Answer", "text": answer] as JSONValue]
            }),
        ]
    }

    /// Markup characters are written as JSON escapes so no content can close or confuse the script element.
    static func script(_ object: JSONValue) -> String {
        "<script type=\"application/ld+json\">\(JSONText.compactText(object))</script>"
    }
}

/// Turns rendered HTML back into plain text, for search snippets and structured data.
enum PlainText {
    static func from(html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" ") }
            else if character == ">" { inTag = false }
            else if !inTag { text.append(character) }
        }
        let decoded = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
        return decoded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ",")
    }
}
