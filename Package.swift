// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tmnorm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tmnorm", targets: ["tmnorm"]),
        .library(name: "TMNormCore", targets: ["TMNormCore"]),
        .library(name: "TMNormServer", targets: ["TMNormServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Pure domain: law, rules, parsing, washing, state machines. No Vapor, no Fluent, no clock.
        .target(
            name: "TMNormCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The Vapor application: routes, persistence, views, messaging.
        .target(
            name: "TMNormServer",
            dependencies: [
                "TMNormCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // Thin command-line entry point.
        .executableTarget(
            name: "tmnorm",
            dependencies: [
                "TMNormCore",
                "TMNormServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TMNormCoreTests", dependencies: ["TMNormCore"]),
        .testTarget(
            name: "TMNormServerTests",
            dependencies: [
                "TMNormServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
