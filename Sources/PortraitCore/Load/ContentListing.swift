import Foundation

/// Which files in the content folder are competencies, pages and static files. Hidden files are skipped,
/// and symbolic links that lead outside the folder are refused so a build never publishes other files.
struct ContentListing {
    private(set) var competencyFiles: [String] = []
    private(set) var pageFiles: [String] = []
    private(set) var staticFiles: [String] = []
    private var topLevel: Set<String> = []

    /// Files at the top that have a fixed meaning, and folders that belong to other stages.
    static let specialFiles: Set<String> = ["portrait.yml", "index.md", "faq.md"]

    /// `languageFolders` are translation trees (content/es/…), read separately.
    init(root: URL, displayRoot: String, log: DiagnosticLog, languageFolders: Set<String> = []) {
        let rootPath = root.resolvingSymlinksInPath().path
        for path in Self.walk(root, prefix: "") where !languageFolders.contains(String(path.prefix { $0 != "/" })) || !path.contains("/") {
            let url = root.appendingPathComponent(path)
            let resolved = url.resolvingSymlinksInPath().path
            if resolved != rootPath && !resolved.hasPrefix(rootPath + "/") {
                log.add(.error(at: SourceLocation(file: "\(displayRoot)/\(path)", line: 1, column: 1),
                               "this link points outside the content folder",
                               suggestion: "copy the file into the content folder instead of linking to it"))
                continue
            }
            let parts = path.split(separator: "/")
            if parts.count == 1 { topLevel.insert(path) }
            let isMarkdown = path.hasSuffix(".md")
            switch (parts.count, parts.first) {
            case (2, "competencies") where isMarkdown: competencyFiles.append(path)
            case (1, _) where isMarkdown && !Self.specialFiles.contains(path): pageFiles.append(path)
            case (2, "pages") where isMarkdown: pageFiles.append(path)
            case (1, _) where Self.specialFiles.contains(path): break
            default:
                if isMarkdown {
                    log.add(.warning(at: SourceLocation(file: "\(displayRoot)/\(path)", line: 1, column: 1),
                                     "this Markdown file is not in a folder the site reads, so it is not published",
                                     expected: "competencies/<name>.md, pages/<name>.md or <name>.md"))
                } else if !path.hasSuffix(".yml") {
                    staticFiles.append(path)
                }
            }
        }
    }

    func contains(_ topLevelFile: String) -> Bool { topLevel.contains(topLevelFile) }

    /// Sorted, so every build sees files in the same order whatever the file system returns.
    private static func walk(_ directory: URL, prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = prefix.isEmpty ? name : "\(prefix)/\(name)"
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
            if isDirectory.boolValue && !isLink {
                result.append(contentsOf: walk(url, prefix: path))
            } else {
                result.append(path)
            }
        }
        return result
    }
}
