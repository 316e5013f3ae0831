/// Finds "TODO" placeholders, as `portrait new competency` writes them, so drafts are not published unnoticed.
enum TodoCheck {
    static func check(_ content: PortraitContent) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for competency in content.competencies {
            var fields: [String] = [competency.summary, competency.headline, competency.body.text]
            for span in competency.spans {
                fields += [span.definition] + span.iCan + span.lookFors + span.evidence + span.reflection + span.rubric.map(\.text)
            }
            let count = fields.filter { $0.includes("TODO") }.count
            if count > 0 {
                diagnostics.append(.warning(at: competency.location, "\(competency.title) still has \(count) TODO placeholder\(count == 1 ? "" : "s")",
                                            suggestion: "replace each TODO with real text before publishing"))
            }
        }
        for page in content.pages where page.body.text.includes("TODO") {
            diagnostics.append(.warning(at: page.location, "\(page.title) still has a TODO placeholder"))
        }
        return diagnostics
    }
}
