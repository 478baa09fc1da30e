import NewsroomXML
import Testing
@testable import Newsroom

@Suite struct SitemapSplitTests {
    let linker = Linker(baseURL: "https://e.org/", cleanURLs: false)
    let urls = (1...25).map { SitemapURL(location: "https://e.org/p\($0)/", lastModified: nil) }

    @Test func underTheLimitIsOneFile() {
        let files = SiteRenderer.sitemapFiles(urls, lastModified: nil, linker: linker, limit: 25)
        #expect(files.map(\.path) == ["sitemap.xml"])
    }

    @Test func pastTheLimitIsAnIndexOfNumberedSitemaps() throws {
        let files = SiteRenderer.sitemapFiles(urls, lastModified: "2023-03-21", linker: linker, limit: 10)
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        guard case .data(let data) = files.last!.content else { Issue.record("no data"); return }
        let index = try #require(XMLElement.parse(String(decoding: data, as: UTF8.self)))
        #expect(index.name == "sitemapindex")
        #expect(index.all("sitemap").compactMap { $0.first("loc")?.text } == ["https://e.org/sitemap-1.xml", "https://e.org/sitemap-2.xml", "https://e.org/sitemap-3.xml"])
        guard case .data(let last) = files[2].content else { Issue.record("no data"); return }
        #expect(XMLElement.parse(String(decoding: last, as: UTF8.self))?.all("url").count == 5)
    }
}
