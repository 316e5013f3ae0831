/// Decodes `portrait.yml`.
enum ConfigDecoder {
    static let keys = [
        "district", "title", "vision", "base_url", "language", "allow_raw_html", "last_reviewed",
        "grade_spans", "rubric_levels", "key_elements", "contact", "theme", "case", "reading_level_target", "languages",
    ]

    static func decode(_ root: YAMLNode?, file: String, log: DiagnosticLog) -> PortraitConfig? {
        guard let root else {
            log.add(.error(at: SourceLocation(file: file, line: 1, column: 1), "portrait.yml is empty",
                           expected: "district:, title:, vision:, base_url:, grade_spans: and rubric_levels:"))
            return nil
        }
        guard let reader = YAMLMappingReader(root, file: file, what: "portrait.yml", keys: keys, log: log) else {
            return nil
        }
        let spans = (reader.list("grade_spans", required: true) ?? []).compactMap { gradeSpan($0, reader, log) }
        let levels = (reader.list("rubric_levels", required: true) ?? []).compactMap { rubricLevel($0, reader, log) }
        let elements = (reader.list("key_elements") ?? []).compactMap { node -> KeyElement? in
            guard let item = YAMLMappingReader(node, file: file, what: "key element", keys: ["title", "description"], log: log),
                  let title = item.string("title", required: true),
                  let description = item.string("description", required: true) else { return nil }
            return KeyElement(title: title, description: description)
        }
        var contact = Contact()
        if let item = reader.mapping("contact", what: "contact", keys: ["name", "email", "phone", "address", "url"]) {
            contact = Contact(name: item.string("name"), email: item.string("email"), phone: item.string("phone"),
                              address: item.string("address"), url: item.string("url"))
        }
        var theme = ThemeColors()
        if let item = reader.mapping("theme", what: "theme", keys: ThemeColors.keys) {
            func color(_ key: String, _ path: WritableKeyPath<ThemeColors, String>) {
                guard let node = item.value(key), let value = item.text(node, key: key) else { return }
                theme.locations[key] = item.location(of: node)
                guard CSSColor.isHex(value) else {
                    log.add(.error(at: item.location(of: node), "\(key) \"\(value)\" is not a hex colour",
                                   expected: "\(key): \"#174a7c\" (quoted, six hex digits)"))
                    return
                }
                theme[keyPath: path] = value.lowercased()
            }
            color("brand", \.brand); color("brand_text", \.brandText); color("text", \.text)
            color("background", \.background); color("link", \.link); color("focus", \.focus)
        }
        var caseSettings = CASESettings()
        if let item = reader.mapping("case", what: "case", keys: ["version", "adoption_status", "license"]) {
            caseSettings.version = item.string("version")
            caseSettings.adoptionStatus = item.string("adoption_status")
            if let license = item.mapping("license", what: "license", keys: ["title", "url"]) {
                caseSettings.licenseTitle = license.string("title", required: true)
                caseSettings.licenseURL = license.string("url", required: true)
            }
        }
        let district = reader.string("district", required: true)
        let title = reader.string("title", required: true)
        let vision = reader.string("vision", required: true)
        let baseURL = reader.string("base_url", required: true)
        let language = reader.string("language") ?? "en"
        guard let district, let title, let vision, let baseURL else { return nil }
        var config = PortraitConfig(
            file: file, district: district, title: title, vision: vision, baseURL: baseURL,
            baseURLLocation: reader.value("base_url").map { reader.location(of: $0) }, language: language,
            gradeSpans: spans, rubricLevels: levels, keyElements: elements, contact: contact,
            allowRawHTML: reader.bool("allow_raw_html") ?? false,
            lastReviewed: reader.date("last_reviewed"), theme: theme, caseSettings: caseSettings)
        if let target = reader.int("reading_level_target") { config.readingLevelTarget = target }
        let declared = reader.stringList("languages")
        config.languages = [language] + declared.filter { $0 != language }
        for code in declared where !LanguageCode.isValid(code) {
            log.add(.error(at: reader.keyLocation("languages"), "language \"\(code)\" is not a language code",
                           expected: "codes such as en, es, vi, zh-hant"))
        }
        return config
    }

    private static func gradeSpan(_ node: YAMLNode, _ parent: YAMLMappingReader, _ log: DiagnosticLog) -> GradeSpan? {
        guard let item = YAMLMappingReader(node, file: parent.file, what: "grade span", keys: ["id", "label", "grades"], log: log) else {
            return nil
        }
        let id = item.string("id", required: true)
        let label = item.string("label", required: true)
        let grades = item.stringList("grades", required: true)
        guard let id, let label else { return nil }
        return GradeSpan(id: id, label: label, grades: grades, location: item.location)
    }

    private static func rubricLevel(_ node: YAMLNode, _ parent: YAMLMappingReader, _ log: DiagnosticLog) -> RubricLevel? {
        guard let item = YAMLMappingReader(node, file: parent.file, what: "rubric level", keys: ["id", "label", "description"], log: log) else {
            return nil
        }
        let id = item.string("id", required: true)
        let label = item.string("label", required: true)
        guard let id, let label else { return nil }
        return RubricLevel(id: id, label: label, description: item.string("description") ?? "")
    }
}

/// Language codes become folder names and URL segments, so only BCP 47-like codes are accepted.
enum LanguageCode {
    static func isValid(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.count <= 3 && parts[0].count >= 2 && parts[0].count <= 3
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }
}

/// Decodes `content/<code>/portrait.yml`: only the text a reader sees can be translated there.
enum ConfigOverlayDecoder {
    static let keys = ["district", "title", "vision", "grade_spans", "rubric_levels", "key_elements", "contact"]

    static func decode(_ root: YAMLNode?, file: String, log: DiagnosticLog) -> ConfigOverlay {
        var overlay = ConfigOverlay()
        guard let root, let reader = YAMLMappingReader(root, file: file, what: "translated portrait.yml", keys: keys, log: log) else {
            return overlay
        }
        overlay.district = reader.string("district")
        overlay.title = reader.string("title")
        overlay.vision = reader.string("vision")
        for pair in reader.entries("grade_spans") ?? [] {
            if let label = reader.text(pair.value, key: pair.keyText) { overlay.spanLabels[pair.keyText] = label }
        }
        for pair in reader.entries("rubric_levels") ?? [] {
            guard let level = YAMLMappingReader(pair.value, file: file, what: "rubric level \"\(pair.keyText)\"",
                                                keys: ["label", "description"], log: log) else { continue }
            overlay.levelLabels[pair.keyText] = level.string("label")
            overlay.levelDescriptions[pair.keyText] = level.string("description")
        }
        if let items = reader.list("key_elements") {
            overlay.keyElements = items.compactMap { node in
                guard let item = YAMLMappingReader(node, file: file, what: "key element", keys: ["title", "description"], log: log),
                      let title = item.string("title", required: true),
                      let description = item.string("description", required: true) else { return nil }
                return KeyElement(title: title, description: description)
            }
        }
        if let item = reader.mapping("contact", what: "contact", keys: ["name", "email", "phone", "address", "url"]) {
            overlay.contact = Contact(name: item.string("name"), email: item.string("email"), phone: item.string("phone"),
                                      address: item.string("address"), url: item.string("url"))
        }
        return overlay
    }
}
