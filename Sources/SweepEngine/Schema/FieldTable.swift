/// The single source of a result's output columns: an ordered list of declared columns, each with
/// the function that reads its value from the result (`Source`). The CSV header, the `--json`
/// keys and every reader of the CSV derive from the declarations, so the column list is known
/// before anything is computed and a new result type plugs in by declaring its table.
public struct FieldTable<Source>: Sendable {
    /// One column and how to read its value.
    public struct Entry: Sendable {
        public let column: Column
        public let value: @Sendable (Source) -> ReportValue

        public init(_ key: String, _ role: ColumnRole = .value, _ value: @escaping @Sendable (Source) -> ReportValue) {
            column = Column(key, role)
            self.value = value
        }
    }

    public let entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// The declared columns, in order.
    public var columns: [Column] { entries.map(\.column) }

    /// The values of `source`, in column order.
    public func values(_ source: Source) -> [ReportValue] { entries.map { $0.value(source) } }

    /// (key, value) pairs of `source`, in column order (for `--json`).
    public func fields(_ source: Source) -> ReportFields { entries.map { ($0.column.key, $0.value(source)) } }

    /// The same columns read from a larger result through `part`.
    public func pulled<Whole>(back part: @escaping @Sendable (Whole) -> Source) -> FieldTable<Whole> {
        FieldTable<Whole>(entries.map { entry in
            FieldTable<Whole>.Entry(entry.column.key, entry.column.role) { entry.value(part($0)) }
        })
    }

    /// The columns of `lhs`, then those of `rhs`.
    public static func + (lhs: FieldTable, rhs: FieldTable) -> FieldTable { FieldTable(lhs.entries + rhs.entries) }
}
