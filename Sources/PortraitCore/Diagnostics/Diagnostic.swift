/// A position in a source file, 1-based, as editors show it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in the input, phrased for the person who edits it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The form the input should take, shown under the source line.
    public var expected: String?
    /// A likely fix, such as the nearest known key.
    public var suggestion: String?

    public init(
        _ severity: Severity = .error, at location: SourceLocation?, _ message: String,
        expected: String? = nil, suggestion: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
    }

    public static func error(
        at location: SourceLocation?, _ message: String, expected: String? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, at: location, message, expected: expected, suggestion: suggestion)
    }

    public static func warning(
        at location: SourceLocation?, _ message: String, expected: String? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, at: location, message, expected: expected, suggestion: suggestion)
    }

    /// `file:line:column: message — did you mean "x"?`, the one-line form used in logs and tests.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        if severity == .warning { text += "warning: " }
        text += message
        if let suggestion { text += " — \(suggestion)" }
        return text
    }
}

/// Thrown when a stage finds errors; carries every diagnostic gathered so far, not only the first.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Stopped on request (a newer save in the preview server), not by a problem.
    public var cancelled = false

    public init(_ diagnostics: [Diagnostic], cancelled: Bool = false) {
        self.diagnostics = diagnostics.sortedForDisplay()
        self.cancelled = cancelled
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
