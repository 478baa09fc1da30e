import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A WebSub hub stand-in on 127.0.0.1: it keeps the body of every POST it gets and answers 204
/// (or 500 while `failing`). It serves from a thread of its own with blocking sockets, so it
/// answers even while every worker of the test process is busy building.
final class HubStub: Sendable {
    let port: UInt16
    private let listener: Int32
    private let bodies = Mutex<[String]>([])
    private let failingNow = Mutex(false)

    var url: String { "http://127.0.0.1:\(port)/hub" }
    var received: [String] { bodies.withLock { $0 } }
    func failing(_ value: Bool) { failingNow.withLock { $0 = value } }

    init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard descriptor >= 0, bound == 0, named == 0, listen(descriptor, 16) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "the hub stub cannot listen: errno \(errno)"])
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let body = Self.readRequestBody(connection)
            bodies.withLock { $0.append(body) }
            let status = failingNow.withLock { $0 } ? "500 Internal Server Error" : "204 No Content"
            let answer = "HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = answer.withCString { send(connection, $0, strlen($0), 0) }
            close(connection)
        }
    }

    /// Reads the headers, then as many body bytes as `Content-Length` says.
    private static func readRequestBody(_ connection: Int32) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        func bodyIfComplete() -> String? {
            guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
            let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let body = data[end.upperBound...]
            return body.count >= length ? String(decoding: body.prefix(length), as: UTF8.self) : nil
        }
        while true {
            if let body = bodyIfComplete() { return body }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return String(decoding: data, as: UTF8.self) }
            data.append(contentsOf: buffer[..<count])
        }
    }
}
