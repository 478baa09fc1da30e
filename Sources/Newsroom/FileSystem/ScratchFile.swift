import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file for bytes a build sets aside and reads back later in the same run, larger than the
/// memory it can spare for them. It has no name (the system's temporary file, removed as soon
/// as it is made), so it is gone with the process however the build ends, and it leaves the
/// disk as it was. Appends are gathered in memory and written a block at a time; the file is
/// made with the first block written.
final class ScratchFile: Sendable {
    /// Bytes gathered before they are written.
    static let block = 256 << 10

    private struct State {
        var file: UncheckedFile?
        var buffer: [UInt8] = []
        /// Where the buffer starts in the file: every byte before it is written.
        var written = 0
        /// Set once a write failed: nothing appended is read back after it.
        var failed = false
    }

    private let state = Mutex(State())
    /// The most bytes the file takes; appends past it are turned away.
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends `bytes` and returns where they start; nil when they do not fit under `limit` or
    /// an earlier write failed.
    func append(_ bytes: [UInt8]) -> Int? {
        state.withLock { state in
            let offset = state.written + state.buffer.count
            guard !state.failed, offset + bytes.count <= limit else { return nil }
            state.buffer += bytes
            if state.buffer.count >= Self.block { flush(&state) }
            return offset
        }
    }

    /// The bytes at `range`, written with `append`; nil when they could not be written or read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        let file = state.withLock { state -> UncheckedFile? in
            if range.upperBound > state.written { flush(&state) }
            return state.failed ? nil : state.file
        }
        guard let file else { return range.isEmpty ? [] : nil }
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var done = 0
            while done < range.count {
                let count = pread(file.descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                guard count > 0 else { break }
                done += count
            }
            initialized = done
        }
        return bytes.count == range.count ? bytes : nil
    }

    private func flush(_ state: inout State) {
        guard !state.failed, !state.buffer.isEmpty else { return }
        if state.file == nil { state.file = tmpfile().map(UncheckedFile.init) }
        guard let file = state.file else {
            state.failed = true
            return
        }
        let complete = state.buffer.withUnsafeBytes { bytes -> Bool in
            var done = 0
            while done < bytes.count {
                let count = pwrite(file.descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(state.written + done))
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
        state.written += state.buffer.count
        state.buffer.removeAll(keepingCapacity: true)
        state.failed = !complete
    }
}

/// The open stream, closed when the scratch file is released. Reads and writes go through its
/// descriptor with `pread`/`pwrite`, which take their offset and share no position.
private final class UncheckedFile: @unchecked Sendable {
    private let stream: UnsafeMutablePointer<FILE>
    let descriptor: Int32

    init(_ stream: UnsafeMutablePointer<FILE>) {
        self.stream = stream
        descriptor = fileno(stream)
    }

    deinit { fclose(stream) }
}
