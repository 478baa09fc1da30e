import FlyingFox
import Foundation
import Newsroom

/// The script every served page carries: it waits for the next build and reloads, and shows
/// the last build's errors over the page when it failed. Its wait names the page, so a rebuild
/// can put the open pages in place first.
enum LiveReload {
    static func inject(into html: Data, status: PreviewServer.Status) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        let script = self.script(status)
        if let close = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: script, at: close.lowerBound)
        } else {
            text += script
        }
        return Data(text.utf8)
    }

    static func script(_ status: PreviewServer.Status) -> String {
        """
        <script data-newsroom-live-reload>
        (function () {
          var build = \(status.build), error = \(jsonString(status.error));
          if (error) {
            var box = document.createElement("pre");
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#7a0000;color:#fff;font:14px/1.4 monospace;z-index:99999;white-space:pre-wrap";
            box.textContent = "Build failed; showing the last good output.\\n\\n" + error;
            document.body.appendChild(box);
          }
          function wait() {
            fetch("/__newsroom/wait?build=" + build + "&page=" + encodeURIComponent(location.pathname), {cache: "no-store"})
              .then(function (r) { return r.json(); })
              .then(function (s) { if (s.build !== build) { location.reload(); } else { wait(); } })
              .catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();
        </script>

        """
    }

    static func statusResponse(_ status: PreviewServer.Status) -> HTTPResponse {
        let body = "{\"build\":\(status.build),\"error\":\(jsonString(status.error))}"
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: Data(body.utf8))
    }

    static func jsonString(_ text: String?) -> String {
        text.map { JSONText.quoted($0) } ?? "null"
    }
}
