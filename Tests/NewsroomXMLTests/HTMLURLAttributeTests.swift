import Testing
@testable import NewsroomXML

@Suite struct HTMLURLAttributeTests {
    /// Each attribute as `element.name=value @ written text`, the written text cut from `html` by its range.
    private func found(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        return HTMLURLAttributes.find(in: html).map { attribute in
            "\(attribute.element).\(attribute.name)=\(attribute.value) @ \(String(decoding: bytes[attribute.written], as: UTF8.self))"
        }
    }

    @Test func quotedUnquotedAndSingleQuoted() {
        #expect(found(#"<a href="/x">x</a> <img src=/y.png alt=y> <q cite='z.md'>z</q>"#) == [
            #"a.href=/x @ "/x""#,
            "img.src=/y.png @ /y.png",
            "q.cite=z.md @ 'z.md'",
        ])
    }

    @Test func entitiesAreDecodedAndUppercaseNamesLowered() {
        #expect(found(#"<A HREF="/x?a=1&amp;b=2">x</A><IMG Src='p&#x41;.png'>"#) == [
            #"a.href=/x?a=1&b=2 @ "/x?a=1&amp;b=2""#,
            "img.src=pA.png @ 'p&#x41;.png'",
        ])
    }

    @Test func everyURLAttributeButOnlyObjectData() {
        let html = #"<video poster="p.jpg"><source src="v.mp4" srcset="a.png 1x, b.png 2x"></video><form action="/f"></form><object data="o.svg"></object><div data="not-a-url"></div>"#
        #expect(found(html).map { String($0.split(separator: " @ ")[0]) } == [
            "video.poster=p.jpg", "source.src=v.mp4", "source.srcset=a.png 1x, b.png 2x", "form.action=/f", "object.data=o.svg",
        ])
    }

    @Test func multiLineBlockAndUTF8Offsets() {
        let html = "<div>\n  <p>héllo</p>\n  <img\n    alt=\"ü\"\n    src=\"/images/x.svg\">\n</div>\n"
        let attributes = HTMLURLAttributes.find(in: html)
        #expect(attributes.count == 1)
        let start = attributes[0].written.lowerBound
        let before = String(decoding: Array(html.utf8)[..<start], as: UTF8.self)
        #expect(before.hasSuffix("    src="))
        #expect(before.filter { $0 == "\n" }.count == 4)
    }

    @Test func commentsScriptsAndTrickyValuesAreSkipped() {
        let html = #"<!-- <a href="c1"> --><script>x = "<a href=s1>"</script><a title="<a href=t1>" href="real">r</a>"#
        #expect(found(html) == [#"a.href=real @ "real""#])
    }

    @Test func selfClosingBareAndRepeatedAttributes() {
        #expect(found(#"<img src="a.png"/><img src=b.png/><a href>bare</a><a href="first" href="second">"#) == [
            #"img.src=a.png @ "a.png""#,
            "img.src=b.png/ @ b.png/",
            #"a.href=first @ "first""#,
        ])
    }

    @Test func inlineFragmentsAndOpenTags() {
        #expect(found(#"<a href="/x">"#) == [#"a.href=/x @ "/x""#])
        #expect(found("</a>").isEmpty)
        #expect(found("text only").isEmpty)
    }
}
