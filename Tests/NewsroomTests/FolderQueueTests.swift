import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// The files a first build leaves for the thread making folders: each folder made and each file
/// written once, by whichever thread holds the queue; past the limit a thread helps by writing,
/// never by making folders; a failure is thrown to the thread that met it.
@Suite struct FolderQueueTests {
    /// What happened to each file, and on which thread.
    final class Record: Sendable {
        private let events = Mutex<[(file: Int, folder: Bool, thread: String)]>([])

        func folder(_ file: Int, by thread: String) { events.withLock { $0.append((file, true, thread)) } }
        func wrote(_ file: Int, by thread: String) { events.withLock { $0.append((file, false, thread)) } }

        var written: [Int] { events.withLock { $0.filter { !$0.folder }.map(\.file) } }
        var folders: [Int] { events.withLock { $0.filter(\.folder).map(\.file) } }
        func written(by thread: String) -> [Int] { events.withLock { $0.filter { !$0.folder && $0.thread == thread }.map(\.file) } }
        func folders(by thread: String) -> [Int] { events.withLock { $0.filter { $0.folder && $0.thread == thread }.map(\.file) } }
    }

    func add(_ file: Int, to queue: FolderQueue<Int>, _ record: Record, as thread: String) throws {
        try queue.add(file, makingFolder: { record.folder($0, by: thread) }, writing: { record.wrote($0, by: thread) })
    }

    /// Starts another thread ("held") adding `first` to `queue`, whose making of its folder waits
    /// until the returned function is called; returns once that thread holds the queue. The
    /// function returns once that thread's `add` has.
    /// `beforeFolder` runs before each later folder that thread makes.
    func holding(_ queue: FolderQueue<Int>, adding first: Int, into record: Record, beforeFolder: @escaping @Sendable (Int) -> Void = { _ in }) -> () -> Void {
        let inside = DispatchSemaphore(value: 0), goOn = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? queue.add(first, makingFolder: { file in
                if file == first {
                    inside.signal()
                    goOn.wait()
                } else {
                    beforeFolder(file)
                }
                record.folder(file, by: "held")
            }, writing: { record.wrote($0, by: "held") })
            done.signal()
        }
        inside.wait()
        return {
            goOn.signal()
            done.wait()
        }
    }

    @Test func aFileIsWrittenAtOnceWhenNoOtherThreadWrites() throws {
        let queue = FolderQueue<Int>(), record = Record()
        try add(1, to: queue, record, as: "main")
        try add(2, to: queue, record, as: "main")
        #expect(record.folders == [1, 2])
        #expect(record.written == [1, 2])
    }

    /// The second thread does not wait for the first: it leaves its file and returns, and the
    /// first makes its folder and writes it before it lets go of the queue.
    @Test func aFileLeftWhileAnotherThreadWritesIsWrittenByThatThread() throws {
        let queue = FolderQueue<Int>(), record = Record()
        let release = holding(queue, adding: 1, into: record)
        try add(2, to: queue, record, as: "main")
        #expect(record.written.isEmpty)
        release()
        #expect(record.folders(by: "held") == [1, 2])
        #expect(record.written(by: "held") == [1, 2])
    }

    /// Past the limit a thread stops until the files left are down to half the limit: it makes
    /// no folder beside the thread holding the queue, but writes the files that thread made
    /// folders for meanwhile.
    @Test func pastTheLimitAThreadWaitsAndWritesWhatTheHolderMadeFoldersFor() throws {
        let queue = FolderQueue<Int>(limit: 2), record = Record()
        // The holder makes the next folder only once file 0 is written: handed to the helper,
        // which then must be the one writing it.
        let release = holding(queue, adding: 0, into: record) { _ in
            while !record.written.contains(0) { usleep(100) }
        }
        let helperDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for file in 1...3 { try? add(file, to: queue, record, as: "helper") }
            helperDone.signal()
        }
        // Files 1 and 2 are left; 3 takes the queue past its limit: the helper waits.
        #expect(helperDone.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        #expect(record.written.isEmpty && record.folders.isEmpty)
        release()
        helperDone.wait()
        try queue.writeAll(makingFolder: { record.folder($0, by: "main") }, writing: { record.wrote($0, by: "main") })
        #expect(record.folders(by: "helper").isEmpty)
        #expect(record.folders.sorted() == [0, 1, 2, 3])
        #expect(record.written.sorted() == [0, 1, 2, 3])
        #expect(record.written(by: "helper").first == 0)
    }

    /// A thread past the limit while no thread holds the queue holds it itself.
    @Test func pastTheLimitWithNoOneHoldingAThreadDrainsItself() throws {
        let queue = FolderQueue<Int>(limit: 0), record = Record()
        try add(1, to: queue, record, as: "main")
        #expect(record.folders(by: "main") == [1])
        #expect(record.written(by: "main") == [1])
    }

    @Test func aFailureIsThrownToTheThreadWritingAndTheRestIsLeft() throws {
        struct Full: Error {}
        let queue = FolderQueue<Int>(), record = Record()
        #expect(throws: Full.self) { try queue.add(1, makingFolder: { _ in }, writing: { _ in throw Full() }) }
        #expect(throws: Full.self) { try queue.add(2, makingFolder: { _ in throw Full() }, writing: { _ in }) }
        try add(3, to: queue, record, as: "main")
        #expect(record.written == [3])
    }

    @Test(arguments: [4, 256])
    func manyThreadsLoseNoFile(limit: Int) throws {
        let queue = FolderQueue<Int>(limit: limit), record = Record()
        DispatchQueue.concurrentPerform(iterations: 2_000) { file in
            try? add(file, to: queue, record, as: "any")
        }
        try add(2_000, to: queue, record, as: "main")
        #expect(record.folders.sorted() == Array(0...2_000))
        #expect(record.written.sorted() == Array(0...2_000))
    }
}
