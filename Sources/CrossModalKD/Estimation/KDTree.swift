/// A k-d tree over points in R^d for the two searches of the KSG estimator, both in the max-norm
/// |x - q| = max_j |x_j - q_j|:
/// - the distance from one of its own points to that point's k-th nearest neighbour;
/// - the number of points strictly within a radius (whole subtrees are counted at once when
///   their bounding box lies inside the query box).
///
/// Built once in O(n log n) (median splits on the widest side of each node's bounding box,
/// leaves of at most `leafSize` points); read-only afterwards and safe to query from many
/// threads at once.
struct KDTree: Sendable {
    let dimension: Int
    let count: Int
    /// Coordinates in tree order, row-major (point p at p * dimension ..< (p + 1) * dimension).
    private let coordinates: [Double]
    /// Original index of each point, in tree order.
    private let ids: [Int32]
    /// Per node: range of points [start, end), children (-1 for a leaf), bounding box.
    private let start: [Int32], end: [Int32], left: [Int32], right: [Int32]
    private let lower: [Double], upper: [Double]

    static let leafSize = 12

    /// A tree over the points with coordinates `points` (row-major, `dimension` per point);
    /// point i is known by its index i.
    init(points: [Double], dimension: Int) {
        precondition(dimension >= 1 && points.count % dimension == 0, "KDTree: bad point array")
        let n = points.count / dimension
        self.dimension = dimension
        self.count = n
        var builder = Builder(points: points, dimension: dimension)
        builder.build(0, n)
        let order = builder.order
        var coords = [Double](repeating: 0, count: points.count)
        var g = [Int32](repeating: 0, count: n)
        for (p, i) in order.enumerated() {
            for j in 0..<dimension { coords[p * dimension + j] = points[i * dimension + j] }
            g[p] = Int32(truncatingIfNeeded: i)
        }
        coordinates = coords
        ids = g
        start = builder.start
        end = builder.end
        left = builder.left
        right = builder.right
        lower = builder.lower
        upper = builder.upper
    }

    /// Max-norm distance from point `index` (coordinates `query`) to its k-th nearest neighbour
    /// among the other points (k >= 1); +infinity when there are fewer than k others.
    func kthNeighbourDistance(_ query: UnsafePointer<Double>, k: Int, excluding index: Int) -> Double {
        let id = Int32(truncatingIfNeeded: index)
        precondition(k >= 1)
        var best = [Double](repeating: .infinity, count: k)  // ascending
        coordinates.withUnsafeBufferPointer { c in
            ids.withUnsafeBufferPointer { g in
                best.withUnsafeMutableBufferPointer { b in
                    nearest(node: 0, query, k, id, c, g, b)
                }
            }
        }
        return best[k - 1]
    }

    /// Number of points x with |x - query| < radius (max-norm, strict).
    func countWithin(_ query: UnsafePointer<Double>, radius: Double) -> Int {
        coordinates.withUnsafeBufferPointer { c in count(node: 0, query, radius, c) }
    }

    // MARK: Searches

    /// Max-norm distance from the query to node's bounding box (0 inside).
    @inline(__always)
    private func boxDistance(_ node: Int, _ q: UnsafePointer<Double>) -> Double {
        var d = 0.0
        let base = node * dimension
        for j in 0..<dimension {
            let gap = max(lower[base + j] - q[j], q[j] - upper[base + j])
            if gap > d { d = gap }
        }
        return d
    }

    private func nearest(node: Int, _ q: UnsafePointer<Double>, _ k: Int, _ excluded: Int32,
                         _ c: UnsafeBufferPointer<Double>, _ g: UnsafeBufferPointer<Int32>,
                         _ best: UnsafeMutableBufferPointer<Double>) {
        let l = Int(left[node])
        if l < 0 {
            for p in Int(start[node])..<Int(end[node]) where g[p] != excluded {
                var d = 0.0
                let base = p * dimension
                for j in 0..<dimension {
                    let a = abs(c[base + j] - q[j])
                    if a > d { d = a }
                }
                if d < best[k - 1] {
                    var i = k - 1
                    while i > 0 && best[i - 1] > d { best[i] = best[i - 1]; i -= 1 }
                    best[i] = d
                }
            }
            return
        }
        let r = Int(right[node])
        let dl = boxDistance(l, q), dr = boxDistance(r, q)
        let (first, dFirst, second, dSecond) = dl <= dr ? (l, dl, r, dr) : (r, dr, l, dl)
        if dFirst < best[k - 1] { nearest(node: first, q, k, excluded, c, g, best) }
        if dSecond < best[k - 1] { nearest(node: second, q, k, excluded, c, g, best) }
    }

