import Foundation

/// Mustache renders a missing partial or variable as nothing, without a word. This reads every tag
/// and reports names that nothing provides, so a typo in a template fails the build.
public enum TemplateLint {
    struct Tag {
        var sigil: Character?
        var name: String
        var triple: Bool
        var line: Int
        var column: Int
    }

    /// `knownKeys` is every key any page context offers; `{{{…}}}` is allowed only for keys ending in `_html`.
    public static func check(_ theme: Theme, knownKeys: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let templateNames = Array(theme.templates.keys).sorted()
        for name in templateNames {
            let source = theme.templates[name]!
            for tag in tags(in: source.text) {
                let at = SourceLocation(file: source.file, line: tag.line, column: tag.column)
                switch tag.sigil {
                case ">", "<":
                    if theme.templates[tag.name] == nil {
                        diagnostics.append(.error(
                            at: at, "template \"\(name)\" uses partial \"\(tag.name)\", which does not exist",
                            expected: "a file \(tag.name).mustache in the templates folder",
                            suggestion: Suggestion.didYouMean(tag.name, in: templateNames)))
                    }
                case "!", "/", "$":
                    continue
                case "=":
                    diagnostics.append(.error(at: at, "changing delimiters is not supported", expected: "{{ and }}"))
                default:
                    if tag.name.hasSuffix("()") {
                        if !sequenceTransforms.contains(String(tag.name.dropLast(2))) {
                            diagnostics.append(.error(at: at, "\"\(tag.name)\" is not a list position",
                                                      expected: "first(), last(), index(), even() or odd()"))
                        }
                        continue
                    }
                    let variable = Self.variable(tag.name)
                    if variable == "." { continue }
                    let first = String(variable.split(separator: ".").first ?? "")
                    if first == "t", let key = variable.split(separator: ".").dropFirst().first.map(String.init),
                       let english = theme.strings["en"], english[key] == nil {
                        diagnostics.append(.error(
                            at: at, "template \"\(name)\" uses interface text \"\(key)\", which strings/en.yml does not define",
                            suggestion: Suggestion.didYouMean(key, in: english.keys.sorted())))
                    }
                    if !knownKeys.contains(first) {
                        diagnostics.append(.error(
                            at: at, "template \"\(name)\" uses variable \"\(variable)\", which no page provides",
                            suggestion: Suggestion.didYouMean(first, in: knownKeys.sorted())))
                    }
                    if (tag.triple || tag.sigil == "&") && !variable.hasSuffix("_html") {
                        diagnostics.append(.error(
                            at: at, "\"\(variable)\" is written unescaped, but it is not rendered Markdown",
                            expected: "{{\(variable)}}, which escapes HTML", suggestion: "only *_html values may use {{{…}}}"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Positions a list section offers: `{{^last()}}, {{/last()}}`.
    static let sequenceTransforms: Set<String> = ["first", "last", "index", "even", "odd"]

    /// `uppercased(name)` → `name`.
    static func variable(_ expression: String) -> String {
        guard let open = expression.lastIndex(of: "("), let close = expression.firstIndex(of: ")"), open < close else {
            return expression
        }
        return String(expression[expression.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
    }

    static func tags(in text: String) -> [Tag] {
        var result: [Tag] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        var lineStart = 0
        while index < characters.count - 1 {
            if characters[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard characters[index] == "{", characters[index + 1] == "{" else {
                index += 1
                continue
            }
            let column = index - lineStart + 1
            let triple = index + 2 < characters.count && characters[index + 2] == "{"
            let start = index + (triple ? 3 : 2)
            let closing: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
            var end = start
            while end + closing.count <= characters.count && Array(characters[end..<(end + closing.count)]) != closing {
                end += 1
            }
            var body = String(characters[start..<min(end, characters.count)]).trimmingCharacters(in: .whitespacesAndNewlines)
            var sigil: Character?
            if let first = body.first, !triple, "#^/>&<$!=".contains(first) {
                sigil = first
                body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            result.append(Tag(sigil: sigil, name: body, triple: triple, line: line, column: column))
            let consumed = characters[index..<min(end + closing.count, characters.count)]
            for offset in consumed.indices where characters[offset] == "\n" {
                line += 1
                lineStart = offset + 1
            }
            index = end + closing.count
        }
        return result
    }
}
