// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tmnorm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tmnorm", targets: ["tmnorm"]),
        .library(name: "TMNormCore", targets: ["TMNormCore"]),
        .library(name: "TMNormIO", targets: ["TMNormIO"]),
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
        // Pure domain: law, rules, parsing, washing, state machines. No Vapor, no Fluent, no clock, no file,
        // thread or mmap I/O (tools/check-core-purity.sh checks it).
        .target(
            name: "TMNormCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The I/O edge of Core: files read ahead and written behind on threads, huge-page memory, snapshot
        // files. Crypto: the read-ahead thread hashes what it reads.
        .target(
            name: "TMNormIO",
            dependencies: ["TMNormCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The Vapor application: routes, persistence, views, messaging.
        .target(
            name: "TMNormServer",
            dependencies: [
                "TMNormCore",
                "TMNormIO",
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
                "TMNormIO",
                "TMNormServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TMNormCoreTests", dependencies: ["TMNormCore"]),
        .testTarget(name: "TMNormIOTests", dependencies: ["TMNormCore", "TMNormIO"]),
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
