import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// Tells a WebSub hub that a feed changed (`hub.mode=publish`), so subscribers hear of it
/// without polling.
enum HubPing {
    enum Outcome: Equatable {
        /// Any 2xx.
        case accepted
        /// The hub answered with another status.
        case refused(String)
        /// No answer at all: the hub is down or out of reach, and so would the next pings be.
        case unreachable(String)
    }

    /// Posts the ping for `feedURL` to `hub`.
    static func send(hub: String, feedURL: String, timeout: TimeInterval = 15) -> Outcome {
        guard let hubURL = URL(string: hub) else { return .unreachable("'\(hub)' is not a URL") }
        var request = URLRequest(url: hubURL, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("hub.mode=publish&hub.url=\(formEncoded(feedURL))".utf8)
        let answer = Mutex<Outcome>(.unreachable("no answer"))
        let done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral)
        let task = session.dataTask(with: request) { _, response, error in
            let outcome: Outcome
            if let error {
                outcome = .unreachable(error.localizedDescription)
            } else if let status = (response as? HTTPURLResponse)?.statusCode {
                outcome = (200..<300).contains(status) ? .accepted : .refused("HTTP \(status)")
            } else {
                outcome = .unreachable("no HTTP response")
            }
            answer.withLock { $0 = outcome }
            done.signal()
        }
        task.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        return answer.withLock { $0 }
    }

    /// `application/x-www-form-urlencoded`: everything but unreserved characters percent-encoded.
    static func formEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
