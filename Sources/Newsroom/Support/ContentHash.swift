import Foundation

/// The hash the manifest keeps of each output file's bytes.
enum ContentHash {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of(bytes: $0) }
    }

    /// A 64-bit hash of `bytes` that reads eight bytes a step in four independent lanes (a
    /// byte-at-a-time FNV over every 16 KB page cost more than writing it), with a final mix so
    /// every input bit reaches every output bit. Not for adversaries: it tells changed files apart.
    static func of(bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B9_7F4A_7C15, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
            let mixed = lane &+ input &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        let count = bytes.count
        var offset = 0
        while offset + 32 <= count {
            lanes.0 = round(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = round(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var hash = UInt64(count) &* prime1
        hash = (hash ^ round(0, lanes.0)) &* prime1 &+ prime2
        hash = (hash ^ round(0, lanes.1)) &* prime1 &+ prime2
        hash = (hash ^ round(0, lanes.2)) &* prime1 &+ prime2
        hash = (hash ^ round(0, lanes.3)) &* prime1 &+ prime2
        while offset + 8 <= count {
            hash = (hash ^ round(0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* prime1 &+ prime2
            offset += 8
        }
        while offset < count {
            hash = (hash ^ UInt64(bytes[offset]) &* prime1)
            hash = ((hash << 23) | (hash >> 41)) &* prime2
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime1
        return hash ^ (hash >> 32)
    }
}
