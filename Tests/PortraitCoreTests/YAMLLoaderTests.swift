import Testing
@testable import PortraitCore

@Suite struct YAMLLoaderTests {
    func load(_ text: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLNode? {
        try YAMLLoader(file: "test.yml", lineOffset: lineOffset).load(text)
    }

    @Test func keepsOneBasedLineAndColumnMarks() throws {
        let root = try #require(try load("title: Hello\nspans:\n  k-2:\n    definition: Words\n", lineOffset: 1))
        guard case .mapping(let pairs) = root.kind else { Issue.record("expected a mapping"); return }
        #expect(pairs.map(\.keyText) == ["title", "spans"])
        #expect((pairs[1].key.line, pairs[1].key.column) == (3, 1))
        guard case .mapping(let spans) = pairs[1].value.kind, case .mapping(let detail) = spans[0].value.kind else {
            Issue.record("expected nested mappings"); return
        }
        #expect((detail[0].value.line, detail[0].value.column) == (5, 17))
    }

    @Test func onlyPlainScalarsResolveToNumbersAndBooleans() throws {
        let root = try #require(try load("a: 1\nb: \"1\"\nc: true\nd: 'true'\n"))
        guard case .mapping(let pairs) = root.kind else { return }
        let kinds = pairs.map { pair -> Bool in
            if case .scalar(_, let plain) = pair.value.kind { return plain }
            return false
        }
        #expect(kinds == [true, false, true, false])
        #expect(pairs.map(\.value.typeName) == ["a number", "text", "true/false", "text"])
    }

    @Test func aliasesExpandWithinTheLimit() throws {
        let root = try #require(try load("base: &b [x, y]\ncopy: *b\n"))
        guard case .mapping(let pairs) = root.kind, case .sequence(let items) = pairs[1].value.kind else {
            Issue.record("alias did not expand"); return
        }
        #expect(items.count == 2)
    }

    @Test func rejectsBillionLaughsQuickly() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            text += "\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 10).joined(separator: ", "))]\n"
        }
        #expect(throws: Diagnostic.self) { try load(text) }
        do { _ = try load(text) } catch {
            #expect(error.message == "aliases expand to more than 10000 values")
        }
    }

    @Test func rejectsSelfReferencingAlias() {
        do {
            _ = try load("a: &a [1, *a]\n")
            Issue.record("a self-referencing alias was accepted")
        } catch {
            #expect(error.message.contains("refers to an anchor that is not defined before it, or to itself"))
            #expect(error.location == SourceLocation(file: "test.yml", line: 1, column: 11))
        }
    }

    @Test func rejectsDeepNesting() {
        let text = "deep: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Diagnostic.self) { try load(text) }
    }

    @Test func reportsSyntaxErrorsWithHints() {
        do {
            _ = try load("title: One: two\n")
            Issue.record("invalid YAML was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "test.yml", line: 1, column: 11))
            #expect(error.suggestion == "a value that contains \": \" needs quotes around it")
        }
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try load("# only a comment\n") == nil)
    }

    @Test func sourceTextAcceptsCRLFAndRejectsBOMAndBadUTF8() throws {
        #expect(try SourceText.decode(Array("a: 1\r\nb: 2\r\n".utf8), file: "f") == "a: 1\nb: 2\n")
        #expect(throws: Diagnostic.self) { try SourceText.decode([0xEF, 0xBB, 0xBF, 0x61], file: "f") }
        do {
            _ = try SourceText.decode(Array("ok\nab".utf8) + [0xC3, 0x28] as [UInt8], file: "f")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "f", line: 2, column: 3))
        }
        #expect(throws: Diagnostic.self) { try SourceText.decode(Array(repeating: 0x61, count: SourceText.maximumBytes + 1), file: "f") }
    }

    @Test func suggestionsFindNearKeysOnly() {
        #expect(Suggestion.nearest(to: "lookfors", in: CompetencyDecoder.spanKeys) == "look_fors")
        #expect(Suggestion.nearest(to: "titel", in: ["site", "title"]) == "title")
        #expect(Suggestion.nearest(to: "zebra", in: CompetencyDecoder.spanKeys) == nil)
    }
}

extension YAMLNode: Equatable {
    public static func == (a: YAMLNode, b: YAMLNode) -> Bool { a.line == b.line && a.column == b.column }
}
