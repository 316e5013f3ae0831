import ArgumentParser
import Foundation
import PortraitCore

@main
struct Portrait: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portrait",
        abstract: "Publishes a school district's Portrait of a Learner as a static website.",
        subcommands: [Build.self, Check.self])
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
        do {
            let report = try BuildPipeline.build(site.buildOptions(output: output, force: force))
            DiagnosticPrinter().print(report.warnings)
            print(String(format: "Built %d pages (%d files) into %@ in %.0f ms.", report.pages, report.files, output, report.seconds * 1000))
        } catch let failure as BuildFailure {
            DiagnosticPrinter().print(failure.diagnostics)
            let count = failure.errors.count
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
        var diagnostics: [Diagnostic]
        var pages = 0
        do {
            let rendered = try BuildPipeline.render(site.buildOptions(output: "site"))
            diagnostics = rendered.warnings
            pages = rendered.graph.pages.count
        } catch let failure as BuildFailure {
            diagnostics = failure.diagnostics
        }
        switch format {
        case .human:
            DiagnosticPrinter().print(diagnostics)
            if !diagnostics.hasErrors { print("No errors in \(pages) pages.") }
        case .json: print(DiagnosticReport.json(diagnostics))
        case .github: if !diagnostics.isEmpty { print(DiagnosticReport.githubAnnotations(diagnostics)) }
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
