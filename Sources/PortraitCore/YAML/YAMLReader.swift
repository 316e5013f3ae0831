/// Collects diagnostics while a model is decoded from YAML, so one run reports every problem.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public func add(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads one YAML mapping field by field: rejects keys it was not told about, with a suggestion,
/// and reports wrong types and missing fields at the place they occur.
public struct YAMLMappingReader {
    public let file: String
    public let node: YAMLNode
    let log: DiagnosticLog
    private let pairs: [String: YAMLPair]
    /// Known keys that an unknown key was probably meant to be; their absence is already explained.
    private let misspelt: Set<String>

    /// `what` names the block in messages, e.g. "grade span".
    public init?(_ node: YAMLNode, file: String, what: String, keys: [String], log: DiagnosticLog) {
        self.file = file
        self.node = node
        self.log = log
        guard case .mapping(let list) = node.kind else {
            log.add(.error(
                at: SourceLocation(file: file, line: node.line, column: node.column),
                "\(what) should be a set of keys, found \(node.typeName)",
                expected: "keys such as \(keys.prefix(3).map { "\($0):" }.joined(separator: ", "))"))
            return nil
        }
        var byName: [String: YAMLPair] = [:]
        var misspelt = Set<String>()
        for pair in list {
            let name = pair.keyText
            if keys.contains(name) {
                byName[name] = pair
            } else {
                let nearest = Suggestion.nearest(to: name, in: keys)
                if let nearest { misspelt.insert(nearest) }
                log.add(.error(
                    at: SourceLocation(file: file, line: pair.key.line, column: pair.key.column),
                    "unknown key \"\(name)\" in \(what)",
                    expected: "one of: \(keys.joined(separator: ", "))",
                    suggestion: nearest.map { "did you mean \"\($0)\"?" }))
            }
        }
        self.pairs = byName
        self.misspelt = misspelt
    }

    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    public var location: SourceLocation { location(of: node) }

    public func has(_ key: String) -> Bool { pairs[key].map { !$0.value.isNull } ?? false }

    public func keyLocation(_ key: String) -> SourceLocation? { pairs[key].map { location(of: $0.key) } }

    /// The value node, or nil (with an error if `required`) when the key is absent or empty.
    public func value(_ key: String, required: Bool = false, expected: String? = nil) -> YAMLNode? {
        guard let pair = pairs[key], !pair.value.isNull else {
            if required && !misspelt.contains(key) {
                let at = pairs[key].map { location(of: $0.value) } ?? location
                log.add(.error(at: at, "missing required field \"\(key)\"", expected: expected.map { "\(key): \($0)" }))
            }
            return nil
        }
        return pair.value
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required, expected: "some text") else { return nil }
        return text(node, key: key)
    }

    public func text(_ node: YAMLNode, key: String) -> String? {
        guard case .scalar(let text, _) = node.kind else {
            wrongType(node, key: key, expected: "text")
            return nil
        }
        return text
    }

    /// A calendar date written YYYY-MM-DD, as exports need it.
    public func date(_ key: String) -> String? {
        guard let node = value(key), let text = text(node, key: key) else { return nil }
        let parts = text.split(separator: "-")
        let valid = parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) } && (1...12).contains(Int(parts[1]) ?? 0)
            && (1...31).contains(Int(parts[2]) ?? 0)
        guard valid else {
            log.add(.error(at: location(of: node), "\"\(key)\" should be a date written YYYY-MM-DD, found \"\(text)\"",
                           expected: "\(key): 2026-09-15"))
            return nil
        }
        return text
    }

    public func int(_ key: String, required: Bool = false) -> Int? {
        guard let node = value(key, required: required, expected: "a whole number") else { return nil }
        guard case .scalar(let text, plain: true) = node.kind, let number = Int(text) else {
            wrongType(node, key: key, expected: "a whole number, without quotes")
            return nil
        }
        return number
    }

    public func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let text, plain: true) = node.kind, let flag = YAMLScalar.bool(text) else {
            wrongType(node, key: key, expected: "true or false, without quotes")
            return nil
        }
        return flag
    }

    public func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let node = value(key, required: required, expected: "a list of \"- \" items") else { return nil }
        guard case .sequence(let items) = node.kind else {
            wrongType(node, key: key, expected: "a list, one \"- \" item per line")
            return nil
        }
        return items
    }

    public func stringList(_ key: String, required: Bool = false) -> [String] {
        guard let items = list(key, required: required) else { return [] }
        if required && items.isEmpty {
            log.add(.error(at: location(of: pairs[key]!.value), "\"\(key)\" needs at least one item"))
        }
        return items.compactMap { text($0, key: key) }
    }

    public func mapping(_ key: String, what: String, keys: [String], required: Bool = false) -> YAMLMappingReader? {
        guard let node = value(key, required: required, expected: "a set of keys") else { return nil }
        return YAMLMappingReader(node, file: file, what: what, keys: keys, log: log)
    }

    /// For maps whose keys are data (grade span ids, rubric level ids) rather than a fixed vocabulary.
    public func entries(_ key: String, required: Bool = false) -> [YAMLPair]? {
        guard let node = value(key, required: required, expected: "a set of keys") else { return nil }
        guard case .mapping(let list) = node.kind else {
            wrongType(node, key: key, expected: "a set of keys")
            return nil
        }
        return list
    }

    public func wrongType(_ node: YAMLNode, key: String, expected: String) {
        log.add(.error(
            at: location(of: node),
            "\"\(key)\" should be \(expected), found \(node.typeName)",
            expected: "\(key): \(expected)"))
    }
}
