import COpenBLAS

/// OpenBLAS for the few products that are large: the Gram matrices of a standardised view
/// (principal components of wide or tall data, docs/real-data.md).
///
/// Determinism: OpenBLAS is pinned to one thread, once, before its first use, so its results do
/// not depend on the machine's core count or on `--threads` (cchsim parallelises above BLAS, over
/// views, splits and estimator replicates). GSL keeps its own CBLAS: only the Fortran-named entry
/// points, which GSL's CBLAS does not export, are called here.
enum OpenBLAS {
    private static let once: Void = { openblas_set_num_threads(1) }()
    static func prepare() { _ = once }
}

extension Matrix {
    /// Z'Z (cols x cols) for this rows x cols matrix Z: the products of its columns
    /// (BLAS `dsyrk`, n p^2 multiply-adds).
    public var columnGram: Matrix { gram(ofColumns: true) }

    /// Z Z' (rows x rows) for this rows x cols matrix Z: the products of its rows
    /// (BLAS `dsyrk`, n^2 p multiply-adds).
    public var rowGram: Matrix { gram(ofColumns: false) }

    /// Z' Y (cols x y.cols) for this rows x cols Z and a rows x y.cols matrix Y (BLAS `dgemm`).
    public func transposedTimes(_ y: Matrix) -> Matrix {
        precondition(rows == y.rows, "transposedTimes: shape mismatch")
        var out = Matrix(rows: cols, cols: y.cols)
        guard rows > 0, cols > 0, y.cols > 0 else { return out }
        OpenBLAS.prepare()
        // Row-major Z is column-major Z' (cols x rows, leading dimension cols); the column-major
        // product C' = Y' Z (y.cols x cols) is the row-major C = Z' Y.
        var transA = CChar(UInt8(ascii: "N")), transB = CChar(UInt8(ascii: "T"))
        var m = Int32(y.cols), n = Int32(cols), k = Int32(rows)
        var alpha = 1.0, beta = 0.0
        var lda = Int32(y.cols), ldb = Int32(cols), ldc = Int32(y.cols)
        y.elements.withUnsafeBufferPointer { yp in
            elements.withUnsafeBufferPointer { zp in
                out.elements.withUnsafeMutableBufferPointer { cp in
                    dgemm_(&transA, &transB, &m, &n, &k, &alpha, yp.baseAddress, &lda,
                           zp.baseAddress, &ldb, &beta, cp.baseAddress, &ldc)
                }
            }
        }
        return out
    }

    private func gram(ofColumns: Bool) -> Matrix {
        let size = ofColumns ? cols : rows
        var g = Matrix(rows: size, cols: size)
        guard rows > 0, cols > 0 else { return g }
        OpenBLAS.prepare()
        // Row-major Z (rows x cols) is the column-major matrix A = Z' (cols x rows, leading
        // dimension cols): Z'Z = A A' ("N"), Z Z' = A' A ("T"). The lower triangle (column-major)
        // is filled, then mirrored.
        var uplo = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: ofColumns ? "N" : "T"))
        var n = Int32(size), k = Int32(ofColumns ? rows : cols)
        var alpha = 1.0, beta = 0.0
        var lda = Int32(cols), ldc = Int32(size)
        elements.withUnsafeBufferPointer { zp in
            g.elements.withUnsafeMutableBufferPointer { gp in
                dsyrk_(&uplo, &trans, &n, &k, &alpha, zp.baseAddress, &lda, &beta, gp.baseAddress, &ldc)
                // Column-major lower triangle = row-major upper triangle: copy it below the diagonal.
                for a in 0..<size { for b in 0..<a { gp[a * size + b] = gp[b * size + a] } }
            }
        }
        return g
    }
}
