import Foundation

/// Fields of the tab-separated files `generate` keeps in the output folder (the manifest, the
/// build record): a backslash, tab or line break inside a field is written as `\\`, `\t`,
/// `\n` or `\r`, so a field never splits its line.
enum TabSeparated {
    static func escape(_ field: String) -> String {
        // By bytes: "\r\n" is one Character, which a Character test would not see as a break.
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var output: [UInt8] = []
        output.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            switch byte {
            case 0x5C: output += [0x5C, 0x5C]
            case 0x09: output += [0x5C, UInt8(ascii: "t")]
            case 0x0A: output += [0x5C, UInt8(ascii: "n")]
            case 0x0D: output += [0x5C, UInt8(ascii: "r")]
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func unescape(_ field: Substring) -> String {
        guard field.utf8.contains(0x5C) else { return String(field) }
        var output: [UInt8] = []
        output.reserveCapacity(field.utf8.count)
        var escaped = false
        for byte in field.utf8 {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                default: output.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
