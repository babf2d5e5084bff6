/// A zero-initialised buffer of doubles owned by one worker (freed with it).
final class DoubleBuffer {
    let base: UnsafeMutablePointer<Double>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    convenience init(copying values: [Double]) {
        self.init(count: values.count)
        for (i, v) in values.enumerated() { base[i] = v }
    }

    deinit { base.deallocate() }
}

/// One regression sample of a trial (the teacher's or the student's), reduced to what least squares
/// needs in whitened coordinates: the scatter C = Xi'Xi of its p design innovations and the cross
/// terms h_s = Xi'e_s with its independent noise sources e_s (s = 0..<sources).
///
/// The statistics live in one of two forms: explicit (C, h_s), as the triples sampler accumulates
/// them, or factored (A with C = A A', and A^-1 h_s), as the moments sampler draws them (Bartlett
/// factor A, and A^-1 h_s = scale_s g_s with g_s standard normal). OLS works on the factored form,
/// ridge on the explicit one; each converts when needed.
///
/// A response r = a'xi + sum_s coef_s e_s has whitened least-squares weights
///     OLS:    v = a + A^-T sum_s coef_s (A^-1 h_s)
///     ridge:  v = (C + m gamma Q)^-1 (C a + sum_s coef_s h_s)
/// where m gamma Q is the ridge penalty m gamma |w|^2 written in whitened weights (Q = L^-1 L^-T).
final class WhitenedSample {
    /// p, the number of design columns.
    let order: Int
    /// Noise sources: 1 for the teacher (eps), 2 for the student (eps_y and the teacher's own noise).
    let sources: Int
    /// Innovations per drawn row beyond (xi, eps): the teacher block eps_T of a student row, whose
    /// weighted sum is source 1.
    let extraPerRow: Int
    /// Whether `gram`/`cross` hold the factored form.
    private(set) var isFactored = false

    /// C (explicit; lower triangle, full after `prepareRidge`) or A (factored; lower triangle).
    private let gram: DoubleBuffer
    /// h_s (explicit) or A^-1 h_s (factored), source s at offset s * p.
    private let cross: DoubleBuffer
    /// A^-T A^-1 h_s after `prepareOLS`.
    private let solved: DoubleBuffer
    /// Cholesky factor of C + m gamma Q after `prepareRidge`; scratch before.
    private let system: DoubleBuffer
    /// Four drawn rows and their noise values (triples).
    private let rows: DoubleBuffer, noise: DoubleBuffer

    private var rowLength: Int { order + 1 + extraPerRow }

    init(order p: Int, sources: Int, extraPerRow: Int) {
        order = p
        self.sources = sources
        self.extraPerRow = extraPerRow
        gram = DoubleBuffer(count: p * p)
        cross = DoubleBuffer(count: sources * p)
        solved = DoubleBuffer(count: sources * p)
        system = DoubleBuffer(count: p * p)
        rows = DoubleBuffer(count: 4 * (p + 1 + extraPerRow))
        noise = DoubleBuffer(count: 4 * sources)
    }

    /// Moments sampler: the factored statistics of m >= p samples, drawn from `stream` as the
    /// Bartlett factor A (row by row) and then, per source s, p normals scaled by `scales[s]` (the
    /// standard deviation of source s).
    func drawMoments(samples m: Int, scales: (Double, Double), from stream: RandomStream) {
        let p = order
        stream.bartlettFactor(order: p, degreesOfFreedom: m, into: gram.base)
        for s in 0..<sources {
            let h = cross.base + s * p
            stream.fillGaussian(h, count: p)
            let scale = s == 0 ? scales.0 : scales.1
            if scale != 1 { for i in 0..<p { h[i] *= scale } }
        }
        isFactored = true
    }

