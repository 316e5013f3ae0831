import Foundation

/// Stage 1: reads the content folder into models, reporting every per-file problem at once.
public struct ContentLoader: Sendable {
    /// The content folder on disk.
    public var root: URL
    /// How the folder is named in messages, usually as the user typed it.
    public var displayRoot: String

    /// Decoded files from earlier builds, reused when a file's bytes are unchanged.
    public var cache: DecodedFileCache?

    public init(root: URL, displayRoot: String? = nil, cache: DecodedFileCache? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot ?? root.path
        self.cache = cache
    }

    public struct Result: Sendable {
        public var content: PortraitContent
        public var warnings: [Diagnostic]
        /// Non-Markdown files to publish as they are, by path relative to the content folder.
        public var staticFiles: [String]
    }

    public func load() throws(BuildFailure) -> Result {
        let log = DiagnosticLog()
        let configFile = display("portrait.yml")
        var config: PortraitConfig?
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("portrait.yml").path) {
            if let text = read("portrait.yml", log: log) {
                do throws(Diagnostic) {
                    config = ConfigDecoder.decode(try YAMLLoader(file: configFile).load(text), file: configFile, log: log)
                } catch { log.add(error) }
            }
        } else {
            log.add(.error(at: SourceLocation(file: configFile, line: 1, column: 1), "portrait.yml is missing",
                           suggestion: "run \"portrait init\" to create a starting Portrait"))
        }

        let otherLanguages = Array((config?.languages ?? []).dropFirst())
        let listing = ContentListing(root: root, displayRoot: displayRoot, log: log, languageFolders: Set(otherLanguages))
        let (competencies, pages, home, faq) = decodeFiles(listing, isTranslation: false, log: log)

