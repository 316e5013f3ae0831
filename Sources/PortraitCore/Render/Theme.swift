import Foundation

/// The templates and assets a site is rendered with: the built-in default theme, with any file of the
/// same name in the site's own templates folder taking its place.
public struct Theme: Sendable {
    /// Template name ("layout", "partials/header") → source and the file it came from.
    public var templates: [String: ThemeFile]
    /// Files under `assets/`, by path relative to the theme ("assets/style.css").
    public var assets: [String: ThemeFile]
    /// Every template, compiled.
    public var library: TemplateSet
    /// Language code → interface text, from `strings/<code>.yml`.
    public var strings: [String: [String: String]] = [:]

    /// The interface text for `language`, with English filling any gaps.
    public func interfaceStrings(for language: String) -> InterfaceStrings {
        let english = strings["en"] ?? [:]
        let own = strings[language] ?? [:]
        let missing = language == "en" ? [] : english.keys.filter { own[$0] == nil }.sorted()
        return InterfaceStrings(language: language, values: english.merging(own) { _, translated in translated }, missing: missing)
    }

    public struct ThemeFile: Sendable, Equatable {
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
        var parsed: [String: [TemplateNode]] = [:]
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
                do throws(TemplateSyntaxError) {
                    parsed[name] = try TemplateParser.parse(themeFile.text)
                } catch {
                    diagnostics.append(.error(at: SourceLocation(file: themeFile.file, line: error.line, column: error.column),
                                              "template syntax error: \(error.message)", expected: error.expected))
                }
            }
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return Theme(templates: templates, assets: assets, library: TemplateSet(templates: parsed), strings: strings)
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