    private func count(node: Int, _ q: UnsafePointer<Double>, _ radius: Double, _ c: UnsafeBufferPointer<Double>) -> Int {
        let base = node * dimension
        var inside = true
        // Differences from the query, as the per-point test computes them (floating-point
        // subtraction is monotone, so the box decides exactly as its points would).
        for j in 0..<dimension {
            let below = q[j] - lower[base + j], above = upper[base + j] - q[j]
            if -below >= radius || -above >= radius { return 0 }
            if below >= radius || above >= radius { inside = false }
        }
        if inside { return Int(end[node] - start[node]) }
        let l = Int(left[node])
        if l >= 0 { return count(node: l, q, radius, c) + count(node: Int(right[node]), q, radius, c) }
        var n = 0
        for p in Int(start[node])..<Int(end[node]) {
            var within = true
            let pb = p * dimension
            for j in 0..<dimension where abs(c[pb + j] - q[j]) >= radius { within = false; break }
            if within { n += 1 }
        }
        return n
    }

    // MARK: Construction

    /// Builds the node arrays by recursive median splits, reordering `order` in place.
    private struct Builder {
        let points: [Double]
        let dimension: Int
        var order: [Int]
        var start: [Int32] = [], end: [Int32] = [], left: [Int32] = [], right: [Int32] = []
        var lower: [Double] = [], upper: [Double] = []

        init(points: [Double], dimension: Int) {
            self.points = points
            self.dimension = dimension
            order = Array(0..<(points.count / dimension))
        }

        /// Appends the node for order[from..<to] and its subtree; returns its index.
        @discardableResult
        mutating func build(_ from: Int, _ to: Int) -> Int {
            let node = start.count
            start.append(Int32(from)); end.append(Int32(to)); left.append(-1); right.append(-1)
            var lo = [Double](repeating: .infinity, count: dimension)
            var hi = [Double](repeating: -.infinity, count: dimension)
            for p in from..<to {
                let base = order[p] * dimension
                for j in 0..<dimension {
                    let x = points[base + j]
                    if x < lo[j] { lo[j] = x }
                    if x > hi[j] { hi[j] = x }
                }
            }
            lower.append(contentsOf: lo)
            upper.append(contentsOf: hi)
            guard to - from > KDTree.leafSize else { return node }
            var axis = 0
            for j in 1..<dimension where hi[j] - lo[j] > hi[axis] - lo[axis] { axis = j }
            guard hi[axis] > lo[axis] else { return node }  // all points equal: keep as a leaf
            let middle = (from + to) / 2
            select(middle, from, to, axis)
            let l = build(from, middle)
            let r = build(middle, to)
            left[node] = Int32(l)
            right[node] = Int32(r)
            return node
        }

        /// Quickselect: order[from..<to] rearranged so that order[k] holds the point with the
        /// k-th smallest coordinate on `axis`, smaller-or-equal ones before, larger-or-equal after.
        mutating func select(_ k: Int, _ from: Int, _ to: Int, _ axis: Int) {
            var lo = from, hi = to - 1
            func key(_ p: Int) -> Double { points[order[p] * dimension + axis] }
            while lo < hi {
                // Median of three as the pivot.
                let mid = lo + (hi - lo) / 2
                if key(mid) < key(lo) { order.swapAt(mid, lo) }
                if key(hi) < key(lo) { order.swapAt(hi, lo) }
                if key(hi) < key(mid) { order.swapAt(hi, mid) }
                let pivot = key(mid)
                var i = lo, j = hi
                while i <= j {
                    while key(i) < pivot { i += 1 }
                    while key(j) > pivot { j -= 1 }
                    if i <= j { order.swapAt(i, j); i += 1; j -= 1 }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return }
            }
        }
    }
}
