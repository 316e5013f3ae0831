/// Finds "TODO" placeholders, as `portrait new competency` writes them, so drafts are not published unnoticed.
enum TodoCheck {
    static func check(_ content: PortraitContent) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Counted field by field, without gathering the fields first: this runs on every preview save.
        for competency in content.competencies {
            var count = [competency.summary, competency.headline, competency.body.text].count { $0.includes("TODO") }
            for span in competency.spans {
                if span.definition.includes("TODO") { count += 1 }
                for list in [span.iCan, span.lookFors, span.evidence, span.reflection] { count += list.count { $0.includes("TODO") } }
                count += span.rubric.count { $0.text.includes("TODO") }
            }
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
