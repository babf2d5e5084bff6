import Foundation

/// Accuracy of sign(w'S) as a predictor of the sign label C = sign(Y), by Sheppard's formula:
/// P(sign(w'S) = sign(Y)) = 1/2 + asin(r) / pi with r = corr(w'S, Y) (docs/theory.md section 3.3).
public enum SignAccuracy {
    /// Accuracy of the linear student `w` in `model`; 1/2 for w = 0 (a constant guess).
    public static func of(weights w: [Double], in model: JointGaussian) -> Double {
        let cov = Vec.dot(w, model.ssy)
        let varPrediction = Vec.quadratic(w, model.sss)
        guard varPrediction > 0 else { return 0.5 }
        return of(correlation: cov / (varPrediction * model.syy).squareRoot())
    }

    /// 1/2 + asin(r) / pi for a correlation r (clamped to [-1, 1] against rounding).
    @inline(__always) public static func of(correlation r: Double) -> Double {
        0.5 + asin(max(-1, min(1, r))) / Double.pi
    }
}
