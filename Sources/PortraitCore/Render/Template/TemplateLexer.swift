/// A template problem, at a 1-based line and column of the template file.
struct TemplateSyntaxError: Error, Equatable {
    var message: String
    var line: Int
    var column: Int
    var expected: String?
}

/// Splits a template into lines of text and tags. A tag belongs to the line it starts on, even when
/// (like a long comment) it runs over several; whether a line holds a tag alone decides Mustache's
/// "standalone" whitespace rules, which the builder applies.
struct TemplateLexer {
    struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `&`, `{` (a triple mustache), or nil for a plain variable.
        var sigil: UInt8?
        var name: String
        var line: Int
        var column: Int
        var nameColumn: Int
    }

    enum Item {
        case text([UInt8])
        case tag(Tag)
    }

    struct Line {
        var items: [Item]
        /// False only for a last line without a newline.
        var endsWithNewline: Bool
    }

    static func lines(_ source: String) throws(TemplateSyntaxError) -> [Line] {
        let bytes = Array(source.utf8)
        var lines: [Line] = []
        var items: [Item] = []
        var text: [UInt8] = []
        var index = 0
        var line = 1
        var lineStart = 0
        func flushText() {
            if !text.isEmpty { items.append(.text(text)) }
            text = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                flushText()
                lines.append(Line(items: items, endsWithNewline: true))
                items = []
                index += 1
                line += 1
                lineStart = index
                continue
            }
            guard byte == 0x7B, index + 1 < bytes.count, bytes[index + 1] == 0x7B else {
                text.append(byte)
                index += 1
                continue
            }
            flushText()
            let tagLine = line, column = index - lineStart + 1
            let triple = index + 2 < bytes.count && bytes[index + 2] == 0x7B
            var bodyStart = index + (triple ? 3 : 2)
            var sigil: UInt8? = triple ? 0x7B : nil
            if !triple, bodyStart < bytes.count, Self.sigils.contains(bytes[bodyStart]) {
                sigil = bytes[bodyStart]
                bodyStart += 1
            }
            let closing: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
            guard let bodyEnd = Self.find(closing, in: bytes, from: bodyStart) else {
                throw TemplateSyntaxError(message: "a tag is not closed with \(triple ? "}}}" : "}}")",
                                          line: tagLine, column: column, expected: triple ? "{{{name}}}" : "{{name}}")
            }
            for offset in bodyStart..<bodyEnd where bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            var nameStart = bodyStart
            while nameStart < bodyEnd, Self.isSpace(bytes[nameStart]) { nameStart += 1 }
            var nameEnd = bodyEnd
            while nameEnd > nameStart, Self.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            let nameColumn = tagLine == line ? nameStart - lineStart + 1 : column
            let tag = Tag(sigil: sigil, name: name, line: tagLine, column: column, nameColumn: nameColumn)
            try Self.checkName(tag)
            items.append(.tag(tag))
            index = bodyEnd + closing.count
        }
        flushText()
        if !items.isEmpty { lines.append(Line(items: items, endsWithNewline: false)) }
        return lines
    }

    private static let sigils: Set<UInt8> = Set("#^/!><$&=%".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index + 1] == needle[1] && (needle.count == 2 || bytes[index + 2] == needle[2]) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-?()".utf8)

    private static func checkName(_ tag: Tag) throws(TemplateSyntaxError) {
        switch tag.sigil {
        case UInt8(ascii: "!"): return
        case UInt8(ascii: "="):
            throw TemplateSyntaxError(message: "changing delimiters is not supported", line: tag.line, column: tag.column,
                                      expected: "{{ and }}")
        case UInt8(ascii: "%"):
            throw TemplateSyntaxError(message: "pragmas ({{%…}}) are not supported", line: tag.line, column: tag.column)
        default: break
        }
        let partial = tag.sigil == UInt8(ascii: ">") || tag.sigil == UInt8(ascii: "<")
        guard !tag.name.isEmpty else {
            throw TemplateSyntaxError(message: "a tag has no name", line: tag.line, column: tag.column, expected: "{{name}}")
        }
        for byte in tag.name.utf8 where !nameCharacters.contains(byte) && !(partial && byte == UInt8(ascii: "/")) {
            throw TemplateSyntaxError(
                message: "\"\(tag.name)\" is not a name a tag can hold", line: tag.line, column: tag.nameColumn,
                expected: partial ? "letters, digits, and . - _ /" : "letters, digits, and . - _ ?")
        }
    }
}
