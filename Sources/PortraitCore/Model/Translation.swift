/// One language's translated content from `content/<code>/`. Anything missing falls back to the
/// default language.
public struct Translation: Sendable {
    public var language: String
    public var overlay: ConfigOverlay
    public var home: Page?
    public var competencies: [String: Competency]
    public var faq: FAQ?
    public var pages: [String: Page]
    /// The folder as shown in messages ("content/es").
    public var root: String
}

/// The text fields of `portrait.yml` a translation may replace, from `content/<code>/portrait.yml`.
public struct ConfigOverlay: Sendable {
    public var district: String?
    public var title: String?
    public var vision: String?
    public var spanLabels: [String: String] = [:]
    public var levelLabels: [String: String] = [:]
    public var levelDescriptions: [String: String] = [:]
    public var keyElements: [KeyElement]?
    public var contact: Contact?

    public init() {}
}

/// Right-to-left scripts, so `dir` is right on every page of such a language.
public enum LanguageDirection {
    static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug"]

    public static func of(_ code: String) -> String {
        rightToLeft.contains(String(code.lowercased().prefix { $0 != "-" && $0 != "_" })) ? "rtl" : "ltr"
    }
}
