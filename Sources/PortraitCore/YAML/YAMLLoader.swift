import CLibYAML

/// Reads YAML text into a `YAMLNode` tree through libyaml's event parser.
public struct YAMLLoader {
    public var file: String
    /// Added to every line, for YAML that starts part-way into a file (front matter).
    public var lineOffset: Int
    public var maximumDepth = 64
    /// A bound on nodes produced by aliases, so a "billion laughs" document fails fast in little memory.
    public var maximumAliasWeight = 10_000

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Returns nil for an empty document.
    public func load(_ text: String) throws(Diagnostic) -> YAMLNode? {
        try rejectTabIndentation(text)
        var bytes = Array(text.utf8)
        bytes.append(0)
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                try parse(buffer.baseAddress!, count: buffer.count - 1)
            }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error(at: location(line: 0, column: 0), "\(error)")
        }
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1 + lineOffset, column: column + 1)
    }

    private func rejectTabIndentation(_ text: String) throws(Diagnostic) {
        guard text.utf8.contains(0x09) else { return }
        var line = 0
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = row.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t"), indent.count < row.count {
                throw .error(
                    at: location(line: line, column: row.distance(from: row.startIndex, to: tab)),
                    "a tab is used for indentation",
                    expected: "spaces to indent nested keys and list items",
                    suggestion: "replace the tab with spaces")
            }
            line += 1
        }
    }

    private enum Frame {
        case sequence([YAMLNode], line: Int, column: Int, anchor: String?)
        case mapping([YAMLPair], pendingKey: YAMLNode?, line: Int, column: Int, anchor: String?)
    }

    private func parse(_ input: UnsafePointer<UInt8>, count: Int) throws -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Diagnostic.error(at: location(line: 0, column: 0), "could not start the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, input, count)

        var stack: [Frame] = []
        var anchors: [String: YAMLNode] = [:]
        var aliasWeight = 0
        var root: YAMLNode?
        var documents = 0

        func attach(_ node: YAMLNode) throws {
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(var items, let line, let column, let anchor):
                items.append(node)
                stack.append(.sequence(items, line: line, column: column, anchor: anchor))
            case .mapping(var pairs, let pendingKey, let line, let column, let anchor):
                if let key = pendingKey {
                    let pair = YAMLPair(key: key, value: node)
                    if let first = pairs.first(where: { $0.keyText == pair.keyText }), case .scalar = key.kind {
                        throw Diagnostic.error(
                            at: SourceLocation(file: file, line: key.line, column: key.column),
                            "key \"\(pair.keyText)\" appears twice in the same block",
                            suggestion: "the first is on line \(first.key.line); keep one of them")
                    }
                    pairs.append(pair)
                    stack.append(.mapping(pairs, pendingKey: nil, line: line, column: column, anchor: anchor))
                } else {
                    stack.append(.mapping(pairs, pendingKey: node, line: line, column: column, anchor: anchor))
                }
            }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw syntaxError(parser)
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let line = Int(mark.line) + 1 + lineOffset
            let column = Int(mark.column) + 1

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Diagnostic.error(
                        at: SourceLocation(file: file, line: line, column: column),
                        "a second YAML document starts here",
                        suggestion: "remove the extra \"---\" line")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let node = YAMLNode(
                    kind: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil),
                    line: line, column: column, weight: 1)
                if let anchor = string(scalar.anchor) { anchors[anchor] = node }
                try attach(node)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                guard var node = anchors[name] else {
                    throw Diagnostic.error(
                        at: SourceLocation(file: file, line: line, column: column),
                        "alias *\(name) refers to an anchor that is not defined before it, or to itself",
                        expected: "an &\(name) anchor earlier in the file")
                }
                aliasWeight += node.weight
                if aliasWeight > maximumAliasWeight {
                    throw Diagnostic.error(
                        at: SourceLocation(file: file, line: line, column: column),
                        "aliases expand to more than \(maximumAliasWeight) values",
                        suggestion: "write the values out instead of repeating aliases")
                }
                node.line = line
                node.column = column
                try attach(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count >= maximumDepth {
                    throw Diagnostic.error(
                        at: SourceLocation(file: file, line: line, column: column),
                        "values are nested more than \(maximumDepth) levels deep")
                }
                if event.type == YAML_SEQUENCE_START_EVENT {
                    stack.append(.sequence([], line: line, column: column, anchor: string(event.data.sequence_start.anchor)))
                } else {
                    stack.append(.mapping([], pendingKey: nil, line: line, column: column, anchor: string(event.data.mapping_start.anchor)))
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let top = stack.popLast() else { break }
                let node: YAMLNode
                let anchor: String?
                switch top {
                case .sequence(let items, let line, let column, let name):
                    node = YAMLNode(kind: .sequence(items), line: line, column: column,
                                    weight: items.reduce(1) { $0 + $1.weight })
                    anchor = name
                case .mapping(let pairs, _, let line, let column, let name):
                    node = YAMLNode(kind: .mapping(pairs), line: line, column: column,
                                    weight: pairs.reduce(1) { $0 + $1.key.weight + $1.value.weight })
                    anchor = name
                }
                if let anchor { anchors[anchor] = node }
                try attach(node)
            default:
                break
            }
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let mark = parser.problem_mark
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) on line \(Int(parser.context_mark.line) + 1 + lineOffset))"
        }
        return .error(
            at: location(line: Int(mark.line), column: Int(mark.column)), message,
            suggestion: YAMLSyntaxHint.hint(for: problem))
    }
}

/// Plain-words advice for libyaml's commonest complaints.
enum YAMLSyntaxHint {
    static func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value that contains \": \" needs quotes around it"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check that this line is indented like the lines around it"
        }
        if problem.contains("found character that cannot start any token") {
            return "values starting with @ or ` need quotes around them"
        }
        if problem.contains("found unexpected end of stream") {
            return "a quote is opened but never closed"
        }
        return nil
    }
}
