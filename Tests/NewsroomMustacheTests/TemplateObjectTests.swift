import Testing
@testable import NewsroomMustache

/// An object finds exactly the keys it holds, also among keys that share a bit of `keyBits`
/// (65 keys cannot all have their own), after a value is replaced, and after a key is removed.
@Suite struct TemplateObjectTests {
    let keys = (0...64).map { TemplateKey("object-test-key-\($0)") }

    @Test func findsTheKeysItHoldsAndNoOthers() {
        var object = TemplateObject()
        for (number, key) in keys.enumerated() where number % 3 == 0 { object[key] = "v\(number)" }
        object[keys[3]] = "replaced"
        for (number, key) in keys.enumerated() {
            let expected: String? = number == 3 ? "replaced" : number % 3 == 0 ? "v\(number)" : nil
            #expect(object.value(key).flatMap { if case .text(let text) = $0 { text } else { nil } } == expected, "\(key)")
        }
        #expect(object.entries.count == 22)
    }

    @Test func forgetsARemovedKeyAndKeepsTheOthers() throws {
        var object = TemplateObject()
        for key in keys { object[key] = key.spelling }
        for key in keys.dropFirst() { object[key] = nil as String? }
        #expect(object.value(keys[0]) != nil)
        for key in keys.dropFirst() { #expect(object.value(key) == nil, "\(key)") }
        let set = try MustacheTemplateSet(templates: ["t": "[{{object-test-key-0}}|{{object-test-key-64}}]"])
        #expect(String(decoding: set.renderBytes("t", contexts: [.object(object)]), as: UTF8.self) == "[object-test-key-0|]")
    }

    /// An entry's key sits in its value's padding: an entry takes no more room than its value
    /// (a large site keeps every item's card and date, each an object of several entries).
    @Test func anEntryTakesTheRoomOfItsValue() {
        #expect(MemoryLayout<TemplateEntry>.stride == MemoryLayout<TemplateValue>.stride)
    }
}

