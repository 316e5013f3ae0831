import Foundation

/// Machine-readable forms of diagnostics, for CI systems.
public enum DiagnosticReport {
    /// A JSON array of objects with severity, file, line, column, message, expected and suggestion.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let objects = diagnostics.map(object)
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One diagnostic as JSON-ready values; the preview overlay reads the same shape.
    public static func object(_ diagnostic: Diagnostic) -> [String: Any] {
        var object: [String: Any] = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message,
                                     "text": diagnostic.description]
        if let location = diagnostic.location {
            object["file"] = location.file
            object["line"] = location.line
            object["column"] = location.column
        }
        if let expected = diagnostic.expected { object["expected"] = expected }
        if let suggestion = diagnostic.suggestion { object["suggestion"] = suggestion }
        return object
    }

    /// GitHub Actions workflow commands, which show up as annotations on the changed lines.
    public static func githubAnnotations(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            var properties: [String] = []
            if let location = diagnostic.location {
                properties += ["file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
            }
            var message = diagnostic.message
            if let suggestion = diagnostic.suggestion { message += " — \(suggestion)" }
            let command = diagnostic.severity == .error ? "error" : "warning"
            let head = properties.isEmpty ? "::\(command)" : "::\(command) \(properties.joined(separator: ","))"
            return "\(head)::\(escapeData(message))"
        }.joined(separator: "\n")
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
