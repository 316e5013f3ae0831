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
        // Line by line over the UTF-8 view: the closing line is usually a few lines down a long file.
        let utf8 = text.utf8
        var lineStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
        var lineNumber = 2
        let yamlStart = lineStart
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                return FrontMatter(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1)
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        throw .error(
            at: SourceLocation(file: file, line: 1, column: 1),
            "front matter starts with \"---\" but is never closed",
            expected: "a line with only \"---\" after the front matter",
            suggestion: "add a \"---\" line before the text of the page")
    }
}
