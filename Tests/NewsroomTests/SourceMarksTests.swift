import Testing
@testable import Newsroom

/// A body's marks are kept in the order written; `check` looks each key up at its first place
/// (a URL written twice) or its last.
@Suite struct SourceMarksTests {
    @Test func eachKeyAtItsFirstOrLastPlace() {
        var marks = SourceMarks()
        #expect(marks.isEmpty)
        marks.append("a.html", at: SourceLocation(path: "x.md", line: 3, column: 1))
        marks.append("b.html", at: SourceLocation(path: "x.md", line: 4, column: 2))
        marks.append("a.html", at: SourceLocation(path: "x.md", line: 9, column: 5))
        #expect(marks.byKey(keepingFirst: true) == ["a.html": SourceLocation(path: "x.md", line: 3, column: 1), "b.html": SourceLocation(path: "x.md", line: 4, column: 2)])
        #expect(marks.byKey(keepingFirst: false)["a.html"] == SourceLocation(path: "x.md", line: 9, column: 5))
    }
}
