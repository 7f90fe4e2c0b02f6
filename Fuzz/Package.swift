// swift-tools-version:6.1
// The libFuzzer targets of admaudit: a package of its own, beside the main one, so that the
// main package's build, tests and CI never see the fuzzer. Build and run with `scripts/fuzz`
// (it passes `--sanitize=fuzzer --sanitize=address`); see docs/fuzzing.md.
import Foundation
import PackageDescription

/// A package depended on by path is known by its folder's name: whatever the checkout is called.
let admaudit = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

/// Fuzz targets define `LLVMFuzzerTestOneInput` and no `main` (libFuzzer brings it).
let noMain: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "admaudit-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // The entry points, shared with the main package's FuzzRegressionTests (a link to
        // Tests/AdmAuditTests/Support/FuzzEntryPoints.swift).
        .target(
            name: "FuzzEntryPoints",
            dependencies: [.product(name: "AdmAudit", package: admaudit)]
        ),
        .executableTarget(name: "fuzz-reader", dependencies: ["FuzzEntryPoints"], swiftSettings: noMain),
        .executableTarget(name: "fuzz-map-validate", dependencies: ["FuzzEntryPoints"], swiftSettings: noMain),
        .executableTarget(name: "fuzz-pipeline", dependencies: ["FuzzEntryPoints"], swiftSettings: noMain),
        .executableTarget(name: "fuzz-state", dependencies: ["FuzzEntryPoints"], swiftSettings: noMain),
    ]
)
