/// How complete each language is, for `portrait check`.
public enum TranslationReport {
    public struct Completeness: Sendable {
        public var language: String
        public var translated: Int
        public var total: Int
        /// Default-language files with no translation yet.
        public var missing: [String]

        public var percent: Int { total == 0 ? 100 : translated * 100 / total }
    }

    public static func completeness(_ content: PortraitContent) -> [Completeness] {
        content.config.languages.dropFirst().map { language in
            let localized = content.localized(language)
            let all = [content.home?.file, content.faq?.file].compactMap { $0 } + content.competencies.map(\.file) + content.pages.map(\.file)
            let missing = all.filter(localized.untranslatedFiles.contains)
            return Completeness(language: language, translated: all.count - missing.count, total: all.count, missing: missing)
        }
    }

    /// A language whose interface strings file lacks keys shows those in English; say which.
    static func stringWarnings(_ content: PortraitContent, theme: Theme) -> [Diagnostic] {
        content.config.languages.compactMap { language in
            if theme.strings[language] == nil {
                return .warning(at: nil, "there is no strings/\(language).yml, so the \(language) pages show English navigation and headings",
                                suggestion: "copy templates/strings/en.yml to templates/strings/\(language).yml and translate it")
            }
            let missing = theme.interfaceStrings(for: language).missing
            guard !missing.isEmpty else { return nil }
            return .warning(at: nil, "strings/\(language).yml lacks \(missing.count) text\(missing.count == 1 ? "" : "s") (\(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", …" : "")), shown in English")
        }
    }
}