    /// Triples sampler: draws m rows of `order + 1 + extraPerRow` innovations (xi, eps, extra) from
    /// `stream` and accumulates the explicit statistics. Source 0 is eps; source 1 (students) is
    /// the extra block weighted by `extraWeights` (nu: the teacher signal's own noise).
    func drawTriples(samples m: Int, extraWeights: UnsafePointer<Double>, from stream: RandomStream) {
        let p = order, stride = rowLength
        gram.base.update(repeating: 0, count: p * p)
        cross.base.update(repeating: 0, count: sources * p)
        var done = 0
        while done < m {
            let block = min(4, m - done)
            for r in 0..<block {
                let row = rows.base + r * stride
                stream.fillGaussian(row, count: stride)
                noise.base[r * sources] = row[p]
                if sources > 1 { noise.base[r * sources + 1] = DenseKernels.dot(extraWeights, row + p + 1, extraPerRow) }
            }
            DenseKernels.accumulateScatter(rows: rows.base, stride: stride, count: block, columns: p,
                                           noise: noise.base, sources: sources, into: gram.base, cross: cross.base)
            done += block
        }
        isFactored = false
    }

    /// Readies OLS: factors C if needed. Returns false when C is numerically singular.
    func prepareOLS() -> Bool {
        let p = order
        if !isFactored {
            guard DenseKernels.cholesky(gram.base, order: p) else { return false }
            for s in 0..<sources { DenseKernels.forwardSolve(gram.base, cross.base + s * p, order: p) }
            isFactored = true
        }
        for s in 0..<sources {
            let t = solved.base + s * p
            t.update(from: cross.base + s * p, count: p)
            DenseKernels.backSolveTransposed(gram.base, t, order: p)
        }
        return true
    }

    /// OLS weights of the response with signal `a` and noise coefficients `coef` into `v`
    /// (after `prepareOLS`).
    func olsWeights(signal a: UnsafePointer<Double>, coefficients coef: (Double, Double), into v: UnsafeMutablePointer<Double>) {
        let t0 = solved.base
        if sources > 1 {
            let t1 = solved.base + order
            for i in 0..<order { v[i] = a[i] + coef.0 * t0[i] + coef.1 * t1[i] }
        } else {
            for i in 0..<order { v[i] = a[i] + coef.0 * t0[i] }
        }
    }

    /// Readies ridge with penalty m gamma Q (`penalty` = m gamma > 0, `metric` = Q): makes the
    /// statistics explicit and factors C + penalty Q. Returns false when that fails numerically.
    func prepareRidge(penalty: Double, metric q: UnsafePointer<Double>) -> Bool {
        let p = order
        if isFactored {
            // C = A A' and h_s = A (A^-1 h_s); `system` is scratch here.
            DenseKernels.lowerGram(gram.base, into: system.base, order: p)
            for s in 0..<sources {
                let h = cross.base + s * p
                DenseKernels.lowerTimes(gram.base, h, into: solved.base, order: p)
                h.update(from: solved.base, count: p)
            }
            gram.base.update(from: system.base, count: p * p)
            isFactored = false
        } else {
            DenseKernels.mirrorLower(gram.base, order: p)
        }
        for i in 0..<(p * p) { system.base[i] = gram.base[i] + penalty * q[i] }
        return DenseKernels.cholesky(system.base, order: p)
    }

    /// Ridge weights of the response with signal `a` and noise coefficients `coef` into `v`
    /// (after `prepareRidge`).
    func ridgeWeights(signal a: UnsafePointer<Double>, coefficients coef: (Double, Double), into v: UnsafeMutablePointer<Double>) {
        let p = order
        DenseKernels.symmetricTimes(gram.base, a, into: v, order: p)
        let h0 = cross.base
        for i in 0..<p { v[i] += coef.0 * h0[i] }
        if sources > 1 {
            let h1 = cross.base + p
            for i in 0..<p { v[i] += coef.1 * h1[i] }
        }
        DenseKernels.choleskySolve(system.base, v, order: p)
    }
}
