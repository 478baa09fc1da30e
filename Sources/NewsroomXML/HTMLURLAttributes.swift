import CLibXML2

/// One URL-bearing attribute of an HTML fragment.
public struct HTMLURLAttribute: Sendable, Equatable {
    /// The element's name, lower-cased.
    public var element: String
    /// The attribute's name, lower-cased (`href`, `src`, `srcset`, `poster`, `cite`, `action`, `data`).
    public var name: String
    /// The value as libxml2 reads it: quotes gone, entities decoded.
    public var value: String
    /// The UTF-8 offsets of the value as written in the fragment, quotes included.
    public var written: Range<Int>
}

/// Finds the URL attributes of raw HTML with libxml2's HTML parser, and where each value is
/// written, so a caller can replace the values and leave the rest of the author's text alone.
public enum HTMLURLAttributes {
    /// Attributes that hold a URL on any element (`data` only on `<object>`).
    static let names: Set<String> = ["href", "src", "srcset", "poster", "cite", "action"]

    /// The URL attributes of `html` in document order. An attribute written without a value,
    /// or one whose place in the text cannot be found, is left out.
    public static func find(in html: String) -> [HTMLURLAttribute] {
        let bytes = Array(html.utf8)
        var found: [HTMLURLAttribute] = []
        var cursor = 0
        for element in StartElement.read(bytes) {
            let urls = element.attributes.filter { isURL($0.name, of: element.name) }
            guard !urls.isEmpty, let tag = locate(element, in: bytes, from: &cursor) else { continue }
            for (name, value) in urls {
                guard let written = tag.attributes.first(where: { $0.name == name })?.written else { continue }
                found.append(HTMLURLAttribute(element: element.name, name: name, value: value, written: written))
            }
        }
        return found
    }

    private static func isURL(_ attribute: String, of element: String) -> Bool {
        names.contains(attribute) || (attribute == "data" && element == "object")
    }

    /// The written start tag that libxml2 finished reading at `element.offset`: the first after
    /// `cursor` whose `>` follows that offset with nothing but `/` and spaces between (libxml2
    /// stops before a closing `/>`). Tags inside comments or scripts end elsewhere and are passed over.
    private static func locate(_ element: StartElement, in bytes: [UInt8], from cursor: inout Int) -> HTMLStartTag? {
        while let (start, tag) = HTMLStartTag.next(in: bytes, from: cursor) {
            guard start < element.offset else { return nil }
            cursor = min(tag.end + 1, bytes.count)
            if tag.end >= element.offset,
               bytes[element.offset..<tag.end].allSatisfy({ $0 == UInt8(ascii: "/") || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                return tag
            }
        }
        return nil
    }
}

/// A start element as libxml2's HTML parser reports it through SAX, with the byte offset it had
/// reached (the tag's `>`, or a closing `/>`).
struct StartElement {
    var name: String
    var attributes: [(name: String, value: String)]
    var offset: Int

    /// Every start element of `bytes`, read without building a tree.
    static func read(_ bytes: [UInt8]) -> [StartElement] {
        guard !bytes.isEmpty else { return [] }
        _ = LibXML.initialised
        let collected = Collector()
        let context = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
        }
        guard let context else { return [] }
        defer { htmlFreeParserCtxt(context) }
        // The context owns its own handler table: only the start-element callback is kept, so
        // nothing is built and nothing is printed.
        context.pointee.sax.pointee = htmlSAXHandler()
        context.pointee.sax.pointee.startElement = { context, name, attributes in
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let box = parser.pointee._private else { return }
            let collector = Unmanaged<Collector>.fromOpaque(box).takeUnretainedValue()
            var pairs: [(String, String)] = []
            var index = 0
            while let attributeName = attributes?[index] {
                if let value = attributes?[index + 1] {
                    pairs.append((String(cString: attributeName), String(cString: value)))
                }
                index += 2
            }
            collector.elements.append(StartElement(
                name: name.map { String(cString: $0) } ?? "",
                attributes: pairs,
                offset: Int(xmlByteConsumed(parser))
            ))
        }
        context.pointee.userData = UnsafeMutableRawPointer(context)
        context.pointee._private = Unmanaged.passUnretained(collected).toOpaque()
        xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        htmlCtxtUseOptions(context, Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue))
        withExtendedLifetime(collected) { _ = htmlParseDocument(context) }
        return collected.elements
    }

    /// Holds what the C callback reports; lives only for one parse on one thread.
    private final class Collector {
        var elements: [StartElement] = []
    }
}
