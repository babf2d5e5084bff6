/// The Kraskov-Stoegbauer-Grassberger kNN estimator of mutual information (KSG, algorithm 1;
/// Phys. Rev. E 69, 066138, 2004), and its variant for a discrete second variable (Ross,
/// PLoS ONE 9, e87357, 2014), in nats.
///
/// Algorithm 1: with eps_i the max-norm distance from row i to its k-th nearest neighbour in the
/// joint space (A, B), and n_A(i), n_B(i) the numbers of other rows strictly closer than eps_i in
/// A alone and in B alone,  I = psi(k) + psi(N) - < psi(n_A + 1) + psi(n_B + 1) >.
/// Every column is standardised (unit sample variance) first, so the max-norm weighs coordinates
/// alike. k-d trees make one estimate about O(N log N): at N = 100,000 rows an estimate in 3
/// dimensions takes a fraction of a second in a release build (docs/mi-estimation.md, "Speed"; conventions: docs/theory.md section 6.2).
/// The information about a class label (coded or not) is Ross's estimator on the label's values.
public struct KSGEstimator: InformationEstimator {
    /// Number of neighbours k >= 1 (Kraskov et al. suggest 2 to 4; larger k: less variance, more bias).
    public let k: Int

    public init(k: Int = 3) throws(ParameterError) {
        guard k >= 1 else { throw .invalid(parameter: .neighbours, reason: "the number of neighbours must be at least 1, got \(k)") }
        self.k = k
    }

    public var kind: MIEstimatorKind { .ksg }

    /// Tied rows make a kNN distance 0.
    public var needsDistinctRows: Bool { true }

    public func handles(_ label: SampleLabel.Kind) -> Bool { true }

    public func labelInformation(_ rows: SampleRows, _ a: [Int], _ label: SampleLabel, parallel: Bool = true) throws(EstimationError) -> Double? {
        switch label {
        case .continuous(let y): try mutualInformation(rows, a, [y], parallel: parallel)
        case .classes(let c, _): try mutualInformation(rows, a, discrete: c, parallel: parallel)
        }
    }

    /// I(A;B) for two disjoint, non-empty column sets of continuous data. `parallel` spreads the
    /// queries over all cores (the result does not depend on it).
    public func mutualInformation(_ rows: SampleRows, _ a: [Int], _ b: [Int],
                                  parallel: Bool = true) throws(EstimationError) -> Double {
        let n = rows.count
        guard n > k else { throw .tooFewSamples(estimator: "KSG (k = \(k))", rows: n, needed: k + 1) }
        let da = a.count, db = b.count, d = da + db
        let xa = try rows.standardized(a, block: "the columns \(a)")
        let xb = try rows.standardized(b, block: "the columns \(b)")
        var joint = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            for j in 0..<da { joint[i * d + j] = xa[i * da + j] }
            for j in 0..<db { joint[i * d + da + j] = xb[i * db + j] }
        }
        let jointTree = KDTree(points: joint, dimension: d)
        let treeA = KDTree(points: xa, dimension: da), treeB = KDTree(points: xb, dimension: db)
        let psi = Digamma.table(upTo: n + 1)
        // Per chunk: (sum of psi(n_A + 1) + psi(n_B + 1), number of zero distances).
        let partial = Parallel.chunks(n, chunkSize: 2048, parallel: parallel) { [joint] range -> (Double, Int) in
            var sum = 0.0, zeros = 0
            joint.withUnsafeBufferPointer { z in
                xa.withUnsafeBufferPointer { pa in
                    xb.withUnsafeBufferPointer { pb in
                        for i in range {
                            let eps = jointTree.kthNeighbourDistance(z.baseAddress! + i * d, k: k, excluding: i)
                            guard eps > 0 else { zeros += 1; continue }
                            // Counts of the other rows: the query itself is within any radius > 0.
                            let na = treeA.countWithin(pa.baseAddress! + i * da, radius: eps) - 1
                            let nb = treeB.countWithin(pb.baseAddress! + i * db, radius: eps) - 1
                            sum += psi[na] + psi[nb]
                        }
                    }
                }
            }
            return (sum, zeros)
        }
        let zeros = partial.reduce(0) { $0 + $1.1 }
        guard zeros == 0 else { throw .duplicatePoints(block: "the joint columns \(a + b)", rows: zeros) }
        let mean = partial.reduce(0.0) { $0 + $1.0 } / Double(n)
        return psi[k - 1] + psi[n - 1] - mean
    }

    /// I(A;C) for continuous columns A and a discrete column C (class values compared exactly),
    /// by Ross's estimator: with d_i the distance from row i to its k-th nearest neighbour among
    /// rows of its class, m_i the number of rows (any class, itself included) strictly closer
    /// than d_i and N_c the size of its class,  I = psi(N) + psi(k) - < psi(N_c) + psi(m_i) >.
    /// Every class needs more than k distinct rows.
    public func mutualInformation(_ rows: SampleRows, _ a: [Int], discrete c: Int,
                                  parallel: Bool = true) throws(EstimationError) -> Double {
        let n = rows.count, da = a.count
        let xa = try rows.standardized(a, block: "the columns \(a)")
        var members: [Double: [Int]] = [:]  // class value -> used-row positions
        for (r, i) in rows.indices.enumerated() { members[rows.data[i, c], default: []].append(r) }
        let treeA = KDTree(points: xa, dimension: da)
        let psi = Digamma.table(upTo: n + 1)
        var radius = [Double](repeating: 0, count: n)
        var classSize = [Int](repeating: 0, count: n)
        for value in members.keys.sorted() {
            let positions = members[value] ?? []
            guard positions.count > k else {
                throw .tooFewSamples(estimator: "KSG for a discrete label (k = \(k)) in the class \(value)", rows: positions.count, needed: k + 1)
            }
            var points = [Double](repeating: 0, count: positions.count * da)
            for (p, r) in positions.enumerated() { for j in 0..<da { points[p * da + j] = xa[r * da + j] } }
            let tree = KDTree(points: points, dimension: da)
            let distances = Parallel.chunks(positions.count, chunkSize: 2048, parallel: parallel) { [points] range -> [Double] in
                points.withUnsafeBufferPointer { pts in
                    range.map { p in tree.kthNeighbourDistance(pts.baseAddress! + p * da, k: k, excluding: p) }
                }
            }.flatMap { $0 }
            for (p, r) in positions.enumerated() {
                radius[r] = distances[p]
                classSize[r] = positions.count
            }
        }
        let partial = Parallel.chunks(n, chunkSize: 2048, parallel: parallel) { [radius, classSize] range -> (Double, Int) in
            var sum = 0.0, zeros = 0
            xa.withUnsafeBufferPointer { pa in
                for i in range {
                    guard radius[i] > 0 else { zeros += 1; continue }
                    let m = treeA.countWithin(pa.baseAddress! + i * da, radius: radius[i])  // itself included
                    sum += psi[classSize[i] - 1] + psi[m - 1]
                }
            }
            return (sum, zeros)
        }
        let zeros = partial.reduce(0) { $0 + $1.1 }
        guard zeros == 0 else { throw .duplicatePoints(block: "the columns \(a) within a class", rows: zeros) }
        let mean = partial.reduce(0.0) { $0 + $1.0 } / Double(n)
        return psi[n - 1] + psi[k - 1] - mean
    }
}
