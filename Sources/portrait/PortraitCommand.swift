import ArgumentParser
import Foundation
import PortraitCore
import PortraitPreview

@main
struct Portrait: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portrait",
        abstract: "Publishes a school district's Portrait of a Learner as a static website.",
        subcommands: [Build.self, Check.self, Serve.self, Initialize.self, New.self])
}

/// Options every command that reads a Portrait shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder with portrait.yml, competencies and pages.")
    var content = "content"

    @Option(help: "A folder of templates that replace the default theme's files of the same name. Default: ./templates if it exists.")
    var templates: String?

    @Option(help: "Override base_url from portrait.yml, e.g. for a staging host.")
    var baseURL: String?

    func buildOptions(output: String, force: Bool = false) -> BuildOptions {
        let templatesPath = templates ?? (FileManager.default.fileExists(atPath: "templates") ? "templates" : nil)
        return BuildOptions(
            content: URL(fileURLWithPath: content), contentDisplay: content,
            templates: templatesPath.map { URL(fileURLWithPath: $0) }, templatesDisplay: templatesPath,
            output: URL(fileURLWithPath: output), baseURL: baseURL, force: force)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site.")
    var output = "site"

    @Flag(help: "Replace a non-empty output folder that portrait did not create.")
    var force = false

    func run() throws {
        do throws(BuildFailure) {
            let report = try BuildPipeline.build(site.buildOptions(output: output, force: force))
            DiagnosticPrinter().print(report.warnings)
            print(String(format: "Built %d pages (%d files) into %@ in %.0f ms.", report.pages, report.files, output, report.seconds * 1000))
        } catch {
            DiagnosticPrinter().print(error.diagnostics)
            let count = error.errors.count
            FileHandle.standardError.write(Data("Build failed with \(count) error\(count == 1 ? "" : "s"); nothing was written.\n".utf8))
            throw ExitCode.failure
        }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, github
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every validation without writing a site.")

    @OptionGroup var site: SiteOptions

    @Option(help: "human, json (for CI) or github (workflow annotations).")
    var format: ReportFormat = .human

    func run() throws {
        let report = BuildPipeline.check(site.buildOptions(output: "site"))
        let diagnostics = report.diagnostics
        switch format {
        case .human:
            DiagnosticPrinter().print(diagnostics)
            if !report.readability.isEmpty {
                print("Reading level (Flesch–Kincaid grade):")
                for score in report.readability {
                    print(String(format: "  %5.1f  %@ (%@)", score.grade, score.title, score.file))
                }
            }
            for language in report.translations {
                print("Translation \(language.language): \(language.translated) of \(language.total) files (\(language.percent)%)"
                      + (language.missing.isEmpty ? "" : "; not yet translated: \(language.missing.joined(separator: ", "))"))
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            print(errors == 0 ? "No errors in \(report.pages) pages; \(warnings) warning\(warnings == 1 ? "" : "s")."
                              : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
        case .json: print(DiagnosticReport.json(diagnostics))
        case .github: if !diagnostics.isEmpty { print(DiagnosticReport.githubAnnotations(diagnostics)) }
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

struct Initialize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Start a new Portrait in a folder: config, a competency and an FAQ.")

    @Argument(help: "The folder to create the Portrait in.")
    var directory = "."

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        do {
            let files = try Scaffold.initialize(at: url)
            for file in files { print("  created \(directory == "." ? file : "\(directory)/\(file)")") }
            print("Next: cd \(directory) && portrait serve")
        } catch let failure as Scaffold.Failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add something to the Portrait.", subcommands: [NewCompetency.self])
}

struct NewCompetency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "competency", abstract: "Add a competency with every grade span stubbed as TODOs.")

    @Argument(help: "The competency's name, e.g. \"Global citizenship\".")
    var name: String

    @Option(help: "The folder with portrait.yml.")
    var content = "content"

    func run() throws {
        do {
            let config = try ContentLoader(root: URL(fileURLWithPath: content), displayRoot: content).loadConfig()
            let file = try Scaffold.newCompetency(named: name, config: config, content: URL(fileURLWithPath: content))
            print("Created \(content)/competencies/\(file.lastPathComponent) with \(config.gradeSpans.count) grade spans to fill in.")
            print("Run \"portrait check\" to list what is still TODO.")
        } catch let failure as BuildFailure {
            DiagnosticPrinter().print(failure.diagnostics)
            throw ExitCode.failure
        } catch let failure as Scaffold.Failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on this computer, and rebuild and reload open pages whenever a file is saved.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on. Anything other than 127.0.0.1 exposes the preview to the network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: UInt16 = 4000

    func run() async throws {
        let preview = FileManager.default.temporaryDirectory.appendingPathComponent("portrait-preview-\(getpid())")
        try? FileManager.default.removeItem(at: preview)
        let options = site.buildOptions(output: preview.path)
        var watch = [options.content]
        if let templates = options.templates { watch.append(templates) }
        let server = PreviewServer(
            settings: .init(build: options, host: host, port: port, watch: watch),
            log: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) })
        StopSignal.install { try? FileManager.default.removeItem(at: preview) }
        try await server.run()
    }
}

/// Ctrl-C (or a service manager's TERM) stops the preview cleanly: the temporary site is removed
/// and the process exits with status 0.
enum StopSignal {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(cleanup: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                cleanup()
                FileHandle.standardOutput.write(Data("Stopped.\n".utf8))
                exit(0)
            }
            source.resume()
            sources.append(source)
        }
    }
}
