import Foundation

/// Turns site paths into links that work wherever the site is hosted, including under a sub-folder.
public struct SiteURLs: Sendable {
    /// "https://district.example.org/portrait" — no trailing slash.
    public var origin: String
    /// "/portrait" or "" — prefixed to every link inside the site.
    public var basePath: String
    /// "" for the default language, "/es" for Spanish: added to every page link made by `link`.
    public var languagePrefix = ""

    public func inLanguage(_ prefix: String) -> SiteURLs {
        var copy = self
        copy.languagePrefix = prefix
        return copy
    }

    public init(baseURL: String) {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        origin = trimmed
        let path = URL(string: trimmed)?.path ?? ""
        basePath = path == "/" ? "" : path
    }

    /// A link inside the site: "/portrait/competencies/communication/".
    public func link(_ path: String) -> String { basePath + languagePrefix + path }

    /// The full address for canonical links, sitemaps and sharing.
    public func absolute(_ path: String) -> String {
        let host = basePath.isEmpty ? origin : String(origin.dropLast(basePath.count))
        return host + link(path)
    }
}
