import Foundation
import PortraitCore

/// What open preview pages are told: reload after a good build, or show the errors of a bad one.
public enum PreviewState: Sendable, Equatable {
    case built(version: Int)
    case failed(version: Int, diagnostics: [Diagnostic])

    var message: String {
        switch self {
        case .built(let version):
            return #"{"type":"reload","version":\#(version)}"#
        case .failed(let version, let diagnostics):
            let items = diagnostics.filter { $0.severity == .error }.map(DiagnosticReport.object)
            let object: [String: Any] = ["type": "error", "version": version, "errors": items]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Fans the latest preview state out to every connected page.
public actor LiveReloadHub {
    private var state: PreviewState = .built(version: 0)
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    public init() {}

    public func publish(_ newState: PreviewState) {
        state = newState
        for listener in listeners.values { listener.yield(newState.message) }
    }

    public var current: PreviewState { state }

    public var currentVersion: Int {
        switch state {
        case .built(let version), .failed(let version, _): return version
        }
    }

    /// A stream that starts with the current state, so a page opened during an error shows it at once.
    public func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.yield(state.message)
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    private func remove(_ id: UUID) { listeners[id] = nil }
}
