import Foundation
import Testing
@testable import Newsroom

/// How a source folder shows its paths to the author, and names them for system calls.
@Suite struct SourceFolderTests {
    @Test(arguments: [("site", "site/content/x.md"), ("site/", "site/content/x.md"), ("../blog/site", "../blog/site/content/x.md"), (".", "content/x.md"), ("", "content/x.md")])
    func displayPutsTheNameBeforeThePath(name: String, shown: String) {
        let folder = SourceFolder(url: URL(fileURLWithPath: "/srv/newsroom/site"), displayName: name)
        #expect(folder.display("content/x.md") == shown)
        #expect(folder.location("content/x.md", line: 3).path == shown)
    }

    @Test func pathIsUnderTheStandardizedFolder() {
        let folder = SourceFolder(url: URL(fileURLWithPath: "/srv/newsroom/themes/../site/"), displayName: "site")
        #expect(folder.path("content/news/x.md") == "/srv/newsroom/site/content/news/x.md")
        #expect(folder.path("content/news/x.md") == folder.file("content/news/x.md").path)
    }
}
