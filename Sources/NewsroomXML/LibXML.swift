import CLibXML2

/// libxml2's process-wide set-up, done once before any parse.
enum LibXML {
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Frees a string libxml2 allocated (Swift 6 cannot call the C global `xmlFree` itself).
    static func free(_ pointer: UnsafeMutablePointer<xmlChar>?) {
        newsroom_xml_free(pointer)
    }
}
