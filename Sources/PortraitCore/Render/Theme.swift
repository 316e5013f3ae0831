import Foundation
import Mustache

/// The templates and assets a site is rendered with: the built-in default theme, with any file of the
/// same name in the site's own templates folder taking its place.
public struct Theme: Sendable {
    /// Template name ("layout", "partials/header") → source and the file it came from.
    public var templates: [String: ThemeFile]
    /// Files under `assets/`, by path relative to the theme ("assets/style.css").
    public var assets: [String: ThemeFile]
    public var library: MustacheLibrary
    /// Language code → interface text, from `strings/<code>.yml`.
    public var strings: [String: [String: String]] = [:]

    /// The interface text for `language`, with English filling any gaps.
    public func interfaceStrings(for language: String) -> InterfaceStrings {
        let english = strings["en"] ?? [:]
        let own = strings[language] ?? [:]
        let missing = language == "en" ? [] : english.keys.filter { own[$0] == nil }.sorted()
        return InterfaceStrings(language: language, values: english.merging(own) { _, translated in translated }, missing: missing)
    }

    public struct ThemeFile: Sendable {
        public var text: String
        /// As shown in messages: "templates/layout.mustache", or "(default theme)/layout.mustache".
        public var file: String
    }

    public static let defaultThemeLabel = "(default theme)"

    public static func load(overrides directory: URL?, displayDirectory: String? = nil) throws(BuildFailure) -> Theme {
        var files: [String: ThemeFile] = [:]
        for (path, text) in DefaultTheme.files {
            files[path] = ThemeFile(text: text, file: "\(defaultThemeLabel)/\(path)")
        }
        var diagnostics: [Diagnostic] = []
        if let directory {
            let shown = displayDirectory ?? directory.path
            for path in Self.listFiles(directory) {
                let file = "\(shown)/\(path)"
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else { continue }
                do throws(Diagnostic) {
                    files[path] = ThemeFile(text: try SourceText.decode(Array(data), file: file), file: file)
                } catch {
                    diagnostics.append(error)
                }
            }
        }
        var templates: [String: ThemeFile] = [:]
        var assets: [String: ThemeFile] = [:]
        var parsed: [String: MustacheTemplate] = [:]
        var strings: [String: [String: String]] = [:]
        for (path, themeFile) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("strings/") && path.hasSuffix(".yml") {
                let language = String(path.dropFirst("strings/".count).dropLast(".yml".count))
                do throws(Diagnostic) {
                    strings[language] = try StringsFile.decode(themeFile.text, file: themeFile.file)
                } catch {
                    diagnostics.append(error)
                }
            } else if path.hasPrefix("assets/") {
                assets[path] = themeFile
            } else if path.hasSuffix(".mustache") {
                let name = String(path.dropLast(".mustache".count))
                templates[name] = themeFile
                _ = FastHTMLContentType.registered
                do {
                    parsed[name] = try MustacheTemplate(string: FastHTMLContentType.pragma + themeFile.text)
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma sits on line 1 before the file's own text; columns there are shifted by it.
                    let line = error.context.lineNumber
                    let column = error.context.columnNumber - (line == 1 ? FastHTMLContentType.pragma.count : 0)
                    diagnostics.append(.error(
                        at: SourceLocation(file: themeFile.file, line: line, column: max(1, column)),
                        "template syntax error: \(TemplateSyntaxMessage.describe(error.error))",
                        expected: "balanced {{#section}} … {{/section}} tags"))
                } catch {
                    diagnostics.append(.error(at: SourceLocation(file: themeFile.file, line: 1, column: 1), "template syntax error: \(error)"))
                }
            }
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return Theme(templates: templates, assets: assets, library: MustacheLibrary(templates: parsed), strings: strings)
    }

    private static func listFiles(_ directory: URL, prefix: String = "") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                result += listFiles(directory.appendingPathComponent(name), prefix: path)
            } else {
                result.append(path)
            }
        }
        return result
    }
}

/// swift-mustache names its parse errors after enum cases; these say the same in words.
enum TemplateSyntaxMessage {
    static func describe(_ error: Error) -> String {
        switch String(describing: error) {
        case "sectionCloseNameIncorrect": return "a closing {{/…}} tag does not match the section it closes"
        case "expectedSectionEnd": return "a section is opened but never closed with {{/…}}"
        case "unfinishedName": return "a tag is not closed with }}"
        case "invalidSetDelimiter": return "a {{=…=}} delimiter change is badly formed"
        case "transformAppliedToInheritanceSection": return "a transform cannot be applied to an inherited section"
        case "illegalTokenInsideInheritSection", "textInsideInheritSection":
            return "inside {{<parent}} … {{/parent}} only {{$block}} overrides may appear"
        case let other: return other
        }
    }
}

/// A strings file is one flat list of `key: text` lines.
enum StringsFile {
    static func decode(_ text: String, file: String) throws(Diagnostic) -> [String: String] {
        guard let root = try YAMLLoader(file: file).load(text) else { return [:] }
        guard case .mapping(let pairs) = root.kind else {
            throw .error(at: SourceLocation(file: file, line: root.line, column: root.column),
                         "a strings file should be a list of key: text lines, found \(root.typeName)")
        }
        var values: [String: String] = [:]
        for pair in pairs {
            guard case .scalar(let value, _) = pair.value.kind else {
                throw .error(at: SourceLocation(file: file, line: pair.value.line, column: pair.value.column),
                             "\"\(pair.keyText)\" should be text, found \(pair.value.typeName)")
            }
            values[pair.keyText] = value
        }
        return values
    }
}
