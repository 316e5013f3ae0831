import Testing
@testable import PortraitCore

@Suite struct TextSearchTests {
    @Test(arguments: [
        ("a TODO here", "TODO", true), ("TODO", "TODO", true), ("TOD", "TODO", false), ("TOTODO", "TODO", true),
        ("ends with TOD", "TODO", false), ("", "TODO", false), ("anything", "", true), ("café ☑ done", "☑ d", true),
        ("todo", "TODO", false),
    ])
    func findsTextByteForByte(_ text: String, _ needle: String, _ expected: Bool) {
        #expect(text.includes(needle) == expected)
    }
}
