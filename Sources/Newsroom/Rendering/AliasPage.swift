import NewsroomMustache

/// A tiny redirect page left at an old URL (`aliases`): works from disk and on a server.
enum AliasPage {
    static func file(at file: String, target: String, linker: Linker) -> OutputFile {
        let relative = HTMLEscaping.escaped(linker.relative(from: file, to: target))
        let canonical = HTMLEscaping.escaped(linker.absolute(target))
        return .text(file, """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Moved</title>
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
