import Foundation
import Testing
@testable import PortraitCore

@Suite struct ExportTests {
    @Test func uuidVersion5MatchesRFC4122Vectors() {
        #expect(NameBasedUUID.make(namespace: NameBasedUUID.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameBasedUUID.make(name: "http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e")
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    func package(_ edit: (inout String) -> Void = { _ in }, rename: String? = nil) throws -> [String: Any] {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let file = scratch.path("content/competencies/speaking.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        edit(&text)
        try text.write(to: file, atomically: false, encoding: .utf8)
        if let rename {
            try FileManager.default.moveItem(at: file, to: scratch.path("content/competencies/\(rename).md"))
            let about = scratch.path("content/pages/about.md")
            try String(contentsOf: about, encoding: .utf8).replacingOccurrences(of: "speaking.md", with: "\(rename).md")
                .write(to: about, atomically: false, encoding: .utf8)
        }
        let site = try BuildPipeline.render(.relative(to: scratch))
        let bytes = CASEPackage(content: site.content, urls: SiteURLs(baseURL: site.content.config.baseURL)).files()[0].materialized[0].bytes
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func competencyID(_ package: [String: Any], title: String) -> String? {
        (package["CFItems"] as? [[String: Any]])?.first { $0["abbreviatedStatement"] as? String == title }?["identifier"] as? String
    }

    @Test func renamingATitleKeepsTheIdentifierAndMovingTheSlugChangesIt() throws {
        let original = try package()
        let retitled = try package { $0 = $0.replacingOccurrences(of: "title: Speaking", with: "title: Public speaking") }
        let moved = try package(rename: "public-speaking")
        let id = try #require(competencyID(original, title: "Speaking"))
        #expect(competencyID(retitled, title: "Public speaking") == id)
        #expect(competencyID(moved, title: "Speaking") != id)
        #expect(competencyID(moved, title: "Speaking") != nil)
    }

    @Test func lastChangeComesFromContentNotTheClock() throws {
        let dated = try package { $0 = $0.replacingOccurrences(of: "order: 1\n", with: "order: 1\nlast_reviewed: 2025-03-04\n") }
        let item = (dated["CFItems"] as? [[String: Any]])?.first { $0["abbreviatedStatement"] as? String == "Speaking" }
        #expect(item?["lastChangeDateTime"] as? String == "2025-03-04T00:00:00+00:00")
    }
}

@Suite struct JSONTextTests {
    @Test func parsesBackToTheSameValueWithSortedKeys() throws {
        let value: JSONValue = ["b": [1, "two", true, JSONValue.null] as JSONValue, "a": ["z": "quote \" slash / tab \t <&>", "y": JSONValue.object([:])] as JSONValue,
                                "c": "é ☑ \u{1}", "d": JSONValue.array([])]
        let expected: NSDictionary = ["b": [1, "two", true, NSNull()], "a": ["z": "quote \" slash / tab \t <&>", "y": [String: Any]()],
                                      "c": "é ☑ \u{1}", "d": [Any]()]
        let text = String(decoding: JSONText.pretty(value), as: UTF8.self)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        #expect(parsed?.isEqual(to: expected as! [AnyHashable: Any]) == true)
        #expect(text.hasPrefix("{\n  \"a\" : {\n    \"y\" : {},\n    \"z\" : "))
        #expect(text.contains("\"c\" : \"é ☑ \\u0001\""))
        #expect(text.contains("tab \\t \\u003c\\u0026\\u003e"))
        #expect(text.hasSuffix("  \"d\" : []\n}\n"))
        let compact = String(decoding: JSONText.compact(value), as: UTF8.self)
        #expect(compact.hasPrefix("{\"a\":{\"y\":{},\"z\":"))
        #expect(!compact.dropLast().contains("\n"))
        #expect((try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary)?.isEqual(to: expected as! [AnyHashable: Any]) == true)
    }

    /// Arrays made while writing come out exactly like the same arrays made beforehand.
    @Test func generatedArraysWriteLikeArrays() {
        let groups: [[JSONValue]] = [["a", 1], [], [["k": "v"]]]
        let generated = JSONValue.generated(groups: groups.count) { groups[$0] }
        let plain = JSONValue.array(groups.flatMap { $0 })
        #expect(JSONText.pretty(["x": generated]) == JSONText.pretty(["x": plain]))
        #expect(JSONText.compact(generated) == JSONText.compact(plain))
        #expect(JSONText.compact(.generated(groups: 2) { _ in [] }) == Array("[]\n".utf8))
    }
}
