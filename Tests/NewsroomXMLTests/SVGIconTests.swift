import Testing
@testable import NewsroomXML

@Suite struct SVGIconTests {
    @Test func readsViewBoxPresentationAndChildren() throws {
        let icon = try SVGIcon.parse("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" width="24">
          <path d="M1 1h2"/><circle cx="5" cy="5" r="1"/>
        </svg>
        """).get()
        #expect(icon.viewBox == "0 0 24 24")
        #expect(icon.presentation.map { "\($0.0)=\($0.1)" } == ["fill=none", "stroke=currentColor"])
        #expect(icon.innerMarkup == "<path d=\"M1 1h2\"/><circle cx=\"5\" cy=\"5\" r=\"1\"/>")
    }

    @Test(arguments: [
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M1 1\"></svg>", "not well-formed XML"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M1 1\"/></svg>", "the <svg> has no viewBox"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><script>alert(1)</script></svg>", "<script> is not allowed in an icon"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" onload=\"x()\"/>", "event attribute 'onload' is not allowed in an icon"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><g><path onclick=\"x()\" d=\"M1 1\"/></g></svg>", "event attribute 'onclick' is not allowed in an icon"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 24 24\"><use xlink:href=\"http://evil.example/x.svg#a\"/></svg>", "outside reference 'http://evil.example/x.svg#a' is not allowed in an icon"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><image href=\"x.png\"/></svg>", "<image> is not allowed in an icon"),
        ("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg viewBox=\"0 0 1 1\"/>", "an icon may not declare a DOCTYPE or entities"),
        ("<html/>", "the root element must be <svg>"),
    ])
    func rejectsBadIcons(_ text: String, _ message: String) {
        guard case .failure(let error) = SVGIcon.parse(text) else {
            Issue.record("accepted: \(text)"); return
        }
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }
}
