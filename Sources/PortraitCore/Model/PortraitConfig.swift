/// What `portrait.yml` declares: the district, its grade spans and rubric levels, and site settings.
public struct PortraitConfig: Sendable, Equatable {
    public var file: String
    public var district: String
    public var title: String
    public var vision: String
    public var baseURL: String
    public var baseURLLocation: SourceLocation?
    public var language: String
    /// Every language the site is published in, the default first.
    public var languages: [String] = []
    public var gradeSpans: [GradeSpan]
    public var rubricLevels: [RubricLevel]
    public var keyElements: [KeyElement]
    public var contact: Contact
    /// Off by default: raw HTML in Markdown is shown as text so a pasted script never runs.
    public var allowRawHTML: Bool
    public var lastReviewed: String?
    public var theme = ThemeColors()
    public var caseSettings = CASESettings()
    /// `portrait check` warns about pages that read above this school grade.
    public var readingLevelTarget = 8
}

/// What `portrait.yml` may say about the CASE export under `case:`.
public struct CASESettings: Sendable, Hashable {
    public var version: String?
    public var adoptionStatus: String?
    public var licenseTitle: String?
    public var licenseURL: String?

    public init() {}
}

public struct GradeSpan: Sendable, Hashable {
    public var id: String
    public var label: String
    /// As written: "K", "1" … "12".
    public var grades: [String]
    public var location: SourceLocation
}

public struct RubricLevel: Sendable, Hashable {
    public var id: String
    public var label: String
    public var description: String
}

public struct KeyElement: Sendable, Hashable {
    public var title: String
    public var description: String
}

public struct Contact: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var url: String?
}
