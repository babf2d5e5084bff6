import OrderedCollections

/// The key paths of a TOML document in the order they are written.
///
/// TOML tables are unordered and TOMLKit hands them back sorted, but a sweep's axes keep the order
/// the user wrote (the first axis varies slowest, and the point numbers, random streams, shards
/// and checkpoints follow from it). This reads that order from the document's structure: table
/// headers, dotted and quoted keys, inline tables, as the tokens of `TOMLLexer` (the lexer of
/// `TOMLTextCheck` too) give them; comments and the contents of strings are skipped as TOML
/// defines them, so they can never change the order. It does not validate: on malformed input
/// (read only to name a redefined key, `firstRedefinition`) it stops early, and every step moves
/// forward, so it ends on any text.
struct TOMLKeyOrder {
    /// Every key path of a key/value pair or table header, with its table prefix, in order of
    /// first appearance, e.g. `["sweep", "student.lambda"]` for `"student.lambda" = [...]` under
    /// `[sweep]`.
    private(set) var paths: OrderedSet<[String]> = []
    /// The first key or table defined a second time, with the 1-based line of the second
    /// definition: what TOML forbids and toml++ reports with a garbled key name
    /// (`'"ststudent.lambda" '` for `"student.lambda"` under `[sweep]`).
    private(set) var firstRedefinition: (path: [String], line: Int)?
    /// Key/value and `[table]` definitions so far, against which a redefinition is found; the
    /// keys inside an array of tables' element are forgotten when the next element starts.
    private var defined: Set<[String]> = []

    private var lexer: TOMLLexer
    /// The token being read, nil at the end.
    private var token: TOMLLexer.Token?

    init(text: String) {
        lexer = TOMLLexer(bytes: Array(text.utf8))
        token = lexer.next()
        scanDocument()
    }

    /// The keys directly below `table` (a one-element path such as `["sweep"]`), in written order.
    func keys(below table: [String]) -> [String] {
        var keys: OrderedSet<String> = []
        for path in paths where path.count == table.count + 1 && Array(path.prefix(table.count)) == table {
            keys.append(path[table.count])
        }
        return keys.elements
    }

    /// A key path as error messages write it: bare parts bare, others in quotes
    /// (`sweep."student.lambda"`, as `SweepGrid` names a sweep entry), each cut short (`EchoedInput`).
    static func written(_ path: [String]) -> String {
        path.map { !$0.isEmpty && $0.utf8.allSatisfy(TOMLLexer.isBare) ? EchoedInput.shortened($0) : "\"\(EchoedInput.shortened($0))\"" }
            .joined(separator: ".")
    }

    // MARK: Statements

    private mutating func advance() { token = lexer.next() }

    private mutating func scanDocument() {
        var table: [String] = []
        while let t = token {
            switch t.kind {
            case .lineBreak:
                advance()
                continue
            case .header(let arrayOfTables, let key?) where !key.endsWithDot:
                table = key.path
                paths.append(table)
                if arrayOfTables {
                    defined = defined.filter { !$0.starts(with: table) }
                } else {
                    define(table, line: t.at.line)
                }
            case .key(let key) where !key.endsWithDot:
                advance()
                guard case .equals? = token?.kind else { return }
                advance()
                paths.append(table + key.path)
                define(table + key.path, line: t.at.line)
                guard value(prefix: table + key.path, defining: true) else { return }
            default:
                return
            }
            // The rest of the statement's line.
            while let rest = token {
                if case .lineBreak = rest.kind { break }
                advance()
            }
        }
    }

    private mutating func define(_ path: [String], line: Int) {
        guard !defined.insert(path).inserted, firstRedefinition == nil else { return }
        firstRedefinition = (path, line)
    }

    // MARK: Values

    /// Reads one value, recording the keys of inline tables under `prefix` (and checking them for
    /// redefinitions when `defining`: not inside arrays, whose elements are tables of their own).
    /// False on malformed input. Recursive, so at most `SizeLimits.maximumNestingDepth` deep on
    /// text that passed `TOMLTextCheck`, as every scenario's text has before it is read.
    private mutating func value(prefix: [String], defining: Bool) -> Bool {
        guard let t = token else { return false }
        switch t.kind {
        case .string:
            advance()
            return true
        case .scalar:
            // A date-time with a blank before its time is two runs.
            while case .scalar? = token?.kind { advance() }
            return true
        case .open(table: false):
            advance()
            while let item = token {
                switch item.kind {
                case .close(table: false):
                    advance()
                    return true
                case .comma, .lineBreak:
                    advance()
                default:
                    guard value(prefix: prefix, defining: false) else { return false }
                }
            }
            return false
        case .open(table: true):
            advance()
            while let entry = token {
                switch entry.kind {
                case .close(table: true):
                    advance()
                    return true
                case .comma:
                    advance()
                case .key(let key) where !key.endsWithDot:
                    advance()
                    guard case .equals? = token?.kind else { return false }
                    advance()
                    paths.append(prefix + key.path)
                    if defining { define(prefix + key.path, line: entry.at.line) }
                    guard value(prefix: prefix + key.path, defining: defining) else { return false }
                default:
                    return false
                }
            }
            return false
        default:
            return false
        }
    }
}
