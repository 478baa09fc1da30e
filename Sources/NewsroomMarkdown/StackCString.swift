/// A short C string put together on the stack: the marks set on cmark nodes (one per heading,
/// one per link) cost more made as Strings than the nodes themselves.
enum StackCString {
    /// Writes into the string's bytes, up to `capacity` less its terminating NUL.
    struct Writer {
        fileprivate let buffer: UnsafeMutableBufferPointer<UInt8>
        fileprivate var count = 0

        mutating func append(_ byte: UInt8) {
            precondition(count + 1 < buffer.count, "a mark longer than StackCString.capacity")
            buffer[count] = byte
            count += 1
        }

        mutating func append(_ bytes: [UInt8]) {
            for byte in bytes { append(byte) }
        }

        mutating func append(decimal value: Int) {
            let start = count
            var rest = value
            repeat {
                append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            buffer[start..<count].reverse()
        }
    }

    static let capacity = 64

    /// Runs `body` on the NUL-terminated string `write` puts together.
    static func with<T>(_ write: (inout Writer) -> Void, _ body: (UnsafePointer<CChar>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = Writer(buffer: buffer)
            write(&writer)
            buffer[writer.count] = 0
            return UnsafeRawPointer(buffer.baseAddress!).withMemoryRebound(to: CChar.self, capacity: writer.count + 1) { body($0) }
        }
    }
}
