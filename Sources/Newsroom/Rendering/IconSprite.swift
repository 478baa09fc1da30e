import NewsroomXML

/// The theme's icons, checked, and the inline sprite each page carries with only what it uses.
struct IconSprite: Sendable {
    private var symbols: [String: String] = [:]

    var names: Set<String> { Set(symbols.keys) }

    static func load(_ icons: [IconSource], log: inout DiagnosticLog) -> IconSprite {
        var sprite = IconSprite()
        for icon in icons {
            switch SVGIcon.parse(icon.text) {
            case .success(let svg):
                let attributes = svg.presentation.map { " \($0.0)=\"\($0.1)\"" }.joined()
                sprite.symbols[icon.name] = "<symbol id=\"icon-\(icon.name)\" viewBox=\"\(svg.viewBox)\"><g\(attributes)>\(svg.innerMarkup)</g></symbol>"
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

    /// Puts the symbols `html` uses, each once, in a hidden sprite right after `<body…>`.
    func embed(in html: String) -> String {
        var used: [String] = []
        var seen = Set<String>()
        var rest = Substring(html)
        let marker = "href=\"#icon-"
        while let range = rest.range(of: marker) {
            let after = rest[range.upperBound...]
            guard let quote = after.firstIndex(of: "\"") else { break }
            let name = String(after[..<quote])
            if symbols[name] != nil, seen.insert(name).inserted { used.append(name) }
            rest = after[quote...]
        }
        guard !used.isEmpty, let body = html.range(of: "<body"),
              let close = html[body.upperBound...].firstIndex(of: ">")
        else { return html }
        let sprite = "\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"icon-sprite\" aria-hidden=\"true\" style=\"position:absolute;width:0;height:0;overflow:hidden\">"
            + used.sorted().compactMap { symbols[$0] }.joined() + "</svg>"
        var output = html
        output.insert(contentsOf: sprite, at: output.index(after: close))
        return output
    }
}
