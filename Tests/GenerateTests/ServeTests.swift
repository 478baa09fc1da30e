import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import NewsroomServer
import Synchronization
import Testing
@testable import Newsroom

/// Issue 7: `generate serve` over real loopback HTTP.
@Suite(.serialized) struct ServeTests {
    struct Response {
        var status: Int
        var type: String
        var location: String
        var body: String
    }

    /// A plain HTTP/1.1 GET over a socket, so the path is sent exactly as written.
    static func get(_ port: UInt16, _ path: String, timeout: Double = 30) throws -> Response {
        let task = Process()
        task.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
        import socket,sys
        s=socket.create_connection(("127.0.0.1",\(port)),timeout=\(timeout))
        s.sendall(b"GET \(path) HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n")
        data=b""
        while True:
            chunk=s.recv(65536)
            if not chunk: break
            data+=chunk
        sys.stdout.buffer.write(data)
        """
        task.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        task.standardOutput = pipe
        try task.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        task.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        func header(_ name: String) -> String {
            lines.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }.map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return Response(status: status, type: header("Content-Type"), location: header("Location"), body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func withServer(_ body: (TestSite, UInt16, PreviewServer) async throws -> Void) async throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let server = PreviewServer(options: site.options(), port: 0) { _ in }
        let port = try await server.start()
        do {
            try await body(site, port, server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func servesPagesWithTypesCleanURLsAnd404() async throws {
        try await withServer { _, port, _ in
            let home = try Self.get(port, "/")
            #expect(home.status == 200)
            #expect(home.type == "text/html; charset=utf-8")
            #expect(home.body.contains("<h1>Test News</h1>"))
            #expect(home.body.contains("data-newsroom-live-reload"))
            #expect(try Self.get(port, "/news/").status == 200)
            let folder = try Self.get(port, "/news")
            #expect(folder.status == 301 && folder.location == "/news/")
            #expect(try Self.get(port, "/assets/style.css").type == "text/css; charset=utf-8")
            #expect(try Self.get(port, "/images/logo.svg").type == "image/svg+xml")
            #expect(try Self.get(port, "/news/feed.xml").type == "application/rss+xml; charset=utf-8")
            let missing = try Self.get(port, "/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.body.contains("<h1>Not found</h1>"))
        }
    }

    @Test func verboseLinesTellTheTimePerStage() async throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let lines = Mutex<[String]>([])
        let server = PreviewServer(options: site.options(), port: 0) { line in lines.withLock { $0.append(line) } }
        server.verbose = true
        _ = try await server.start()
        await server.stop()
        let first = try #require(lines.withLock { $0.first })
        #expect(first.hasPrefix("first build: "))
        #expect(first.contains("[load ") && first.contains(" ms, plan ") && first.contains("write "))
    }

    @Test func refusesPathTraversal() async throws {
        try await withServer { site, port, _ in
            try "secret".write(to: site.root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/news/..%2f..%2fsecret.txt", "/%2E%2E%5Csecret.txt"] {
                let response = try Self.get(port, path)
                #expect(response.status == 400 || response.status == 404, "\(path)")
                #expect(!response.body.contains("secret"), "\(path)")
            }
        }
    }

    /// The about page with a new title and body.
    static let editedAbout = """
    -- site/content/pages/about.md --
    ---
    title: About us, edited
    menu: 1
    ---
    Edited.
    """

    @Test func editsRebuildAndSignalReload() async throws {
        try await withServer { site, port, server in
            let before = server.currentStatus.build
            async let waited = Task.detached { try Self.get(port, "/__newsroom/wait?build=\(before)") }.value
            try await Task.sleep(nanoseconds: 400_000_000)
            try site.write(Self.editedAbout)
            let signal = try await waited
            #expect(signal.body == "{\"build\":\(before + 1),\"error\":null}")
            #expect(try Self.get(port, "/about/").body.contains("About us, edited"))

            try site.write("""
            -- site/content/news/2023-06-01-broken.md --
            ---
            title: Broken
            date: not a date
            ---
            """)
            var status = server.currentStatus
            for _ in 0..<50 where status.error == nil {
                try await Task.sleep(nanoseconds: 100_000_000)
                status = server.currentStatus
            }
            #expect(status.error?.hasPrefix("site/content/news/2023-06-01-broken.md:3:7: error: 'date' is not a date") == true)
            let page = try Self.get(port, "/about/")
            #expect(page.body.contains("About us, edited"))
            #expect(page.body.contains("Build failed; showing the last good output."))
            #expect(page.body.contains("2023-06-01-broken.md:3:7"))
        }
    }

    /// A hidden file (an editor's or Foundation's temporary file, before it is renamed into
    /// place) is skipped by every listing, so writing one starts no build.
    @Test func hiddenFilesStartNoBuild() async throws {
        try await withServer { site, port, server in
            let before = server.currentStatus.build
            try "draft".write(to: site.themes.appendingPathComponent("minimal/layouts/.item.mustache.swp"), atomically: false, encoding: .utf8)
            try site.write("""
            -- site/content/news/.2023-06-02-hidden.md --
            ---
            title: Hidden
            ---
            """)
            try await Task.sleep(nanoseconds: 500_000_000)
            #expect(server.currentStatus.build == before)
            async let waited = Task.detached { try Self.get(port, "/__newsroom/wait?build=\(before)") }.value
            try await Task.sleep(nanoseconds: 100_000_000)
            try site.write(Self.editedAbout)
            #expect(try await waited.body == "{\"build\":\(before + 1),\"error\":null}")
        }
    }

    /// A page's wait names it; after a layout edit that page is put in place first, the reload
    /// is signalled once, and every page served after it has the new layout.
    @Test func theOpenPageGoesFirstAndNoPageIsServedStale() async throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        var options = site.options()
        options.secondPassFrom = 1
        let lines = Mutex<[String]>([])
        let server = PreviewServer(options: options, port: 0) { line in lines.withLock { $0.append(line) } }
        let port = try await server.start()
        do {
            try await openPageFirst(site, port: port, server: server, lines: lines)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func openPageFirst(_ site: TestSite, port: UInt16, server: PreviewServer, lines: borrowing Mutex<[String]>) async throws {
        let before = server.currentStatus.build
        #expect(try Self.get(port, "/news/2023/03/first/").body.contains("/__newsroom/wait?build=\" + build + \"&page=\" + encodeURIComponent(location.pathname)"))
        async let waited = Task.detached { try Self.get(port, "/__newsroom/wait?build=\(before)&page=%2Fnews%2F2023%2F03%2Ffirst%2F") }.value
        try await Task.sleep(nanoseconds: 400_000_000)
        let layout = site.themes.appendingPathComponent("minimal/layouts/item.mustache")
        try (String(contentsOf: layout, encoding: .utf8) + "<p>new layout</p>\n").write(to: layout, atomically: true, encoding: .utf8)
        #expect(try await waited.body == "{\"build\":\(before + 1),\"error\":null}")
        for path in ["/news/2023/03/first/", "/news/2023/04/second/"] {
            #expect(try Self.get(port, path).body.contains("<p>new layout</p>"), "\(path)")
        }
        // The line comes once the state is saved, after the pages were served.
        var rebuilt = ""
        for _ in 0..<100 where !rebuilt.hasPrefix("changed item.mustache") {
            try await Task.sleep(nanoseconds: 50_000_000)
            rebuilt = lines.withLock { $0.last } ?? ""
        }
        #expect(rebuilt.contains(", the open pages in ") && rebuilt.hasSuffix("(1 followed)"), "\(rebuilt)")
        // The second pass put the rest in place without telling the pages to reload again.
        #expect(server.currentStatus.build == before + 1)
    }

    @Test func aPageHeldBackIsServedOnceReleased() async throws {
        let pending = PendingPages()
        pending.hold(["news/a/index.html"])
        await pending.ready("news/b/index.html")
        let served = Mutex(false)
        let waiting = Task {
            await pending.ready("news/a/index.html")
            served.withLock { $0 = true }
        }
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(!served.withLock { $0 })
        pending.release()
        await waiting.value
        #expect(served.withLock { $0 })
    }
}
