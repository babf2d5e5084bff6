// swift-tools-version:6.0
// The Monte Carlo benchmark (`make bench`), a package of its own so that it stays out of the
// main package's build and test build. It uses the library and the scenario layer of the
// package one directory up.
import PackageDescription

let package = Package(
    name: "cchsim-bench",
    products: [.executable(name: "cchsim-bench", targets: ["CCHSimBench"])],
    dependencies: [
        .package(name: "cchsim", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "CCHSimBench",
            dependencies: [
                .product(name: "CrossModalKD", package: "cchsim"),
                .product(name: "CCHScenario", package: "cchsim"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
