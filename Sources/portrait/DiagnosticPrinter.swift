import Foundation
import PortraitCore

/// Prints diagnostics for a person at a terminal: the one-line message, the source line with a caret
/// under the column, then what was expected.
struct DiagnosticPrinter {
    var useColor = isatty(STDERR_FILENO) == 1

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { FileHandle.standardError.write(Data(format(diagnostic).utf8)) }
    }

    func format(_ diagnostic: Diagnostic) -> String {
        let color = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
        var text = useColor ? "\(color)\(diagnostic.description)\u{1B}[0m\n" : "\(diagnostic.description)\n"
        if let location = diagnostic.location, let line = sourceLine(location) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let caretOffset = line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += " \(number) | \(line)\n \(gutter) | \(caretOffset)^\n"
        }
        if let expected = diagnostic.expected {
            let lines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            text += "   expected: \(lines.joined(separator: "\n             "))\n"
        }
        return text
    }

    private func sourceLine(_ location: SourceLocation) -> String? {
        guard let text = try? String(contentsOfFile: location.file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        return String(lines[location.line - 1]).replacingOccurrences(of: "\r", with: "")
    }
}
