import Foundation
import Synchronization
import Testing
@testable import NewsroomMustache

/// A partial tag's slot: the program is made on first use and every later call gets that
/// program without making it again, from any thread.
@Suite struct TemplateSlotTests {
    @Test func theProgramIsMadeOnceAndKept() throws {
        let slot = TemplateSlot()
        let made = Tally()
        let program = MustacheProgram(try MustacheParser.parse("[{{v}}]", name: "p"))
        @Sendable func make() -> MustacheProgram? {
            made.add()
            return program
        }
        #expect(slot.withProgram(orMake: make) { $0 === program } == true)
        let found = Tally()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            if slot.withProgram(orMake: make, { $0 === program }) == true { found.add() }
        }
        #expect(found.count == 64)
        #expect(made.count == 1)
    }

    @Test func aPartialNotFoundIsLookedForAgain() throws {
        let slot = TemplateSlot()
        #expect(slot.withProgram(orMake: { nil }) { _ in true } == nil)
        let program = MustacheProgram(try MustacheParser.parse("x", name: "p"))
        #expect(slot.withProgram(orMake: { program }) { $0 === program } == true)
        #expect(slot.withProgram(orMake: { nil }) { $0 === program } == true)
    }
}

private final class Tally: Sendable {
    private let value = Mutex(0)
    var count: Int { value.withLock { $0 } }
    func add() { value.withLock { $0 += 1 } }
}
