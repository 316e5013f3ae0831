/// One language's pages: its localized content, its interface text, and its page graph.
public struct LanguageGraph: Sendable {
    public var localized: LocalizedContent
    public var strings: InterfaceStrings
    public var graph: PageGraph

    /// The default language first, then each other declared language under its own prefix.
    public static func build(_ content: PortraitContent, theme: Theme) -> [LanguageGraph] {
        content.config.languages.map { language in
            let localized = content.localized(language)
            let strings = theme.interfaceStrings(for: language)
            let graph = PageGraph.build(localized.content, strings: strings, prefix: localized.prefix,
                                        contentRoots: localized.contentRoots)
            return LanguageGraph(localized: localized, strings: strings, graph: graph)
        }
    }
}
