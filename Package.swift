// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portrait",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portrait", targets: ["portrait"]),
        .library(name: "PortraitCore", targets: ["PortraitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "CPathExchange"),
        .target(
            name: "PortraitCore",
            dependencies: [
                "CCMarkGFM",
                "CPathExchange",
                "CLibYAML",
            ]
        ),
        .target(
            name: "PortraitPreview",
            dependencies: ["PortraitCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "portrait",
            dependencies: [
                "PortraitCore",
                "PortraitPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortraitCoreTests",
            dependencies: [
                "PortraitCore",
                "PortraitPreview",
                // The Mustache reference renderer: the compiled templates must render exactly as it does.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
