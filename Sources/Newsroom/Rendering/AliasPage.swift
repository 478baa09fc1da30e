import NewsroomMustache
import NewsroomText

/// A tiny redirect page left at an old URL (`aliases`): works from disk and on a server.
/// The script goes first so a reader who opened `old/#section` lands on `new/#section` (a meta
/// refresh drops the fragment); the refresh and the link remain for readers without scripts.
enum AliasPage {
    static func file(at file: String, target: String, linker: Linker) -> OutputFile {
        let path = linker.relative(from: file, to: target)
        let relative = HTMLEscaping.escaped(path)
        let canonical = HTMLEscaping.escaped(linker.absolute(target))
        return .text(file, """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Moved</title>
        <script>location.replace(\(JSONText.quoted(path)) + location.hash)</script>
        <link rel="canonical" href="\(canonical)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(relative)">
        </head>
        <body>
        <p>This page has moved to <a href="\(relative)">\(canonical)</a>.</p>
        </body>
        </html>

        """)
    }
}
