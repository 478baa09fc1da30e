import CArena
import Foundation
import Testing
@testable import NewsroomMarkdown

/// The per-thread arena cmark-gfm allocates a document's memory from.
@Suite struct ArenaTests {
    @Test func callocGivesZeroedAlignedBlocks() {
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        for size in [1, 7, 16, 33, 1000] {
            let block = newsroom_arena_calloc(size, 3)!
            #expect(Int(bitPattern: block) % 16 == 0)
            let bytes = block.assumingMemoryBound(to: UInt8.self)
            #expect((0..<(size * 3)).allSatisfy { bytes[$0] == 0 })
            memset(block, 0xAB, size * 3)
        }
    }

    @Test func reallocKeepsContentsWhetherItGrowsInPlaceOrMoves() {
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        // Grown while it is the latest block: in place.
        var first = newsroom_arena_realloc(nil, 10)!
        memcpy(first, "0123456789", 10)
        let grown = newsroom_arena_realloc(first, 5000)!
        #expect(grown == first)
        first = grown
        // Grown after another block was taken: moved, contents copied.
        let other = newsroom_arena_calloc(1, 64)!
        memset(other, 0x5A, 64)
        let moved = newsroom_arena_realloc(first, 9000)!
        #expect(moved != first)
        #expect(memcmp(moved, "0123456789", 10) == 0)
        #expect(other.assumingMemoryBound(to: UInt8.self)[63] == 0x5A)
        // Shrunk: contents kept.
        let shrunk = newsroom_arena_realloc(moved, 4)!
        #expect(memcmp(shrunk, "0123", 4) == 0)
    }

    @Test func freeingTheLatestBlockGivesItsSpaceBack() {
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        let kept = newsroom_arena_calloc(1, 32)!
        let dropped = newsroom_arena_calloc(1, 32)!
        newsroom_arena_free(dropped)
        #expect(newsroom_arena_calloc(1, 32)! == dropped)
        // Freeing a block that is not the latest leaves everything as it is.
        newsroom_arena_free(kept)
        #expect(newsroom_arena_calloc(1, 32)! != kept)
    }

    @Test func largeAndManyBlocksAreAllGivenBackAtTheEnd() {
        newsroom_arena_begin()
        let start = newsroom_arena_reserved()
        var blocks: [UnsafeMutableRawPointer] = []
        for index in 0..<2000 {
            let block = newsroom_arena_calloc(1, index % 7 == 0 ? 100_000 : 300)!
            memset(block, Int32(index % 256), index % 7 == 0 ? 100_000 : 300)
            blocks.append(block)
        }
        // Every block still holds what was written into it.
        for (index, block) in blocks.enumerated() {
            let size = index % 7 == 0 ? 100_000 : 300
            #expect(block.assumingMemoryBound(to: UInt8.self)[size - 1] == UInt8(index % 256))
        }
        #expect(newsroom_arena_reserved() > 20_000_000)
        newsroom_arena_end()
        newsroom_arena_begin()
        #expect(newsroom_arena_reserved() == start)
        newsroom_arena_end()
    }

    @Test func nestedUseFreesOnlyAtTheOutermostEnd() {
        newsroom_arena_begin()
        let outer = newsroom_arena_calloc(1, 16)!
        memset(outer, 0x11, 16)
        newsroom_arena_begin()
        _ = newsroom_arena_calloc(1, 16)
        newsroom_arena_end()
        #expect(newsroom_arena_calloc(1, 16)! != outer)
        #expect(outer.assumingMemoryBound(to: UInt8.self)[15] == 0x11)
        newsroom_arena_end()
    }

    /// Many documents on a thread: the arena goes back to its first chunk after each, and the
    /// HTML is the same as the first time.
    @Test func documentsRenderTheSameAndTheArenaStaysSmall() {
        let renderer = MarkdownRenderer()
        let source = ConcurrentRenderTests.documents[3] + "\n\n" + String(repeating: "A paragraph with *words*, www.example.org and <b>html</b>.\n\n", count: 400)
        let first = renderer.render(source).html
        for _ in 0..<20 { #expect(renderer.render(source).html == first) }
        newsroom_arena_begin()
        #expect(newsroom_arena_reserved() == 256 * 1024)
        newsroom_arena_end()
    }
}
