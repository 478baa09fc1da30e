/// The page left at a page's old URL, sending the reader on to its new one (kept out of the
/// sitemap and search engines by `noindex`).
enum RedirectPage {
    static func html(to target: String) -> String {
        let escaped = target.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(escaped)">
        <link rel="canonical" href="\(escaped)">
        <title>Moved</title>
        </head>
        <body>
        <p>This page has moved to <a href="\(escaped)">its new address</a>.</p>
        </body>
        </html>

        """
    }
}
