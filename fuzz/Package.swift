// swift-tools-version:6.0
// libFuzzer targets for the parsers of TMNormCore: one executable per parser. Build and run them with
// `fuzz/run` (see docs/security-fuzzing.md). The flags are passed there with -Xswiftc, not here: TMNormCore
// must be compiled with the coverage instrumentation too (-sanitize=fuzzer,address) and with
// -enable-testing (the targets reach the internal scanner and classifier with @testable import), and
// settings in this manifest would apply to this package's own targets only.
import PackageDescription

// A path dependency's identity is its folder's name: /work/main here, whatever CI clones into.
let rootPackage = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main")

let targets = [
    "OrgNr", "Phone", "CSV", "Wash", "Register", "Snapshot", "Markdown", "SMS", "Query", "Person", "Evidence", "Series", "Event", "Meeting",
]

let package = Package(
    name: "tmnorm-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // The same range as the root package: the person target recomputes keys with SHA-256.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"], path: "Sources/FuzzSupport"),
    ]
        + targets.map { name in
            .executableTarget(
                name: "\(name)Fuzz",
                dependencies: [.product(name: "TMNormCore", package: rootPackage), "FuzzSupport"]
                    + (name == "Person" ? [.product(name: "Crypto", package: "swift-crypto")] : []),
                path: "Sources/\(name)Fuzz"
            )
        },
    swiftLanguageModes: [.v6]
)
