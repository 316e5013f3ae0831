/// One piece of a compiled template. Text is kept as bytes, and names are split at their dots once,
/// when the template is read, so rendering a page does no parsing at all.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, and `{{<name}}…{{/name}}`, which is the same partial with some blocks replaced.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: a place a child template can fill.
    case block(String, [TemplateNode], indentation: [UInt8])
}

/// A name as written in a tag: `.`, `title`, `page.title`, or a list position such as `last()`.
struct TemplateName: Sendable, Equatable {
    enum Position: String, Sendable {
        case first, last, index, even, odd
    }

    var segments: [String]
    /// `.name` reads only the innermost value instead of searching outwards.
    var innermostOnly: Bool
    var position: Position?

    var isCurrentValue: Bool { segments.isEmpty && position == nil }
}
