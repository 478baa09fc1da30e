import FlyingFox
import Foundation

/// Serves the output folder: `/news/` is `news/index.html`, a missing path gets `404.html`,
/// nothing outside the folder is ever read, and HTML pages get the live-reload script.
struct StaticFiles: Sendable {
    let root: URL

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "json": "application/json", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "ico": "image/x-icon", "woff2": "font/woff2", "pdf": "application/pdf",
    ]

    /// What a request path names in the output folder.
    enum Target: Equatable {
        /// A file, by its path relative to the output folder.
        case file(String)
        /// A folder asked for without its trailing slash.
        case folder
        case missing
        /// A path that tries to leave the folder.
        case refused
    }

    func target(of requestPath: String) -> Target {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") }) || decoded.contains("\0") {
            return .refused
        }
        let base = root.standardizedFileURL.resolvingSymlinksInPath()
        var relative = segments.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.appendingPathComponent(relative).path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue {
            guard requestPath.hasSuffix("/") else { return .folder }
            relative = relative.isEmpty ? "index.html" : relative + "/index.html"
        }
        return .file(relative)
    }

    func response(for requestPath: String, status: PreviewServer.Status) -> HTTPResponse {
        switch target(of: requestPath) {
        case .refused:
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("bad path\n".utf8))
        case .folder:
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: requestPath + "/"] as HTTPHeaders)
        case .missing:
            return notFound(status)
        case .file(let relative):
            let base = root.standardizedFileURL.resolvingSymlinksInPath()
            let resolved = base.appendingPathComponent(relative).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(base.path + "/"), let data = FileManager.default.contents(atPath: resolved) else {
                return notFound(status)
            }
            return page(data, path: resolved, code: .ok, status: status)
        }
    }

    /// What a missing path is answered with.
    static let notFoundPage = "404.html"

    private func notFound(_ status: PreviewServer.Status) -> HTTPResponse {
        let page = root.appendingPathComponent(Self.notFoundPage)
        let data = FileManager.default.contents(atPath: page.path) ?? Data("<!DOCTYPE html><title>Not found</title><h1>Not found</h1>\n".utf8)
        return self.page(data, path: page.path, code: .notFound, status: status)
    }

    private func page(_ data: Data, path: String, code: HTTPStatusCode, status: PreviewServer.Status) -> HTTPResponse {
        let ext = (path as NSString).pathExtension.lowercased()
        var type = Self.types[ext] ?? "application/octet-stream"
        if path.hasSuffix("feed.xml") { type = "application/rss+xml; charset=utf-8" }
        var body = data
        if ext == "html" { body = LiveReload.inject(into: data, status: status) }
        return HTTPResponse(statusCode: code, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }
}
