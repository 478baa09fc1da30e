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

    /// realloc keeps a block's contents whether it is the latest block or not, growing or
    /// shrinking, and leaves other blocks alone.
    @Test func reallocKeepsContents() {
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        var block = newsroom_arena_realloc(nil, 10)!
        memcpy(block, "0123456789", 10)
        block = newsroom_arena_realloc(block, 5000)!
        #expect(memcmp(block, "0123456789", 10) == 0)
        let other = newsroom_arena_calloc(1, 64)!
        memset(other, 0x5A, 64)
        block = newsroom_arena_realloc(block, 9000)!
        #expect(memcmp(block, "0123456789", 10) == 0)
        #expect(other.assumingMemoryBound(to: UInt8.self)[63] == 0x5A)
        block = newsroom_arena_realloc(block, 4)!
        #expect(memcmp(block, "0123", 4) == 0)
    }

    /// A block freed and the blocks taken after it do not disturb the blocks still in use.
    @Test func freeingABlockLeavesTheOthersIntact() {
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        let kept = newsroom_arena_calloc(1, 32)!
        memset(kept, 0x22, 32)
        let dropped = newsroom_arena_calloc(1, 32)!
        newsroom_arena_free(dropped)
        let next = newsroom_arena_calloc(1, 32)!
        #expect((0..<32).allSatisfy { next.assumingMemoryBound(to: UInt8.self)[$0] == 0 })
        memset(next, 0x33, 32)
        newsroom_arena_free(kept)
        #expect(newsroom_arena_calloc(1, 32) != nil)
        #expect(next.assumingMemoryBound(to: UInt8.self)[31] == 0x33)
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

    /// Many documents on a thread: the HTML is the same as the first time, and a document's
    /// memory is given back when it is done (what is held after twenty is what was held after one).
    @Test func documentsRenderTheSameAndTheArenaStaysSmall() {
        let renderer = MarkdownRenderer()
        let source = ConcurrentRenderTests.documents[3] + "\n\n" + String(repeating: "A paragraph with *words*, www.example.org and <b>html</b>.\n\n", count: 400)
        let first = renderer.render(source).html
        newsroom_arena_begin()
        let afterOne = newsroom_arena_reserved()
        newsroom_arena_end()
        for _ in 0..<20 { #expect(renderer.render(source).html == first) }
        newsroom_arena_begin()
        #expect(newsroom_arena_reserved() == afterOne)
        newsroom_arena_end()
    }
}
