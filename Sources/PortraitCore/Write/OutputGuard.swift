import Foundation

/// Refuses output folders where replacing the folder would destroy something the user cares about.
public enum OutputGuard {
    public static func check(_ options: BuildOptions) throws(BuildFailure) {
        let output = canonical(options.output)
        func refuse(_ message: String, _ suggestion: String) throws(BuildFailure) -> Never {
            throw BuildFailure([.error(at: nil, "refusing to write the site to \(options.output.path): \(message)",
                                       suggestion: suggestion)])
        }
        let home = canonical(FileManager.default.homeDirectoryForCurrentUser)
        if output == "/" || output == home {
            try refuse("it is \(output == "/" ? "the root folder" : "your home folder")", "choose a folder such as ./site")
        }
        for (name, source) in [("content", options.content), ("templates", options.templates)] {
            guard let source else { continue }
            let path = canonical(source)
            if output == path || path.hasPrefix(output + "/") {
                try refuse("it would replace the \(name) folder", "choose a separate folder such as ./site")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { try refuse("it is a file", "choose a folder") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(SiteWriter.markerFile) && !options.force {
            try refuse("the folder has files that portrait did not write",
                       "choose an empty folder, or pass --force to replace it")
        }
    }

    static func canonical(_ url: URL) -> String {
        var path = url.standardizedFileURL.resolvingSymlinksInPath().path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
