import CrossModalKD

/// A planted multi-view data set: rows (T, S, Y) drawn from a known joint Gaussian, seen as two
/// views ("t": the dt teacher columns, "s": the ds student columns) and a label (Y itself, or
/// the two classes of its sign). Tests compare what cchsim finds on such data with the model.
public struct PlantedViews {
    public let model: JointGaussian
    /// rows x (dt + ds + 1), columns in the order T, S, Y.
    public let sample: Matrix

    /// `rows` draws of `model` from the stream of `seed`.
    public init(model: JointGaussian, rows: Int, seed: UInt64) {
        self.model = model
        sample = GaussianSampler(model: model).draw(rows, from: RandomStream(seed: seed))
    }

    public var rows: Int { sample.rows }
    public var teacher: Matrix { columns(model.teacherIndices) }
    public var student: Matrix { columns(model.studentIndices) }
    public var label: [Double] { (0..<rows).map { sample[$0, model.labelIndex] } }

    /// The class of each row: 1 when Y > 0, else 0 (classes "negative" and "positive").
    public var signClasses: [Int] { label.map { $0 > 0 ? 1 : 0 } }

    /// The two views "t" and "s" with the continuous label Y, or with the classes of sign(Y).
    public func data(classLabel: Bool = false) throws -> MultiViewData {
        try MultiViewData(viewNames: ["t", "s"], representations: [teacher, student],
                          label: classLabel ? .classes(indices: signClasses, names: ["negative", "positive"]) : .continuous(label))
    }

    /// A CSV file of the given sample columns (header `prefix1, prefix2, ...`), numbers written
    /// to round-trip exactly.
    public func csv(_ indices: [Int], prefix: String) -> String {
        let header = indices.indices.map { "\(prefix)\($0 + 1)" }.joined(separator: ",")
        let lines = (0..<rows).map { i in indices.map { "\(sample[i, $0])" }.joined(separator: ",") }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    private func columns(_ indices: [Int]) -> Matrix {
        Matrix((0..<rows).map { i in indices.map { sample[i, $0] } })
    }
}
