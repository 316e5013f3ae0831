import Foundation

/// Hands out unique, stable element ids within one page.
public struct HeadingIDs: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) { used = reserved }

    /// Takes an id decided elsewhere (the default language's FAQ anchor) so later headings avoid it.
    public mutating func reserve(_ id: String) { used.insert(id) }

    public mutating func claim(_ text: String) -> String {
        let base = Slug.make(text).isEmpty ? "section" : Slug.make(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Lowercase ASCII words joined by hyphens: safe in URLs, ids and file names on every host.
public enum Slug {
    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return result
    }

    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}
