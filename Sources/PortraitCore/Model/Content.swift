/// A competency: its front matter and narrative, with one section per grade span.
public struct Competency: Sendable, Equatable {
    public var slug: String
    public var file: String
    public var title: String
    public var order: Int
    public var summary: String
    public var headline: String
    public var color: String
    public var colorLocation: SourceLocation?
    public var icon: String?
    public var iconAlt: String?
    public var connections: [Connection]
    /// In the order `portrait.yml` declares the spans, once validated.
    public var spans: [SpanDetail]
    public var lastReviewed: String?
    public var body: MarkdownSource
    public var location: SourceLocation
}

public struct Connection: Sendable, Hashable {
    public var system: String
    public var description: String
}

/// What a competency looks like in one grade span.
public struct SpanDetail: Sendable, Equatable {
    public var spanID: String
    public var definition: String
    public var iCan: [String]
    public var lookFors: [String]
    public var evidence: [String]
    public var reflection: [String]
    public var rubric: [RubricDescriptor]
    public var rubricLocation: SourceLocation
    public var location: SourceLocation
}

public struct RubricDescriptor: Sendable, Equatable {
    public var levelID: String
    public var text: String
    public var location: SourceLocation
}

public struct FAQEntry: Sendable, Equatable {
    public var question: String
    public var answer: MarkdownSource
}

public struct FAQ: Sendable, Equatable {
    public var file: String
    public var title: String
    public var intro: MarkdownSource
    public var entries: [FAQEntry]
}

/// Any other Markdown file: the home page introduction or a plain page.
public struct Page: Sendable, Equatable {
    public var slug: String
    public var file: String
    public var title: String
    public var description: String?
    public var order: Int
    public var body: MarkdownSource
    public var location: SourceLocation
}

/// Markdown text and where it starts in its file, so rendering problems point at the right line.
public struct MarkdownSource: Sendable, Equatable {
    public var text: String
    public var file: String
    public var firstLine: Int

    public init(text: String, file: String, firstLine: Int) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
    }
}

/// Everything loaded from the content folder, before any cross-file checks.
public struct PortraitContent: Sendable {
    public var config: PortraitConfig
    public var home: Page?
    public var competencies: [Competency]
    public var faq: FAQ?
    public var pages: [Page]
    public var translations: [Translation] = []
}
