/// The content one language shows: its translations where they exist, the default language's content
/// where they do not, and a record of which is which so those pages can say so.
public struct LocalizedContent: Sendable {
    public var language: String
    public var isDefault: Bool
    /// "" for the default language, "/es" for Spanish.
    public var prefix: String
    public var content: PortraitContent
    /// Files of the default language shown here in place of a missing translation.
    public var untranslatedFiles: Set<String>
    /// Where this language's files live and where the default's do, for resolving links in either.
    public var contentRoots: [String]

    public func isUntranslated(_ file: String?) -> Bool { file.map(untranslatedFiles.contains) ?? false }
}

extension PortraitContent {
    public var defaultRoot: String {
        let file = config.file
        return file.hasSuffix("/portrait.yml") ? String(file.dropLast("/portrait.yml".count)) : "."
    }

    public func localized(_ language: String) -> LocalizedContent {
        guard language != config.language, let translation = translations.first(where: { $0.language == language }) else {
            var untranslated = Set<String>()
            if language != config.language {
                untranslated = Set([home?.file, faq?.file].compactMap { $0 } + competencies.map(\.file) + pages.map(\.file))
            }
            return LocalizedContent(language: language, isDefault: language == config.language,
                                    prefix: language == config.language ? "" : "/\(language)", content: self,
                                    untranslatedFiles: untranslated, contentRoots: [defaultRoot, "\(defaultRoot)/\(language)"])
        }
        var localized = self
        var untranslated = Set<String>()
        let overlay = translation.overlay
        localized.config.district = overlay.district ?? config.district
        localized.config.title = overlay.title ?? config.title
        localized.config.vision = overlay.vision ?? config.vision
        for index in localized.config.gradeSpans.indices {
            let id = localized.config.gradeSpans[index].id
            if let label = overlay.spanLabels[id] { localized.config.gradeSpans[index].label = label }
        }
        for index in localized.config.rubricLevels.indices {
            let id = localized.config.rubricLevels[index].id
            if let label = overlay.levelLabels[id] { localized.config.rubricLevels[index].label = label }
            if let description = overlay.levelDescriptions[id] { localized.config.rubricLevels[index].description = description }
        }
        if let elements = overlay.keyElements { localized.config.keyElements = elements }
        if let contact = overlay.contact { localized.config.contact = contact }

        if let home = translation.home { localized.home = home } else if let file = home?.file { untranslated.insert(file) }
        if let faq = translation.faq { localized.faq = faq } else if let file = faq?.file { untranslated.insert(file) }
        localized.competencies = competencies.map { original in
            if let translated = translation.competencies[original.slug] { return translated }
            untranslated.insert(original.file)
            return original
        }
        localized.pages = pages.map { original in
            if var translated = translation.pages[original.slug] {
                translated.order = original.order
                return translated
            }
            untranslated.insert(original.file)
            return original
        }
        localized.translations = []
        return LocalizedContent(language: language, isDefault: false, prefix: "/\(language)", content: localized,
                                untranslatedFiles: untranslated, contentRoots: [defaultRoot, translation.root])
    }
}
