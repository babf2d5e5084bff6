import Foundation

/// Accuracy of sign(w'S) as a predictor of the sign label C = sign(Y), by Sheppard's formula:
/// P(sign(w'S) = sign(Y)) = 1/2 + asin(r) / pi with r = corr(w'S, Y) (THEORY.md section 3).
public enum SignAccuracy {
    /// Accuracy of the linear student `w` in `model`; 1/2 for w = 0 (a constant guess).
    public static func of(weights w: [Double], in model: JointGaussian) -> Double {
        of(weights: w, block: model.studentIndices, in: model)
    }
}
