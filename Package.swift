// swift-tools-version:6.1
import PackageDescription

/// The stages of Sources/AdmAudit, earliest first (docs/architecture.md). Each is also built as
/// a target of its own, from the same files (Sources/Stages/<stage> links to the stage's
/// folder), depending on the stages before it only: the compiler then refuses any use of a later
/// stage. This is the layering build: `swift test` compiles it (LayeringTests depends on
/// the last stage) and `StageTargetTests` checks its graph. admaudit itself is built from the one module
/// `AdmAudit`, as one module optimises best: split into eleven modules the same code ran about
/// 6% slower (docs/architecture.md, "Stages").
let stages = ["Model", "Ingest", "Pipeline", "Map", "Validate", "Measure", "Check", "Load", "Infer", "Audit", "Report"]

/// What each stage uses from outside the package.
let stageDependencies: [String: [Target.Dependency]] = [
    "Ingest": ["CLibCSV"],
    "Validate": [.product(name: "Crypto", package: "swift-crypto")],
    "Load": [.product(name: "Yams", package: "Yams")],
]

let stageTargets: [Target] = stages.enumerated().map { index, stage in
    .target(
        name: "AdmAuditStage\(stage)",
        // Every earlier stage, not only the one before: the build then rebuilds a stage when any
        // stage it sees changes (through the re-exports alone, an incremental build linked stale
        // symbols after an initialiser of an earlier stage changed).
        dependencies: stages[..<index].map { .target(name: "AdmAuditStage\($0)") } + (stageDependencies[stage] ?? []),
        path: "Sources/Stages/\(stage)",
        swiftSettings: [.define("ADMAUDIT_STAGES")],
        plugins: stage == "Report" ? ["ReportSectionList"] : []
    )
}

let package = Package(
    name: "admaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "admaudit", targets: ["AdmAuditCLI"]),
        // The workbench (`admaudit serve` runs it): a program of its own, so admaudit's build and
        // binary carry no web server for those who never serve.
        .executable(name: "admaudit-serve", targets: ["AdmAuditServe"]),
        .library(name: "AdmAudit", targets: ["AdmAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev; no pkg-config file exists, so the module map links it.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .target(
            name: "AdmAudit",
            dependencies: [
                "CLibCSV",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["ReportSectionList"]
        ),
        // Lists the report's sections at build time, so a new section is its own file alone.
        .plugin(name: "ReportSectionList", capability: .buildTool()),
        .executableTarget(
            name: "AdmAuditCLI",
            dependencies: [
                "AdmAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The workbench: pages, cases (SQLite through GRDB), and its server on Hummingbird.
        .target(
            name: "AdmAuditWorkbench",
            dependencies: [
                "AdmAudit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "AdmAuditServe",
            dependencies: [
                "AdmAuditWorkbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The workbench's pages answered directly, then the built admaudit-serve over HTTP and in
        // headless Chromium; depending on the executable makes sure it is built.
        .testTarget(
            name: "WorkbenchTests",
            dependencies: ["AdmAuditWorkbench", "AdmAuditServe"]
        ),
        .testTarget(
            name: "AdmAuditTests",
            dependencies: ["AdmAudit"]
        ),
        // Runs the built `admaudit` binary; depending on the CLI target makes sure it is built.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["AdmAuditCLI"]
        ),
        // Depends on the last stage, so `swift test` compiles the layering build: a stage that
        // uses a later one does not compile.
        .testTarget(
            name: "LayeringTests",
            dependencies: ["AdmAuditStageReport"]
        ),
    ] + stageTargets
)
