import Foundation
import Testing

/// Runs the built `portrait` binary the way an editor would, checking exit codes and what is printed.
@Suite struct CommandLineTests {
    static let binary = Fixtures.repository.appendingPathComponent(".build/debug/portrait")

    func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    @Test func buildPrintsSummaryAndSucceeds() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let result = try run(["build"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Built 23 pages ("))
        #expect(result.output.contains(" files) into site in ") && result.output.hasSuffix(" ms.\n"))
    }

    @Test func badInputExitsNonZeroWithCaretUnderTheColumn() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let file = scratch.path("content/competencies/speaking.md")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "    look_fors:", with: "    lookfors:")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let result = try run(["build"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.errors.contains("""
        content/competencies/speaking.md:11:5: unknown key "lookfors" in grade span "k-2" — did you mean "look_fors"?
         11 |     lookfors: [Students take turns.]
            |     ^
           expected: one of: definition, i_can, look_fors, evidence, reflection, rubric
        """))
        #expect(result.errors.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("site").path))
    }

    @Test func checkOffersJSONAndGitHubAnnotations() throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        scratch.write("content/competencies/extra.md", "---\ntitle: Extra\n---\n")
        let json = try run(["check", "--format", "json"], in: scratch.url)
        #expect(json.status == 1)
        let items = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]] ?? []
        #expect(items.first?["file"] as? String == "content/competencies/extra.md")
        #expect(items.first?["line"] as? Int == 2)
        let github = try run(["check", "--format", "github"], in: scratch.url)
        #expect(github.output.hasPrefix("::error file=content/competencies/extra.md,line=2,col=1::missing required field"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("site").path))
    }
}
