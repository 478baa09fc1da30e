import Foundation
import NewsroomMarkdown
import NewsroomXML
import NewsroomText

/// The theme's icons, checked, and the inline sprite each page carries with only what it uses.
struct IconSprite: Sendable {
    /// Each icon's `<symbol>` element, as the UTF-8 bytes pages get, numbered in name order.
    private let table: SymbolTable

    var names: Set<String> { Set(table.keys) }

    static func load(_ icons: [IconSource], log: inout DiagnosticLog) -> IconSprite {
        var symbols: [String: [UInt8]] = [:]
        for icon in icons {
            switch SVGIcon.parse(icon.text) {
            case .success(let svg):
                let attributes = svg.presentation.map { " \($0.0)=\"\($0.1)\"" }.joined()
                symbols[icon.name] = Array("<symbol id=\"icon-\(icon.name)\" viewBox=\"\(svg.viewBox)\"><g\(attributes)>\(svg.innerMarkup)</g></symbol>".utf8)
            case .failure(let problem):
                log.error("icon '\(icon.name)': \(problem.message)", at: SourceLocation(path: icon.displayPath, line: problem.line))
            }
        }
        return IconSprite(table: SymbolTable(symbols))
    }

    /// The markup where a template draws an icon (`{{#icon}}search{{/icon}}`).
    static func use(_ name: String) -> String {
        "<svg class=\"icon icon-\(name)\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#icon-\(name)\"></use></svg>"
    }

    private static let spriteOpening = Array("\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"icon-sprite\" aria-hidden=\"true\" style=\"position:absolute;width:0;height:0;overflow:hidden\">".utf8)
    private static let spriteClosing = Array("</svg>".utf8)
    private static let useMarker = Array("href=\"#icon-".utf8)
    private static let bodyTag = Array("<body".utf8)
    private static let tagEnd = Array(">".utf8)

    /// Puts the symbols `html` uses, each once and in name order, in a hidden sprite right after
    /// `<body…>`; returns the page's bytes.
    func embed(in html: [UInt8]) -> Data {
        let marker = Self.useMarker
        return html.withUnsafeBufferPointer { bytes in
            // Names are found by their bytes and kept as numbers: no String or Set per page.
            var used = [Bool](repeating: false, count: table.count)
            var anyUsed = false
            var cursor = 0
            while let found = UTF8Search.firstIndex(of: marker, in: bytes, from: cursor) {
                let start = found + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                if let index = table.index(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    used[index] = true
                    anyUsed = true
                }
                cursor = end
            }
            guard anyUsed, let body = UTF8Search.firstIndex(of: Self.bodyTag, in: bytes),
                  let close = UTF8Search.firstIndex(of: Self.tagEnd, in: bytes, from: body)
            else { return Data(buffer: bytes) }
            // The pieces are copied once, into memory the Data then owns (building an array and
            // copying it into Data copied every page twice).
            var total = bytes.count + Self.spriteOpening.count + Self.spriteClosing.count
            for index in used.indices where used[index] { total += table.symbols[index].count }
            let memory = UnsafeMutableRawPointer.allocate(byteCount: total, alignment: 16)
            var offset = 0
            func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                guard let base = piece.baseAddress, !piece.isEmpty else { return }
                (memory + offset).copyMemory(from: base, byteCount: piece.count)
                offset += piece.count
            }
            copy(UnsafeBufferPointer(rebasing: bytes[...close]))
            Self.spriteOpening.withUnsafeBufferPointer(copy)
            for index in used.indices where used[index] { table.symbols[index].withUnsafeBufferPointer(copy) }
            Self.spriteClosing.withUnsafeBufferPointer(copy)
            copy(UnsafeBufferPointer(rebasing: bytes[(close + 1)...]))
            return Data(bytesNoCopy: memory, count: total, deallocator: .custom { pointer, _ in pointer.deallocate() })
        }
    }
}

/// The icons numbered in name order, found from a name's UTF-8 bytes by a hash of them.
private struct SymbolTable: Sendable {
    /// The names, sorted, as text and as bytes.
    let keys: [String]
    let names: [[UInt8]]
    let symbols: [[UInt8]]
    private let byHash: [UInt64: [Int]]

    init(_ symbols: [String: [UInt8]]) {
        keys = symbols.keys.sorted()
        names = keys.map { Array($0.utf8) }
        self.symbols = keys.map { symbols[$0]! }
        var byHash: [UInt64: [Int]] = [:]
        for (index, name) in names.enumerated() {
            name.withUnsafeBufferPointer { byHash[Self.hash($0), default: []].append(index) }
        }
        self.byHash = byHash
    }

    var count: Int { names.count }

    func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        byHash[Self.hash(name)]?.first { names[$0].elementsEqual(name) }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = KeyHasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.value
    }
}
