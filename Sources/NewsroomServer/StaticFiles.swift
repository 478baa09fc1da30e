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

    func response(for requestPath: String, status: PreviewServer.Status) -> HTTPResponse {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") }) || decoded.contains("\0") {
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("bad path\n".utf8))
        }
        let relative = segments.joined(separator: "/")
        guard let base = Optional(root.standardizedFileURL.resolvingSymlinksInPath()) else {
            return notFound(status)
        }
        var file = base.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return notFound(status) }
        if isDirectory.boolValue {
            if !requestPath.hasSuffix("/") {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: requestPath + "/"] as HTTPHeaders)
            }
            file = file.appendingPathComponent("index.html")
        }
        let resolved = file.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(base.path + "/"), let data = FileManager.default.contents(atPath: resolved) else {
            return notFound(status)
        }
        return page(data, path: resolved, code: .ok, status: status)
    }

    private func notFound(_ status: PreviewServer.Status) -> HTTPResponse {
        let page = root.appendingPathComponent("404.html")
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
