/// Brand colours a district may set in `portrait.yml` under `theme:`. Defaults match the default theme.
public struct ThemeColors: Sendable, Hashable {
    public var brand = "#174a7c"
    public var brandText = "#ffffff"
    public var text = "#1b1f24"
    public var background = "#ffffff"
    public var link = "#0b5cad"
    public var focus = "#b3261e"
    /// Where each colour was set, for messages; absent for defaults.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    public static let keys = ["brand", "brand_text", "text", "background", "link", "focus"]

    /// CSS custom properties the default stylesheet reads.
    public var css: String {
        ":root{--brand:\(brand);--brand-ink:\(brandText);--ink:\(text);--paper:\(background);--link:\(link);--focus:\(focus)}"
    }
}
