/// Splits a Markdown file into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    public var yaml: String?
    /// Line in the file where the YAML starts (1-based), for offsetting YAML marks.
    public var yamlFirstLine: Int
    public var body: String
    public var bodyFirstLine: Int

    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        guard text.hasPrefix("---\n") || text == "---" else {
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 1..<lines.count where lines[index] == "---" || lines[index] == "..." {
            return FrontMatter(
                yaml: lines[1..<index].joined(separator: "\n"),
                yamlFirstLine: 2,
                body: lines[(index + 1)...].joined(separator: "\n"),
                bodyFirstLine: index + 2)
        }
        throw .error(
            at: SourceLocation(file: file, line: 1, column: 1),
            "front matter starts with \"---\" but is never closed",
            expected: "a line with only \"---\" after the front matter",
            suggestion: "add a \"---\" line before the text of the page")
    }
}
