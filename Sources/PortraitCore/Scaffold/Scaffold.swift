import Foundation

/// `portrait init` and `portrait new competency`: starting files that build at once, so nobody has
/// to copy a Portrait by hand.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case badName(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; choose another name or folder"
            case .badName(let name): return "\"\(name)\" has no letters or digits to make a file name from"
            }
        }
    }

    /// Writes a working Portrait into `directory`: config, home page, one competency and an FAQ.
    /// Returns the files written, relative to `directory`.
    @discardableResult
    public static func initialize(at directory: URL) throws -> [String] {
        let content = directory.appendingPathComponent("content")
        if FileManager.default.fileExists(atPath: content.appendingPathComponent("portrait.yml").path) {
            throw Failure.exists(content.appendingPathComponent("portrait.yml").path)
        }
        let files: [(String, String)] = [
            ("content/portrait.yml", StarterFiles.config),
            ("content/index.md", StarterFiles.home),
            ("content/faq.md", StarterFiles.faq),
            ("content/competencies/communication.md", StarterFiles.competency),
        ]
        var written = files
        // The built site and the previous build kept beside it are outputs, never sources.
        if !FileManager.default.fileExists(atPath: directory.appendingPathComponent(".gitignore").path) {
            written.append((".gitignore", "site/\n.site.previous/\n"))
        }
        for (path, text) in written {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return written.map(\.0)
    }

    /// Adds `competencies/<slug>.md` with a section for every grade span and a line for every rubric
    /// level, each a TODO that `portrait check` reports until it is written.
    public static func newCompetency(named name: String, config: PortraitConfig, content: URL) throws -> URL {
        let slug = Slug.make(name)
        guard !slug.isEmpty else { throw Failure.badName(name) }
        let file = content.appendingPathComponent("competencies/\(slug).md")
        if FileManager.default.fileExists(atPath: file.path) { throw Failure.exists(file.path) }
        var lines = [
            "---", "title: \(yamlQuoted(name))", "order: 99", "summary: \"TODO: one sentence on what this competency means\"",
            "headline: \"TODO: I am …\"", "color: \"#174a7c\"", "spans:",
        ]
        for span in config.gradeSpans {
            lines += [
                "  \(span.id):  # \(span.label)",
                "    definition: \"TODO: what \(name.lowercased()) looks like in \(span.label)\"",
                "    i_can:", "      - \"TODO: I can …\"",
                "    look_fors:", "      - \"TODO: what an observer sees in class\"",
                "    evidence:", "      - \"TODO: work that shows growth\"",
                "    rubric:",
            ]
            lines += config.rubricLevels.map { "      \($0.id): \"TODO: \($0.label.lowercased()) looks like …\"" }
        }
        lines += ["---", "TODO: the story of this competency, for families.", ""]
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
