import Glibc

/// Renders compiled templates straight into a byte buffer. Each page walks a tree made once per
/// theme, looks names up in typed dictionaries and escapes text byte by byte, so the cost of a page
/// is close to the cost of copying its bytes.
public struct TemplateSet: Sendable {
    let templates: [String: [TemplateNode]]

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Whether rendering `name` could look up a value through `segment`: some tag in it, in a partial
    /// or parent it uses, or in a block a child fills, names `segment` in any part of its name. Every
    /// way into a value names it, so a template that does not mention a key cannot show it.
    func mentions(_ segment: String, from name: String) -> Bool {
        var seen: Set<String> = [name]
        var pending = templates[name].map { [$0] } ?? []
        while let nodes = pending.popLast() {
            for node in nodes {
                switch node {
                case .text:
                    continue
                case .variable(let tagName, _):
                    if tagName.segments.contains(segment) { return true }
                case .section(let tagName, let body, _):
                    if tagName.segments.contains(segment) { return true }
                    pending.append(body)
                case .partial(let partial, _, let overrides):
                    pending += overrides.map { Array($0.values) } ?? []
                    if seen.insert(partial).inserted, let nodes = templates[partial] { pending.append(nodes) }
                case .block(_, let body, _):
                    pending.append(body)
                }
            }
        }
        return false
    }

    /// Nil when there is no template of that name.
    public func render(_ name: String, _ context: TemplateValue) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var state = RenderState(templates: templates, stack: [context])
        state.output.reserveCapacity(16_384)
        state.render(nodes)
        return state.output
    }
}

private struct RenderState {
    let templates: [String: [TemplateNode]]
    var stack: [TemplateValue]
    var output: [UInt8] = []
    /// Where the innermost list section is, for `first()`, `last()` and the like.
    var position: (index: Int, count: Int)?
    var indentation: [UInt8] = []
    var overrides: [String: [TemplateNode]] = [:]

    init(templates: [String: [TemplateNode]], stack: [TemplateValue]) {
        self.templates = templates
        self.stack = stack
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                writeText(bytes)
            case .variable(let name, let escaped):
                guard let text = lookUp(name)?.printed, !text.isEmpty else { continue }
                writeValue(text, escaped: escaped)
            case .section(let name, let body, let inverted):
                renderSection(lookUp(name), body: body, inverted: inverted)
            case .partial(let name, let indentation, let blockOverrides):
                guard let partial = templates[name] else { continue }
                let saved = (position, self.indentation, overrides)
                position = nil
                if let indentation { self.indentation += indentation }
                if let blockOverrides {
                    // The outermost template's override wins, as in the Mustache inheritance spec.
                    overrides.merge(blockOverrides) { outer, _ in outer }
                }
                render(partial)
                (position, self.indentation, overrides) = saved
            case .block(let name, let defaultBody, let indentation):
                let saved = (position, self.indentation)
                position = nil
                self.indentation += indentation
                render(overrides[name] ?? defaultBody)
                (position, self.indentation) = saved
            }
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, body: [TemplateNode], inverted: Bool) {
        switch value {
        case .list(let items)?:
            if inverted {
                if items.isEmpty { render(body) }
                return
            }
            let saved = position
            for (index, item) in items.enumerated() {
                stack.append(item)
                position = (index, items.count)
                render(body)
                stack.removeLast()
            }
            position = saved
        case .bool(let flag)?:
            if flag != inverted { render(body) }
        case .some(let value):
            guard !inverted else { return }
            let saved = position
            stack.append(value)
            position = nil
            render(body)
            stack.removeLast()
            position = saved
        case nil:
            if inverted { render(body) }
        }
    }

    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        if let kind = name.position {
            guard let position else { return nil }
            switch kind {
            case .first: return .bool(position.index == 0)
            case .last: return .bool(position.index == position.count - 1)
            case .index: return .number(position.index)
            case .even: return .bool(position.index % 2 == 0)
            case .odd: return .bool(position.index % 2 == 1)
            }
        }
        guard let first = name.segments.first else { return stack.last }
        var found: TemplateValue?
        if name.innermostOnly {
            found = stack.last?[first]
        } else {
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let values) = stack[level], let child = values[first] {
                    found = child
                    break
                }
                level -= 1
            }
        }
        for segment in name.segments.dropFirst() {
            guard let value = found else { return nil }
            found = value[segment]
        }
        return found
    }

    // MARK: Writing

    private mutating func writeText(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        // Every line a template writes inside an indented partial starts with the indentation.
        guard !bytes.isEmpty else { return }
        if output.last == 0x0A { output.append(contentsOf: indentation) }
        bytes.withUnsafeBufferPointer { text in
            var start = 0
            while start < text.count {
                guard let found = memchr(text.baseAddress! + start, 0x0A, text.count - start) else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
                    return
                }
                let newline = text.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...newline]))
                if newline < text.count - 1 { output.append(contentsOf: indentation) }
                start = newline + 1
            }
        }
    }

    private mutating func writeValue(_ text: String, escaped: Bool) {
        if !indentation.isEmpty, output.last == 0x0A { output.append(contentsOf: indentation) }
        if !escaped {
            output.append(contentsOf: text.utf8)
        } else if let done = text.utf8.withContiguousStorageIfAvailable({ HTMLEscaping.append($0, to: &output) }) {
            _ = done
        } else {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
        }
    }
}
