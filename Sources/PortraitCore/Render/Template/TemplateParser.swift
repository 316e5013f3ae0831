/// Turns template text into a tree of nodes, once per theme load. It follows the Mustache spec and the
/// reference renderer the theme was first written for: a line holding only a section, comment, partial
/// or block tag leaves no trace in the output, and a partial alone on an indented line indents every
/// line it renders.
enum TemplateParser {
    static func parse(_ source: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var builder = TreeBuilder()
        for line in try TemplateLexer.lines(source) { try builder.add(line) }
        return try builder.finish()
    }
}

private struct TreeBuilder {
    enum Kind {
        case root
        case section(TemplateName, inverted: Bool)
        /// `{{<name}}`: holds only block overrides.
        case parent(indentation: [UInt8])
        /// `{{$name}}` directly inside `{{<parent}}`: an override.
        case override
        /// `{{$name}}` anywhere else: a block with default content.
        case block(indentation: [UInt8])
    }

    struct Frame {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
        /// Inside an override, the first line's indentation is taken off every later line.
        var dedent: [UInt8]?

        var isParent: Bool { if case .parent = kind { true } else { false } }
    }

    var frames = [Frame(kind: .root, name: "", line: 1, column: 1)]

    private static let standaloneSigils = Set("#^/!><$".utf8)

    mutating func add(_ line: TemplateLexer.Line) throws(TemplateSyntaxError) {
        var items = line.items
        var indent: [UInt8] = []
        if case .text(let text)? = items.first {
            let count = text.prefix { $0 == 0x20 || $0 == 0x09 }.count
            indent = Array(text[..<count])
            if count == text.count { items.removeFirst() } else { items[0] = .text(Array(text[count...])) }
        }
        indent = takeDedent(from: indent)
        let tags = items.compactMap { item -> TemplateLexer.Tag? in if case .tag(let tag) = item { tag } else { nil } }
        let othersBlank = items.allSatisfy { item in
            if case .text(let text) = item { return text.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            return true
        }
        if tags.count == 1, othersBlank, let sigil = tags[0].sigil, Self.standaloneSigils.contains(sigil) {
            // A standalone tag: its line's whitespace and newline disappear. Partials keep the
            // indentation, which the reference renderer also writes once before the partial.
            let tag = tags[0]
            let indents = sigil == UInt8(ascii: ">") || sigil == UInt8(ascii: "<")
                || (sigil == UInt8(ascii: "$") && !frames[frames.count - 1].isParent)
            if indents { try appendText(indent, at: tag) }
            try handle(tag, indentation: indents ? indent : nil, standalone: true)
            return
        }
        var lineStart = true
        if !indent.isEmpty, let first = tags.first { try appendText(indent, at: first) }
        if !indent.isEmpty, tags.isEmpty { try appendText(indent, at: nil) }
        for item in items {
            switch item {
            case .text(let text):
                try appendText(text, at: nil)
                lineStart = false
            case .tag(let tag):
                try handle(tag, indentation: lineStart ? indent : [], standalone: false)
                lineStart = false
            }
        }
        if line.endsWithNewline { try appendText([0x0A], at: nil) }
    }

    private mutating func takeDedent(from indent: [UInt8]) -> [UInt8] {
        guard let index = frames.lastIndex(where: { if case .override = $0.kind { true } else { $0.isParent } }),
              case .override = frames[index].kind else { return indent }
        guard let dedent = frames[index].dedent else {
            frames[index].dedent = indent
            return []
        }
        return Array(indent.dropFirst(dedent.count))
    }

    private mutating func appendText(_ text: [UInt8], at tag: TemplateLexer.Tag?) throws(TemplateSyntaxError) {
        guard !text.isEmpty else { return }
        let top = frames.count - 1
        if frames[top].isParent {
            // Between a parent's overrides only whitespace is allowed: any other text would vanish.
            guard text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) else {
                throw TemplateSyntaxError(
                    message: "text inside {{<\(frames[top].name)}} … {{/\(frames[top].name)}} is outside any {{$block}} and would never show",
                    line: frames[top].line, column: frames[top].column, expected: "{{$block}} … {{/block}} around it")
            }
            return
        }
        if case .text(let previous)? = frames[top].nodes.last {
            frames[top].nodes[frames[top].nodes.count - 1] = .text(previous + text)
        } else {
            frames[top].nodes.append(.text(text))
        }
    }

    private mutating func append(_ node: TemplateNode, for tag: TemplateLexer.Tag) throws(TemplateSyntaxError) {
        try refuseInsideParent(tag)
        frames[frames.count - 1].nodes.append(node)
    }

