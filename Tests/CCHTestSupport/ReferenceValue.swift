/// Checks a computed number against a reference value: a literal computed once by an independent,
/// higher-precision tool (mpmath at 50 digits, NumPy/SciPy in float64 on an independent code path)
/// or a closed form evaluated another way, with an explicit error budget (the pattern of
/// swift-numerics' `Tests/RealTests/ElementaryFunctionChecks.swift`).
///
/// The error budget is measured against the *reference*, which is the better value, so the rule is
/// not symmetric (unlike `isApproximatelyEqual`, docs/numerics.md): `value` passes when
///
///     |value - reference| <= max(absolute, relative * |reference|, ulps * reference.ulp)
///
/// Each tolerance defaults to 0, so with none given the check is exact equality. A NaN passes only
/// against a NaN reference, an infinity only against the same infinity. Without an absolute budget
/// a value on the other side of zero from the reference fails whatever the budget, as in
/// swift-numerics; an absolute budget is for references at zero, where either sign is fine.
///
/// - Parameters:
///   - value: what cchsim computed.
///   - reference: the independent value.
///   - absolute: allowed absolute error, in the value's units (for references at or near 0).
///   - relative: allowed error as a fraction of `|reference|`.
///   - ulps: allowed error in units in the last place of `reference`.
///   - what: names the quantity in the failure message.
/// - Returns: whether the value passed (to stop a test early, say).
@discardableResult
public func assertClose(_ value: Double, _ reference: Double, absolute: Double = 0, relative: Double = 0, ulps: Double = 0,
                        _ what: @autoclosure () -> String = "",
                        fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Bool {
    precondition(absolute >= 0 && relative >= 0 && ulps >= 0, "assertClose: tolerances are non-negative")
    let site = CallSite(fileID: fileID, filePath: filePath, line: line, column: column)
    if let problem = ReferenceCheck(value: value, reference: reference, absolute: absolute, relative: relative, ulps: ulps).problem {
        let name = what()
        site.fail((name.isEmpty ? "" : name + ": ") + problem)
        return false
    }
    return true
}

/// Element-wise `assertClose` of two equally long arrays, with the element's index in the message.
@discardableResult
public func assertClose(_ values: [Double], _ references: [Double], absolute: Double = 0, relative: Double = 0, ulps: Double = 0,
                        _ what: @autoclosure () -> String = "",
                        fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column) -> Bool {
    let site = CallSite(fileID: fileID, filePath: filePath, line: line, column: column)
    let name = what()
    guard values.count == references.count else {
        site.fail((name.isEmpty ? "" : name + ": ") + "\(values.count) values against \(references.count) references")
        return false
    }
    var passed = true
    for (index, (value, reference)) in zip(values, references).enumerated() {
        if let problem = ReferenceCheck(value: value, reference: reference, absolute: absolute, relative: relative, ulps: ulps).problem {
            site.fail((name.isEmpty ? "" : name) + "[\(index)]: " + problem)
            passed = false
        }
    }
    return passed
}

/// The rule of `assertClose`, apart from reporting.
struct ReferenceCheck {
    let value: Double
    let reference: Double
    let absolute: Double
    let relative: Double
    let ulps: Double

    /// The allowed error: the largest of the three budgets.
    var budget: Double { max(absolute, relative * reference.magnitude, ulps * reference.ulp) }

    /// Why `value` fails, or nil when it passes.
    var problem: String? {
        if value.isNaN || reference.isNaN {
            return value.isNaN && reference.isNaN ? nil : "got \(value), reference \(reference)"
        }
        if value.isInfinite || reference.isInfinite {
            return value == reference ? nil : "got \(value), reference \(reference)"
        }
        if absolute == 0 && value != 0 && reference != 0 && value.sign != reference.sign {
            return "got \(value), reference \(reference): the sign is wrong"
        }
        let error = (value - reference).magnitude
        guard error > budget else { return nil }
        let relativeError = reference == 0 ? Double.infinity : error / reference.magnitude
        return "got \(value), reference \(reference): error \(error) (relative \(relativeError), "
            + "\(error / reference.ulp) ulps) exceeds the budget \(budget)"
            + " (absolute \(absolute), relative \(relative), ulps \(ulps))"
    }
}
