import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// The files a first build leaves for the thread making folders: written by whichever thread
/// holds the queue, none missed, and a failure thrown to the thread that met it.
@Suite struct FolderQueueTests {
    final class Written: Sendable {
        let files = Mutex<[Int]>([])
        func append(_ file: Int) { files.withLock { $0.append(file) } }
        var all: [Int] { files.withLock { $0 } }
    }

    /// Starts another thread adding `first` to `queue`, whose write of it waits until the
    /// returned function is called; returns once that thread holds the queue. The function
    /// returns once that thread's `add` has.
    func holding(_ queue: FolderQueue<Int>, adding first: Int, into written: Written) -> () -> Void {
        let inside = DispatchSemaphore(value: 0), goOn = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? queue.add(first) { file in
                if file == first {
                    inside.signal()
                    goOn.wait()
                }
                written.append(file)
            }
            done.signal()
        }
        inside.wait()
        return {
            goOn.signal()
            done.wait()
        }
    }

    @Test func aFileIsWrittenAtOnceWhenNoOtherThreadWrites() throws {
        let queue = FolderQueue<Int>(), written = Written()
        try queue.add(1) { written.append($0) }
        try queue.add(2) { written.append($0) }
        #expect(written.all == [1, 2])
    }

    /// The second thread does not wait for the first: it leaves its file and returns, and the
    /// first writes it before it lets go of the queue.
    @Test func aFileLeftWhileAnotherThreadWritesIsWrittenByThatThread() throws {
        let queue = FolderQueue<Int>(), written = Written()
        let release = holding(queue, adding: 1, into: written)
        try queue.add(2) { _ in Issue.record("the thread holding the queue writes this file") }
        #expect(written.all.isEmpty)
        release()
        #expect(written.all == [1, 2])
    }

    /// Past its limit a thread writes files left, down to half the limit, even while another
    /// one holds the queue, so the files left never pile up; the rest stays for that one.
    @Test func pastTheLimitAThreadWritesFilesLeftItself() throws {
        let queue = FolderQueue<Int>(limit: 2), written = Written(), byMain = Written()
        let release = holding(queue, adding: 0, into: written)
        for file in 1...3 {
            try queue.add(file) { file in
                byMain.append(file)
                written.append(file)
            }
        }
        #expect(byMain.all == [1, 2])
        release()
        #expect(written.all.sorted() == [0, 1, 2, 3])
    }

    @Test func aFailureIsThrownToTheThreadWritingAndTheRestIsLeft() throws {
        struct Full: Error {}
        let queue = FolderQueue<Int>(), written = Written()
        #expect(throws: Full.self) { try queue.add(1) { _ in throw Full() } }
        try queue.add(2) { written.append($0) }
        #expect(written.all == [2])
    }

    @Test func manyThreadsLoseNoFile() throws {
        let queue = FolderQueue<Int>(), written = Written()
        DispatchQueue.concurrentPerform(iterations: 2_000) { file in
            try? queue.add(file) { written.append($0) }
        }
        try queue.writeAll { written.append($0) }
        #expect(written.all.sorted() == Array(0..<2_000))
    }
}
