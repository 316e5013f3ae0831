import Foundation
import Testing
@testable import PortraitCore

/// Each folder under Fixtures/invalid is laid over the valid basic site. Its expected.txt lists, line by
/// line, the exact errors the build must report. The build must fail and leave the previous site untouched.
@Suite struct InvalidFixtureTests {
    @Test(arguments: Fixtures.invalidCases())
    func reportsExactErrorsAndKeepsPreviousSite(_ name: String) throws {
        let scratch = ScratchDirectory()
        scratch.copy(Fixtures.basic.appendingPathComponent("content"), to: "content")
        let good = try BuildPipeline.build(.relative(to: scratch))
        #expect(good.pages > 0)
        let before = snapshot(of: scratch.path("site"))

        let overlay = Fixtures.invalid.appendingPathComponent(name)
        try FileManager.default.removeItem(at: scratch.path("content"))
        scratch.copy(Fixtures.basic, to: "case", overlay: overlay)
        try FileManager.default.moveItem(at: scratch.path("case/content"), to: scratch.path("content"))
        let hasTemplates = FileManager.default.fileExists(atPath: scratch.path("case/templates").path)
        if hasTemplates { try FileManager.default.moveItem(at: scratch.path("case/templates"), to: scratch.path("templates")) }

        let expected = try String(contentsOf: overlay.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let failure = buildFailure(.relative(to: scratch, templates: hasTemplates))
        #expect(failure?.errors.map(\.description) == expected, "\(name)")
        #expect(snapshot(of: scratch.path("site")) == before, "\(name): the previous site changed")

        // The command a communications officer runs says the same and exits non-zero.
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["build"] + (hasTemplates ? ["--templates", "templates"] : [])
        process.currentDirectoryURL = scratch.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(name)")
        #expect(printed.contains(expected.first ?? "?"), "\(name)")
        #expect(snapshot(of: scratch.path("site")) == before, "\(name): the previous site changed")
    }

    @Test func everyCaseHasExpectations() {
        #expect(Fixtures.invalidCases().count >= 30)
        for name in Fixtures.invalidCases() {
            let file = Fixtures.invalid.appendingPathComponent("\(name)/expected.txt")
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(name) has no expected.txt")
        }
    }
}
