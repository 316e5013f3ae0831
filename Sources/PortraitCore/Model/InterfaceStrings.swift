/// The interface text of one language (navigation, headings such as "Look-fors", buttons), from the
/// theme's `strings/<code>.yml`. Keys a language lacks fall back to English.
public struct InterfaceStrings: Sendable, Equatable {
    public var language: String
    public var values: [String: String]
    /// Keys that came from English because this language's file lacks them.
    public var missing: [String]

    public init(language: String, values: [String: String], missing: [String] = []) {
        self.language = language
        self.values = values
        self.missing = missing
    }

    public subscript(key: String) -> String { values[key] ?? key }

    /// Used where no theme is at hand (tests, and graphs built for exports).
    public static let english = InterfaceStrings(language: "en", values: [
        "home": "Home", "competencies": "Competencies", "continuum_title": "Growth across the grades",
        "print_title": "The Portrait on one page", "search": "Search",
        "embedding_title": "Embed the Portrait on your school's website", "page_not_found": "Page not found",
    ])
}
