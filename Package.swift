// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cchsim",
    products: [
        .executable(name: "cchsim", targets: ["cchsim"]),
        .library(name: "CrossModalKD", targets: ["CrossModalKD"]),
        .library(name: "CCHScenario", targets: ["CCHScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        // isApproximatelyEqual: the project's one approximate-equality rule (docs/numerics.md).
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        // FileDescriptor, FilePath, Errno: the file handling of cchsim (docs/files.md).
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        // `swift package generate-documentation`: the DocC catalogs of the library targets (`make docs`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // OrderedSet: lists given by the user, each item once in the order first given.
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        // Thin C shim over the GNU Scientific Library (Debian: libgsl-dev).
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Thin C shim over OpenBLAS and LAPACKE (Debian: libopenblas-dev, liblapacke-dev): the
        // Gram products and the leading eigenvectors of the principal components (docs/real-data.md).
        // Its module map links GSL's CBLAS ahead of OpenBLAS, so GSL's cblas_* calls keep binding
        // to GSL's own CBLAS (its results unchanged); cchsim calls OpenBLAS only by names GSL's
        // CBLAS lacks (OpenBLAS.swift; LinkedBLASTests checks the binding).
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // Thin shim over zlib (Debian: zlib1g-dev): gzip-compressed data files read as a stream.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The joint Gaussian model, closed-form information theory, analytic KD risk and
        // Monte Carlo engine. No file I/O, no printing.
        .target(
            name: "CrossModalKD",
            dependencies: ["CGSL", "COpenBLAS", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // Scenario files (TOML) parsed and validated into CrossModalKD values; reading input files
        // (regular files, size limit, errors in words) and the one CSV reader.
        .target(
            name: "CCHScenario",
            dependencies: [
                "CrossModalKD", "CZlib", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The sweep and output engine: grid running, checkpoints, shards and merge, CSV, JSON,
        // metadata and gnuplot figures. No argument parsing.
        .target(
            name: "SweepEngine",
            dependencies: [
                "CrossModalKD", "CCHScenario", .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Commands and their reports; testable in-process.
        .target(
            name: "CCHSimCLI",
            dependencies: [
                "CrossModalKD", "CCHScenario", "SweepEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(name: "cchsim", dependencies: ["CCHSimCLI"]),
        // Fixtures and helpers shared by the test targets (temporary files, scenario texts,
        // running the built executable, planted data sets drawn from CrossModalKD's models, a reference
        // SVD by GSL, the CSV fields of an output line).
        .target(name: "CCHTestSupport", dependencies: ["CrossModalKD", "CCHScenario", "CGSL"], path: "Tests/CCHTestSupport"),
        .testTarget(
            name: "CrossModalKDTests",
            dependencies: ["CrossModalKD", "CGSL", "CCHTestSupport"]
        ),
        // The sweep and output engine's tests (through SweepEngine's API, and through the built
        // executable where a run must be interrupted or watched from outside).
        .testTarget(
            name: "SweepEngineTests",
            dependencies: [
                "SweepEngine", "CCHScenario", "CrossModalKD", "CCHTestSupport",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "CCHSimCLITests",
            dependencies: [
                "CCHSimCLI", "SweepEngine", "CCHScenario", "CrossModalKD", "CCHTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Snapshot files (help texts), read from the checkout by CCHTestSupport's assertSnapshot.
            exclude: ["Snapshots"]
        ),
        // The scenario layer's tests; SweepEngine runs the computations of a decoded scenario
        // (`KDAnalysis(of:)`, ...) where a test checks what a decoded value means.
        .testTarget(
            name: "CCHScenarioTests",
            dependencies: ["CCHScenario", "CrossModalKD", "SweepEngine", "CCHTestSupport"]
        ),
    ]
)
