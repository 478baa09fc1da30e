// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Newsroom",
    products: [
        .executable(name: "generate", targets: ["generate"]),
        .library(name: "Newsroom", targets: ["Newsroom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        .systemLibrary(name: "CExif", pkgConfig: "libexif", providers: [.apt(["libexif-dev"])]),
        // Pixel loops run in every test build: optimised even in debug, or a photo takes seconds.
        .target(name: "CImageCodec", dependencies: ["CJPEG", "CPNG", "CWebP", "CExif"], cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "NewsroomImage", dependencies: ["CImageCodec"]),
        .target(name: "CPlatform"),
        .target(name: "CArena"),
        .target(name: "NewsroomText"),
        // Replaces one cmark-gfm function for the library's own calls (see its characters.c).
        .target(name: "CCmarkCharacters", dependencies: ["CCmarkGFM"]),
        .target(name: "NewsroomMarkdown", dependencies: ["CCmarkGFM", "CCmarkCharacters", "CArena", "NewsroomText"]),
        .target(name: "NewsroomXML", dependencies: ["CLibXML2", "NewsroomText"]),
        .target(name: "NewsroomMustache", dependencies: ["NewsroomText"]),
        .target(name: "NewsroomFeeds", dependencies: ["NewsroomXML"]),
        .target(
            name: "Newsroom",
            dependencies: [
                "NewsroomMarkdown",
                "NewsroomXML",
                "NewsroomFeeds",
                "NewsroomMustache",
                "NewsroomText",
                "NewsroomImage",
                "CPlatform",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "NewsroomServer",
            dependencies: ["Newsroom", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "generate",
            dependencies: [
                "Newsroom",
                "NewsroomServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "ImageFixtures", dependencies: ["CImageFixtures", "NewsroomImage"], path: "Tests/ImageFixtures"),
        .target(name: "CImageFixtures", dependencies: ["CJPEG", "CExif"], path: "Tests/CImageFixtures", linkerSettings: [.linkedLibrary("m")]),
        .testTarget(name: "NewsroomMarkdownTests", dependencies: ["NewsroomMarkdown", "CArena", "CCmarkCharacters", "TestSupport"]),
        .testTarget(name: "NewsroomTextTests", dependencies: ["NewsroomText", "TestSupport"]),
        .testTarget(name: "NewsroomXMLTests", dependencies: ["NewsroomXML"]),
        .testTarget(name: "NewsroomImageTests", dependencies: ["NewsroomImage", "ImageFixtures"]),
        .testTarget(name: "NewsroomFeedsTests", dependencies: ["NewsroomFeeds", "NewsroomXML"]),
        .testTarget(
            name: "NewsroomMustacheTests",
            dependencies: ["NewsroomMustache", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Spec"]
        ),
        .testTarget(name: "NewsroomTests", dependencies: ["Newsroom", "TestSupport", "ImageFixtures"]),
        .testTarget(
            name: "GenerateTests",
            dependencies: ["Newsroom", "NewsroomXML", "NewsroomFeeds", "NewsroomMustache", "NewsroomText", "NewsroomServer", "generate", "TestSupport", "ImageFixtures", "NewsroomImage", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures"]
        ),
    ]
)
