// swift-tools-version:6.0
// The libFuzzer targets of cchsim's input readers (`make fuzz-lib`, docs/robustness.md), a package
// of its own like bench/: it is built only with `-sanitize=fuzzer` (libFuzzer supplies `main`),
// which the main package's build and test build must never need. It uses the scenario layer of
// the package one directory up.
import PackageDescription

let package = Package(
    name: "cchsim-fuzz",
    products: [
        .executable(name: "cchsim-fuzz-toml", targets: ["TOMLFuzz"]),
        .executable(name: "cchsim-fuzz-csv", targets: ["CSVFuzz"]),
    ],
    dependencies: [.package(name: "cchsim", path: "..")],
    targets: [
        .executableTarget(
            name: "TOMLFuzz",
            dependencies: [
                .product(name: "CCHScenario", package: "cchsim"),
                .product(name: "CrossModalKD", package: "cchsim"),
            ]
        ),
        .executableTarget(
            name: "CSVFuzz",
            dependencies: [.product(name: "CCHScenario", package: "cchsim")]
        ),
    ]
)
