import Testing
@testable import Newsroom
@testable import NewsroomMustache

/// A page's own keys lie over the frames it shares with other pages: a layout, a lookup and an
/// engine taking one object all see the page's value where both have a key.
@Suite struct PageContextTests {
    static let site: TemplateObject = [TemplateKey("title"): "Northwind", TemplateKey("root"): "../"]
    static let place: TemplateObject = [TemplateKey("root"): "../../", TemplateKey("news_url"): "../../news/"]

    static func context() -> PageContext {
        var context = PageContext(shared: [.object(site), .object(place)], own: TemplateObject())
        context[TemplateKey("title")] = "A page"
        return context
    }

    @Test func ownKeysHideSharedOnesAndInnerFramesOuterOnes() throws {
        let context = Self.context()
        let set = try MustacheTemplateSet(templates: ["page": "{{title}}|{{root}}|{{news_url}}"])
        let rendered = String(decoding: set.renderBytes("page", contexts: context.frames(over: .null)), as: UTF8.self)
        #expect(rendered == "A page|../../|../../news/")
        #expect(String(decoding: set.renderBytes("page", contexts: [.object(context.merged)]), as: UTF8.self) == rendered)
        #expect(context.value(TemplateKey("title"))?.text == "A page")
        #expect(context.value(TemplateKey("root"))?.text == "../../")
        #expect(context.value(TemplateKey("missing")) == nil)
    }

    @Test func framesGoFromTheBottomFrameUpToThePageOwn() {
        let frames = Self.context().frames(over: .text("bottom"))
        #expect(frames.count == 4)
        #expect(frames.first?.text == "bottom")
        #expect(frames.last?.child(TemplateKey("title"))?.text == "A page")
    }
}
