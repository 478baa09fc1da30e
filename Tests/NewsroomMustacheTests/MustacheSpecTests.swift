import Foundation
import Testing
@testable import NewsroomMustache

/// The Mustache language's own conformance tests, run against our renderer: every test of every
/// file must pass. `Spec/` holds their JSON form from the public mustache/spec repository
/// (commit 9cb20c3), under the MIT licence in `Spec/LICENSE`.
@Suite struct MustacheSpecTests {
    struct SpecCase: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var partials: [String: String]
        var data: SendableBox
        var expected: String
        var testDescription: String { "\(file): \(name)" }
    }

    final class SendableBox: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Spec")

    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance"]

    static func loadCases() -> [SpecCase] {
        files.flatMap { file -> [SpecCase] in
            let url = specFolder.appendingPathComponent(file + ".json")
            guard let data = try? Data(contentsOf: url),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = json["tests"] as? [[String: Any]]
            else { return [SpecCase(file: file, name: "spec file missing at \(url.path)", template: "", partials: [:], data: SendableBox([:]), expected: "<missing>")] }
            return tests.map { test in
                SpecCase(
                    file: file,
                    name: test["name"] as? String ?? "?",
                    template: test["template"] as? String ?? "",
                    partials: test["partials"] as? [String: String] ?? [:],
                    data: SendableBox(native(test["data"] ?? NSNull())),
                    expected: test["expected"] as? String ?? ""
                )
            }
        }
    }

    /// JSON numbers as Swift Bool, Int or Double, the way view models hold them.
    static func native(_ value: Any) -> Any {
        switch value {
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return number.boolValue
            case "d", "f": return number.doubleValue
            default: return number.intValue
            }
        case let array as [Any]: return array.map(native)
        case let object as [String: Any]: return object.mapValues(native)
        default: return value
        }
    }

    @Test(arguments: loadCases())
    func specCase(_ spec: SpecCase) throws {
        var templates = spec.partials
        templates["__test__"] = spec.template
        let set = try MustacheTemplateSet(templates: templates)
        #expect(set.render("__test__", context: spec.data.value) == spec.expected)
    }

    @Test func everySpecFileIsPresent() {
        for file in Self.files {
            #expect(FileManager.default.fileExists(atPath: Self.specFolder.appendingPathComponent(file + ".json").path), "\(file)")
        }
    }
}
