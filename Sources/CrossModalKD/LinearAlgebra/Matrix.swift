/// A small dense real matrix, row-major, value semantics.
///
/// cchsim's matrices are mostly covariance blocks and their products: a few hundred entries at
/// most, so plain Swift loops are used for products and GSL for factorisations (see `Cholesky`).
/// The exception is a data view (rows x columns, up to millions of entries): its Gram products
/// go to OpenBLAS (`columnGram`, `rowGram`, `transposedTimes`; OpenBLAS.swift).
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let cols: Int
    /// Entries in row-major order: element (i, j) is `elements[i * cols + j]`.
    public var elements: [Double]

    /// A matrix from row-major entries; `elements.count` must equal `rows * cols`.
    public init(rows: Int, cols: Int, elements: [Double]) {
        precondition(rows >= 0 && cols >= 0 && elements.count == rows * cols, "Matrix shape mismatch")
        self.rows = rows
        self.cols = cols
        self.elements = elements
    }

    /// The `rows` x `cols` matrix with every entry equal to `value`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.init(rows: rows, cols: cols, elements: Array(repeating: value, count: rows * cols))
    }

    /// A matrix from an array of equally long rows.
    public init(_ rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == cols }, "Matrix rows of unequal length")
        self.init(rows: rowArrays.count, cols: cols, elements: rowArrays.flatMap { $0 })
    }

    /// The n x n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// A diagonal matrix with the given diagonal.
    public static func diagonal(_ d: [Double]) -> Matrix {
        var m = Matrix(rows: d.count, cols: d.count)
        for (i, x) in d.enumerated() { m[i, i] = x }
        return m
    }

    /// A column vector.
    public static func column(_ v: [Double]) -> Matrix { Matrix(rows: v.count, cols: 1, elements: v) }

    public subscript(i: Int, j: Int) -> Double {
        get { elements[i * cols + j] }
        set { elements[i * cols + j] = newValue }
    }

    public var isSquare: Bool { rows == cols }

    public var transposed: Matrix {
        var t = Matrix(rows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { t[j, i] = self[i, j] } }
        return t
    }

    /// Sum of the diagonal.
    public var trace: Double {
        precondition(isSquare, "trace of a non-square matrix")
        var s = 0.0
        for i in 0..<rows { s += self[i, i] }
        return s
    }

    /// The entries of a one-column (or one-row) matrix.
    public var vector: [Double] { elements }

    /// The sub-matrix on the given row and column index sets (in that order).
    public func submatrix(rows r: [Int], cols c: [Int]) -> Matrix {
        var m = Matrix(rows: r.count, cols: c.count)
        for (a, i) in r.enumerated() { for (b, j) in c.enumerated() { m[a, b] = self[i, j] } }
        return m
    }

    /// The principal sub-matrix on an index set.
    public func principal(_ idx: [Int]) -> Matrix { submatrix(rows: idx, cols: idx) }

    /// (A + A') / 2, used to remove rounding asymmetry before a Cholesky factorisation.
    public var symmetrised: Matrix {
        precondition(isSquare, "symmetrising a non-square matrix")
        var m = self
        for i in 0..<rows { for j in 0..<i { let v = 0.5 * (self[i, j] + self[j, i]); m[i, j] = v; m[j, i] = v } }
        return m
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.cols == b.rows, "Matrix product shape mismatch")
        var c = Matrix(rows: a.rows, cols: b.cols)
        a.elements.withUnsafeBufferPointer { ap in
            b.elements.withUnsafeBufferPointer { bp in
                c.elements.withUnsafeMutableBufferPointer { cp in
                    for i in 0..<a.rows {
                        for k in 0..<a.cols {
                            let aik = ap[i * a.cols + k]
                            if aik == 0 { continue }
                            for j in 0..<b.cols { cp[i * b.cols + j] += aik * bp[k * b.cols + j] }
                        }
                    }
                }
            }
        }
        return c
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.cols == b.cols, "Matrix sum shape mismatch")
        return Matrix(rows: a.rows, cols: a.cols, elements: zip(a.elements, b.elements).map(+))
    }

    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.cols == b.cols, "Matrix difference shape mismatch")
        return Matrix(rows: a.rows, cols: a.cols, elements: zip(a.elements, b.elements).map(-))
    }

    public static func * (s: Double, a: Matrix) -> Matrix {
        Matrix(rows: a.rows, cols: a.cols, elements: a.elements.map { s * $0 })
    }

    public var description: String {
        (0..<rows).map { i in (0..<cols).map { j in "\(self[i, j])" }.joined(separator: " ") }
            .joined(separator: "\n")
    }
}

/// Vector helpers on `[Double]`, named as in the formulas (x'y, |x|^2_M, x'M y).
public enum Vec {
    /// x'y.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot of unequal lengths")
        var s = 0.0
        for i in 0..<x.count { s += x[i] * y[i] }
        return s
    }

    /// M x for a matrix M with `x.count` columns.
    public static func apply(_ m: Matrix, _ x: [Double]) -> [Double] {
        precondition(m.cols == x.count, "matrix-vector shape mismatch")
        var y = [Double](repeating: 0, count: m.rows)
        for i in 0..<m.rows {
            var s = 0.0
            for j in 0..<m.cols { s += m[i, j] * x[j] }
            y[i] = s
        }
        return y
    }

    /// x' M y.
    public static func bilinear(_ x: [Double], _ m: Matrix, _ y: [Double]) -> Double { dot(x, apply(m, y)) }

    /// |x|^2_M = x' M x.
    public static func quadratic(_ x: [Double], _ m: Matrix) -> Double { bilinear(x, m, x) }

    public static func sub(_ x: [Double], _ y: [Double]) -> [Double] { zip(x, y).map(-) }
    public static func add(_ x: [Double], _ y: [Double]) -> [Double] { zip(x, y).map(+) }
    public static func scale(_ s: Double, _ x: [Double]) -> [Double] { x.map { s * $0 } }
}
