import Foundation

/// WCAG 2.1 contrast ratios, so a district's brand colours cannot make the site unreadable.
public enum ColorContrast {
    /// 4.5:1 for body text; 3:1 for large text and for user-interface parts such as borders and focus rings.
    public static let text = 4.5
    public static let interface = 3.0

    public static func ratio(_ first: String, _ second: String) -> Double? {
        guard let a = luminance(first), let b = luminance(second) else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static func luminance(_ hex: String) -> Double? {
        guard CSSColor.isHex(hex) else { return nil }
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard let value = UInt32(digits, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The pairs the default theme draws on top of each other, with the minimum each needs.
    static func check(_ theme: ThemeColors, competencies: [Competency], file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func require(_ foreground: String, _ fgKey: String, on background: String, _ bgKey: String,
                     minimum: Double, use: String, at location: SourceLocation?) {
            guard let ratio = ratio(foreground, background), ratio < minimum else { return }
            diagnostics.append(.error(
                at: location ?? SourceLocation(file: file, line: 1, column: 1),
                "\(fgKey) \(foreground) on \(bgKey) \(background) has contrast \(String(format: "%.2f", ratio)):1, below the \(String(format: "%.1f", minimum)):1 WCAG AA needs for \(use)",
                suggestion: "choose a \(ratio < 2 ? "much " : "")darker or lighter colour"))
        }
        let at = theme.locations
        require(theme.brandText, "brand_text", on: theme.brand, "brand", minimum: text, use: "header text",
                at: at["brand_text"] ?? at["brand"])
        require(theme.text, "text", on: theme.background, "background", minimum: text, use: "body text",
                at: at["text"] ?? at["background"])
        require(theme.link, "link", on: theme.background, "background", minimum: text, use: "links",
                at: at["link"] ?? at["background"])
        require(theme.focus, "focus", on: theme.background, "background", minimum: interface, use: "the focus outline",
                at: at["focus"] ?? at["background"])
        for competency in competencies {
            require(competency.color, "color", on: theme.background, "background", minimum: interface,
                    use: "a competency's colour bars", at: competency.colorLocation)
        }
        return diagnostics
    }
}