        var translations: [Translation] = []
        for language in otherLanguages where FileManager.default.fileExists(atPath: root.appendingPathComponent(language).path) {
            let loader = ContentLoader(root: root.appendingPathComponent(language), displayRoot: display(language), cache: cache)
            translations.append(loader.loadTranslation(language, log: log))
        }
        guard let config, !log.hasErrors else { throw BuildFailure(log.diagnostics) }
        let content = PortraitContent(config: config, home: home, competencies: competencies, faq: faq, pages: pages,
                                      translations: translations)
        return Result(content: content, warnings: log.diagnostics, staticFiles: listing.staticFiles)
    }

    /// Reads `content/<code>/` with the same decoders; every file in it is optional.
    func loadTranslation(_ language: String, log: DiagnosticLog) -> Translation {
        let listing = ContentListing(root: root, displayRoot: displayRoot, log: log)
        var overlay = ConfigOverlay()
        if listing.contains("portrait.yml"), let text = read("portrait.yml", log: log) {
            do throws(Diagnostic) {
                overlay = ConfigOverlayDecoder.decode(try YAMLLoader(file: display("portrait.yml")).load(text),
                                                      file: display("portrait.yml"), log: log)
            } catch { log.add(error) }
        }
        let (competencies, pages, home, faq) = decodeFiles(listing, isTranslation: true, log: log)
        return Translation(
            language: language, overlay: overlay, home: home,
            competencies: Dictionary(competencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }),
            faq: faq, pages: Dictionary(pages.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }),
            root: displayRoot)
    }

    /// Competencies, pages, the home page and the FAQ: the same files in the default language and in a translation.
    private func decodeFiles(_ listing: ContentListing, isTranslation: Bool, log: DiagnosticLog)
        -> (competencies: [Competency], pages: [Page], home: Page?, faq: FAQ?) {
        let competencies = decodeAll(listing.competencyFiles, kind: isTranslation ? "translated competency" : "competency", log: log) { yaml, file, body, path, log in
            CompetencyDecoder.decode(yaml, slug: Self.slug(of: path), file: file, body: body, log: log, isTranslation: isTranslation)
        }
        let pages = decodeAll(listing.pageFiles, kind: "page", log: log) { yaml, file, body, path, log in
            PageDecoder.page(yaml, slug: Self.slug(of: path), file: file, body: body, titleRequired: true, log: log)
        }
        let home = listing.contains("index.md") ? decodeAll(["index.md"], kind: "home", log: log) { yaml, file, body, _, log in
            PageDecoder.page(yaml, slug: "", file: file, body: body, titleRequired: false, log: log)
        }.first : nil
        let faq = listing.contains("faq.md") ? decodeAll(["faq.md"], kind: "faq", log: log) { yaml, file, body, _, log in
            PageDecoder.faq(yaml, file: file, body: body, log: log)
        }.first : nil
        return (competencies, pages, home, faq)
    }

    /// One competency file of the default language, decoded as `load` decodes it (and through the
    /// same cache), with its problems.
    func loadCompetency(_ path: String) -> (Competency?, [Diagnostic]) {
        let log = DiagnosticLog()
        let competency = decodeAll([path], kind: "competency", log: log) { yaml, file, body, path, log in
            CompetencyDecoder.decode(yaml, slug: Self.slug(of: path), file: file, body: body, log: log, isTranslation: false)
        }.first
        return (competency, log.diagnostics)
    }

    /// Only `portrait.yml`, for commands that need the grade spans and levels but not the content.
    public func loadConfig() throws(BuildFailure) -> PortraitConfig {
        let log = DiagnosticLog()
        let file = display("portrait.yml")
        guard let text = read("portrait.yml", log: log) else { throw BuildFailure(log.diagnostics) }
        var config: PortraitConfig?
        do throws(Diagnostic) {
            config = ConfigDecoder.decode(try YAMLLoader(file: file).load(text), file: file, log: log)
        } catch { log.add(error) }
        guard let config, !log.hasErrors else { throw BuildFailure(log.diagnostics) }
        return config
    }

    static func slug(of path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return String(name.dropLast(3))
    }

    private func display(_ path: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? path : "\(displayRoot)/\(path)"
    }

    private func read(_ path: String, log: DiagnosticLog) -> String? {
        guard let bytes = readBytes(path, log: log) else { return nil }
        return decodeText(bytes, path: path, log: log)
    }

    private func readBytes(_ path: String, log: DiagnosticLog) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            log.add(.error(at: SourceLocation(file: display(path), line: 1, column: 1), "cannot read this file"))
            return nil
        }
        return Array(data)
    }

    private func decodeText(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> String? {
        do throws(Diagnostic) {
            return try SourceText.decode(bytes, file: display(path))
        } catch {
            log.add(error)
            return nil
        }
    }

    /// Files are independent, so they are read and decoded in parallel; results keep listing order.
    private func decodeAll<Model: Sendable>(
        _ paths: [String], kind: String, log: DiagnosticLog,
        decode: @escaping @Sendable (YAMLNode?, String, MarkdownSource, String, DiagnosticLog) -> Model?
    ) -> [Model] {
        let cache = self.cache
        let results = ParallelMap.map(paths) { path -> (Model?, [Diagnostic]) in
            let fileLog = DiagnosticLog()
            let key = "\(kind):\(display(path))"
            let stamp = cache == nil ? nil : DecodedFileCache.Stamp(path: root.appendingPathComponent(path).path)
            if let stamp, let cached = cache?.result(for: key, stamp: stamp, as: (Model?, [Diagnostic]).self) { return cached }
            guard let bytes = readBytes(path, log: fileLog) else { return (nil, fileLog.diagnostics) }
            let result = decodeFile(bytes, path: path, log: fileLog, decode: decode)
            if let stamp { cache?.store(result, for: key, stamp: stamp) }
            return result
        }
        var models: [Model] = []
        for (model, diagnostics) in results {
            log.add(contentsOf: diagnostics)
            if let model { models.append(model) }
        }
        return models
    }

    private func decodeFile<Model>(
        _ bytes: [UInt8], path: String, log fileLog: DiagnosticLog,
        decode: (YAMLNode?, String, MarkdownSource, String, DiagnosticLog) -> Model?
    ) -> (Model?, [Diagnostic]) {
        let file = display(path)
        guard let text = decodeText(bytes, path: path, log: fileLog) else { return (nil, fileLog.diagnostics) }
        do throws(Diagnostic) {
            let parts = try FrontMatter.split(text, file: file)
            var yaml: YAMLNode?
            if let frontMatter = parts.yaml {
                yaml = try YAMLLoader(file: file, lineOffset: parts.yamlFirstLine - 1).load(frontMatter)
            }
            let body = MarkdownSource(text: parts.body, file: file, firstLine: parts.bodyFirstLine)
            return (decode(yaml, file, body, path, fileLog), fileLog.diagnostics)
        } catch {
            return (nil, fileLog.diagnostics + [error])
        }
    }
}
