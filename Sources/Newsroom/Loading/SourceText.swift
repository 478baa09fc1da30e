import Foundation

/// A text file read for the author: UTF-8 checked, byte-order mark dropped, line endings made `\n`.
struct SourceText: Sendable {
    var text: String

    /// Decodes `data`, or says where the first byte that is not UTF-8 sits.
    static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        if let text = withUnchangedBytes(data, { String(validating: $0, as: UTF8.self) }) { return .success(SourceText(text: text)) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) {
            return .failure(Diagnostic(path: path, message: "this is a binary file, not UTF-8 text"))
        }
        if bytes.contains(0x0D) {
            // CRLF and lone CR both become LF.
            var normalised: [UInt8] = []
            normalised.reserveCapacity(bytes.count)
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0D {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                    normalised.append(0x0A)
                } else {
                    normalised.append(byte)
                }
            }
            bytes = normalised
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(in: bytes)
            return .failure(Diagnostic(path: path, line: line, column: column, message: "the file is not valid UTF-8 text"))
        }
        return .success(SourceText(text: text))
    }

    /// `body` run on `data`'s bytes, the byte-order mark dropped, in the common case: checked in
    /// place, they hold no NUL and no CR, so decoding changes none of them. Nil when they do,
    /// or when `body` gives nil (bytes that are not UTF-8): `decode` then says why.
    static func withUnchangedBytes<T>(_ data: Data, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        data.withUnsafeBytes { raw -> T? in
            var bytes = UnsafeRawBufferPointer(rebasing: raw[...])
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeRawBufferPointer(rebasing: bytes[3...]) }
            guard !containsNULOrCR(bytes) else { return nil }
            return body(bytes.bindMemory(to: UInt8.self))
        }
    }

    /// Whether `bytes` are UTF-8 by Unicode's rule (no overlong forms, surrogates or scalars past
    /// U+10FFFF), as `String(validating:)` judges them: ASCII is passed over eight bytes at a
    /// step, so a body of mostly ASCII prose is checked several times faster than by making a
    /// String of it, for a caller that needs only the answer.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            while index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func isContinuation(_ offset: Int) -> Bool { base[index + offset] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard index + 1 < count, isContinuation(1) else { return false }
                index += 2
            case 0xE0...0xEF:
                guard index + 2 < count, isContinuation(1), isContinuation(2) else { return false }
                let second = base[index + 1]
                // E0 below A0 is overlong; ED from A0 is a surrogate.
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second >= 0xA0 { return false }
                index += 3
            case 0xF0...0xF4:
                guard index + 3 < count, isContinuation(1), isContinuation(2), isContinuation(3) else { return false }
                let second = base[index + 1]
                // F0 below 90 is overlong; F4 from 90 is past U+10FFFF.
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second >= 0x90 { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }

    /// Both bytes looked for in one pass, without branches (most files hold neither).
    private static func containsNULOrCR(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var found: UInt8 = 0
        for byte in bytes {
            found |= (byte == 0 ? 1 : 0) | (byte == 0x0D ? 1 : 0)
        }
        return found != 0
    }

    private static func firstInvalidPosition(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let prefix = Array(bytes[lineStart..<index])
            let column = (String(validating: prefix, as: UTF8.self)?.count ?? prefix.count) + 1
            if length == 0 || index + length > bytes.count { return (line, column) }
            let candidate = Array(bytes[index..<index + length])
            if String(validating: candidate, as: UTF8.self) == nil { return (line, column) }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }
}