    private func refuseInsideParent(_ tag: TemplateLexer.Tag) throws(TemplateSyntaxError) {
        let top = frames[frames.count - 1]
        guard top.isParent else { return }
        throw TemplateSyntaxError(
            message: "inside {{<\(top.name)}} … {{/\(top.name)}} only {{$block}} overrides may appear",
            line: tag.line, column: tag.column, expected: "{{$name}} … {{/name}}")
    }

    private mutating func handle(_ tag: TemplateLexer.Tag, indentation: [UInt8]?, standalone: Bool) throws(TemplateSyntaxError) {
        switch tag.sigil {
        case UInt8(ascii: "!")?:
            return
        case nil, UInt8(ascii: "&")?, UInt8(ascii: "{")?:
            try append(.variable(try Self.name(tag), escaped: tag.sigil == nil), for: tag)
        case UInt8(ascii: "#")?, UInt8(ascii: "^")?:
            try refuseInsideParent(tag)
            frames.append(Frame(kind: .section(try Self.name(tag), inverted: tag.sigil == UInt8(ascii: "^")),
                                name: tag.name, line: tag.line, column: tag.column))
        case UInt8(ascii: ">")?:
            try append(.partial(tag.name, indentation: standalone ? indentation : nil, overrides: nil), for: tag)
        case UInt8(ascii: "<")?:
            try refuseInsideParent(tag)
            frames.append(Frame(kind: .parent(indentation: indentation ?? []), name: tag.name, line: tag.line, column: tag.column))
        case UInt8(ascii: "$")?:
            let kind: Kind = frames[frames.count - 1].isParent ? .override : .block(indentation: indentation ?? [])
            frames.append(Frame(kind: kind, name: tag.name, line: tag.line, column: tag.column))
        case UInt8(ascii: "/")?:
            try close(tag)
        default:
            break
        }
    }

    private mutating func close(_ tag: TemplateLexer.Tag) throws(TemplateSyntaxError) {
        let frame = frames[frames.count - 1]
        if case .root = frame.kind {
            throw TemplateSyntaxError(message: "{{/\(tag.name)}} closes a section that was never opened",
                                      line: tag.line, column: tag.nameColumn, expected: "a matching {{#\(tag.name)}} before it")
        }
        guard frame.name == tag.name else {
            throw TemplateSyntaxError(
                message: "{{\(Self.opening(frame))\(frame.name)}} from line \(frame.line) is still open here; close it with {{/\(frame.name)}} before {{/\(tag.name)}}",
                line: tag.line, column: tag.nameColumn, expected: "{{/\(frame.name)}} first")
        }
        frames.removeLast()
        switch frame.kind {
        case .root: break
        case .section(let name, let inverted):
            try append(.section(name, frame.nodes, inverted: inverted), for: tag)
        case .parent(let indentation):
            try append(.partial(frame.name, indentation: indentation, overrides: frame.overrides), for: tag)
        case .override:
            frames[frames.count - 1].overrides[frame.name] = frame.nodes
        case .block(let indentation):
            try append(.block(frame.name, frame.nodes, indentation: indentation), for: tag)
        }
    }

    mutating func finish() throws(TemplateSyntaxError) -> [TemplateNode] {
        if let open = frames.last, frames.count > 1 {
            throw TemplateSyntaxError(message: "{{\(Self.opening(open))\(open.name)}} is opened but never closed",
                                      line: open.line, column: open.column, expected: "{{/\(open.name)}} after it")
        }
        return frames[0].nodes
    }

    private static func opening(_ frame: Frame) -> String {
        switch frame.kind {
        case .section(_, let inverted): return inverted ? "^" : "#"
        case .parent: return "<"
        case .override, .block: return "$"
        case .root: return ""
        }
    }

    static func name(_ tag: TemplateLexer.Tag) throws(TemplateSyntaxError) -> TemplateName {
        var text = tag.name
        if text == "." { return TemplateName(segments: [], innermostOnly: true, position: nil) }
        if text.hasSuffix("()") {
            guard let position = TemplateName.Position(rawValue: String(text.dropLast(2))) else {
                throw TemplateSyntaxError(message: "\"\(text)\" is not a list position", line: tag.line, column: tag.nameColumn,
                                          expected: "first(), last(), index(), even() or odd()")
            }
            return TemplateName(segments: [], innermostOnly: false, position: position)
        }
        if text.contains("(") || text.contains(")") {
            throw TemplateSyntaxError(message: "\"\(text)\" calls a function; templates only read values",
                                      line: tag.line, column: tag.nameColumn, expected: "a name such as page.title")
        }
        let innermost = text.hasPrefix(".")
        if innermost { text.removeFirst() }
        let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains(where: \.isEmpty) else {
            throw TemplateSyntaxError(message: "\"\(tag.name)\" has an empty part between dots", line: tag.line,
                                      column: tag.nameColumn, expected: "a name such as page.title")
        }
        return TemplateName(segments: segments, innermostOnly: innermost, position: nil)
    }
}
