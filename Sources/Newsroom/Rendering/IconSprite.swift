import Foundation
import NewsroomMarkdown
import NewsroomXML

/// The theme's icons, checked, and the inline sprite each page carries with only what it uses.
struct IconSprite: Sendable {
    /// Each icon's `<symbol>` element, as the UTF-8 bytes pages get.
    private var symbols: [String: [UInt8]] = [:]

    var names: Set<String> { Set(symbols.keys) }

    static func load(_ icons: [IconSource], log: inout DiagnosticLog) -> IconSprite {
        var sprite = IconSprite()
        for icon in icons {
            switch SVGIcon.parse(icon.text) {
            case .success(let svg):
                let attributes = svg.presentation.map { " \($0.0)=\"\($0.1)\"" }.joined()
                sprite.symbols[icon.name] = Array("<symbol id=\"icon-\(icon.name)\" viewBox=\"\(svg.viewBox)\"><g\(attributes)>\(svg.innerMarkup)</g></symbol>".utf8)
            case .failure(let problem):
                log.error("icon '\(icon.name)': \(problem.message)", at: SourceLocation(path: icon.displayPath, line: problem.line))
            }
        }
        return sprite
    }

    /// The markup where a template draws an icon (`{{#icon}}search{{/icon}}`).
    static func use(_ name: String) -> String {
        "<svg class=\"icon icon-\(name)\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#icon-\(name)\"></use></svg>"
    }

    private static let spriteOpening = Array("\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"icon-sprite\" aria-hidden=\"true\" style=\"position:absolute;width:0;height:0;overflow:hidden\">".utf8)
    private static let spriteClosing = Array("</svg>".utf8)

    /// Puts the symbols `html` uses, each once, in a hidden sprite right after `<body…>`;
    /// returns the page's bytes.
    func embed(in html: [UInt8]) -> Data {
        let marker = Array("href=\"#icon-".utf8)
        return html.withUnsafeBufferPointer { bytes in
            var used = Set<String>()
            var cursor = 0
            while let found = UTF8Search.firstIndex(of: marker, in: bytes, from: cursor) {
                let start = found + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                let name = String(decoding: bytes[start..<end], as: UTF8.self)
                if symbols[name] != nil { used.insert(name) }
                cursor = end
            }
            guard !used.isEmpty, let body = UTF8Search.firstIndex(of: Array("<body".utf8), in: bytes),
                  let close = UTF8Search.firstIndex(of: [UInt8(ascii: ">")], in: bytes, from: body)
            else { return Data(buffer: bytes) }
            // Built as bytes, then one copy into Data: appending to Data piece by piece is slow.
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + used.count * 400 + 160)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[...close]))
            output.append(contentsOf: Self.spriteOpening)
            for name in used.sorted() { output.append(contentsOf: symbols[name]!) }
            output.append(contentsOf: Self.spriteClosing)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(close + 1)...]))
            return Data(output)
        }
    }
}
