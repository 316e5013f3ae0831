import Foundation

/// Mustache renders a missing partial or variable as nothing, without a word. This reads every tag
/// and reports names that nothing provides, so a typo in a template fails the build.
public enum TemplateLint {
    /// `knownKeys` is every key any page context offers; `{{{…}}}` is allowed only for keys ending in `_html`.
    /// Runs on templates that have already parsed, so the lexer finds the same tags the renderer uses.
    public static func check(_ theme: Theme, knownKeys: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let templateNames = Array(theme.templates.keys).sorted()
        for name in templateNames {
            let source = theme.templates[name]!
            let lines = (try? TemplateLexer.lines(source.text)) ?? []
            for case .tag(let tag) in lines.flatMap(\.items) {
                let at = SourceLocation(file: source.file, line: tag.line, column: tag.column)
                switch tag.sigil.map { Character(UnicodeScalar($0)) } {
                case ">", "<":
                    if theme.templates[tag.name] == nil {
                        diagnostics.append(.error(
                            at: at, "template \"\(name)\" uses partial \"\(tag.name)\", which does not exist",
                            expected: "a file \(tag.name).mustache in the templates folder",
                            suggestion: Suggestion.didYouMean(tag.name, in: templateNames)))
                    }
                case "!", "/", "$":
                    continue
                case let sigil:
                    // List positions such as last() are checked by the parser.
                    let variable = tag.name
                    if variable == "." || variable.hasSuffix("()") { continue }
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
                    if (sigil == "{" || sigil == "&") && !variable.hasSuffix("_html") {
                        diagnostics.append(.error(
                            at: at, "\"\(variable)\" is written unescaped, but it is not rendered Markdown",
                            expected: "{{\(variable)}}, which escapes HTML", suggestion: "only *_html values may use {{{…}}}"))
                    }
                }
            }
        }
        return diagnostics
    }
}
