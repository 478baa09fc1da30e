import Testing
@testable import Newsroom

@Suite struct ProcessMemoryTests {
    #if canImport(Glibc)
    /// The limits are glibc settings reached through CPlatform; elsewhere the call does nothing.
    @Test func glibcTakesTheLimits() {
        #expect(ProcessMemory.limitRetainedMemory())
    }
    #endif
}
