import FlyingFox
import Foundation

/// Serves the preview folder. Paths are decoded (twice, to catch "%252e%252e") and any ".." segment,
/// backslash or NUL is refused with 404, and the resolved file must still be inside the folder, so no
/// request can read outside the site. HTML gets the live-reload script before </body>, with the
/// build version current when the page was read, so a page that was read just before a newer build
/// was announced, and connects just after, still reloads.
struct SiteFileHandler: HTTPHandler {
    let root: URL
    let liveScriptPath: String
    var version: @Sendable () async -> Int = { 0 }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        // Asked before the file is read: the file is then at least as new as the version it claims.
        let version = await self.version()
        guard let file = Self.resolve(rawPath: request.target.path(percentEncoded: true), in: root) else {
            return notFound(version: version)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound(version: version) }
        let type = Self.contentType(for: file.pathExtension)
        let body = type.hasPrefix("text/html") ? inject(data, version: version) : data
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: body)
    }

    private func notFound(version: Int) -> HTTPResponse {
        let page = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data("Not found".utf8)
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: inject(page, version: version))
    }

    private func inject(_ data: Data, version: Int) -> Data {
        let html = String(decoding: data, as: UTF8.self)
        let tag = "<script src=\"\(liveScriptPath)\" data-version=\"\(version)\"></script>"
        guard let range = html.range(of: "</body>", options: .backwards) else { return Data((html + tag).utf8) }
        return Data(html.replacingCharacters(in: range, with: tag + "</body>").utf8)
    }

    static func resolve(rawPath: String, in root: URL) -> URL? {
        var path = rawPath
        for _ in 0..<3 {
            guard let decoded = path.removingPercentEncoding else { return nil }
            if decoded == path { break }
            path = decoded
        }
        guard path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        var file = root
        for segment in segments { file.appendPathComponent(String(segment)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file.appendPathComponent("index.html")
        }
        let rootPath = root.resolvingSymlinksInPath().path
        let resolved = file.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(rootPath + "/"), FileManager.default.fileExists(atPath: resolved) else { return nil }
        return URL(fileURLWithPath: resolved)
    }

    static func contentType(for fileExtension: String) -> String {
        switch fileExtension {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "": return "application/json"  // CASE API paths have no extension
        default: return "application/octet-stream"
        }
    }
}
