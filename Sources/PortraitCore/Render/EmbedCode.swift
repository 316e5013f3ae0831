/// How a full page is embedded elsewhere: the iframe snippet schools paste, and its oEmbed file.
struct EmbedCode {
    let page: SitePage
    let title: String
    let urls: SiteURLs

    /// Tall enough for a grade span's lists without a scrollbar in most school layouts; the optional
    /// host script or WordPress then fits it exactly.
    var height: Int { page.kind == .competency ? 1200 : 800 }
    static let width = 800

    var embedPath: String { "\(page.prefix)/embed\(page.localPath)" }
    var embedURL: String { urls.absolute(embedPath) }

    /// Static oEmbed file beside the other machine files: /oembed/competencies/<slug>[/<span>].json.
    var oembedPath: String { "\(page.prefix)/oembed\(page.localPath.dropLast()).json" }
    var oembedURL: String { urls.absolute(oembedPath) }

    var snippet: String {
        "<iframe src=\"\(PortraitGraphic.escape(embedURL))\" title=\"\(PortraitGraphic.escape(title))\" width=\"100%\" height=\"\(height)\" loading=\"lazy\" style=\"border:0;max-width:\(Self.width)px\"></iframe>"
    }

    func oembed(providerName: String, providerURL: String) -> JSONValue {
        [
            "type": "rich", "version": "1.0", "html": snippet, "width": Self.width, "height": height, "title": title,
            "provider_name": providerName, "provider_url": providerURL, "cache_age": 86400,
        ]
    }
}
