import Foundation

/// A side-by-side comparison of two versions of a text, by line or by paragraph, from a longest common
/// subsequence; the server renders one table row per `Row`.
public struct GuidelineDiff: Sendable, Hashable, Codable {
    /// What a comparison compares.
    public enum Granularity: String, Sendable, Hashable, Codable {
        /// Every line is a unit (blank lines are dropped).
        case line
        /// Blocks separated by blank lines are units; their inner whitespace is normalised.
        case paragraph
    }

    /// How a row differs between the versions.
    public enum RowKind: String, Sendable, Hashable, Codable {
        case unchanged, added, removed, changed
    }

    /// One unit on one side: its 1-based position within that version's units, and its text.
    public struct Side: Sendable, Hashable, Codable {
        public let number: Int
        public let text: String
    }

    /// One row: `left` is the older version, `right` the newer; one side is nil for added/removed rows.
    public struct Row: Sendable, Hashable, Codable {
        public let kind: RowKind
        public let left: Side?
        public let right: Side?
    }

    /// Largest number of unit pairs compared (after common beginnings and ends are set aside).
    public static let defaultCellLimit = 4_000_000

    public let granularity: Granularity
    public let rows: [Row]

    /// Compares `old` with `new`. A removed run directly followed by an added run is paired row by row
    /// as "changed", so an edited paragraph shows beside its old wording.
    public init(
        old: String, new: String, granularity: Granularity = .paragraph, cellLimit: Int = defaultCellLimit
    ) throws(GuidelineError) {
        let a = Self.units(old, granularity)
        let b = Self.units(new, granularity)
        let ops = try Self.editScript(a, b, cellLimit: cellLimit)
        self.granularity = granularity
        self.rows = Self.rows(ops, a, b)
    }

    /// Compares two versions of a guidelines document by their Markdown source.
    public init(
        from old: GuidelineVersion, to new: GuidelineVersion, granularity: Granularity = .paragraph
    ) throws(GuidelineError) {
        try self.init(old: old.markdown, new: new.markdown, granularity: granularity)
    }

    /// Number of rows of each kind, for a summary line ("3 endret, 1 lagt til").
    public func count(_ kind: RowKind) -> Int { rows.filter { $0.kind == kind }.count }

    /// Whether the two texts have the same units.
    public var isIdentical: Bool { rows.allSatisfy { $0.kind == .unchanged } }

    // MARK: Computation

    /// The text split into comparable units.
    static func units(_ text: String, _ granularity: Granularity) -> [String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        switch granularity {
        case .line:
            return lines.filter { !$0.isEmpty }
        case .paragraph:
            var units: [String] = []
            var current: [String] = []
            for line in lines + [""] {
                if line.isEmpty {
                    if !current.isEmpty { units.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(line.split(whereSeparator: \.isWhitespace).joined(separator: " "))
                }
            }
            return units
        }
    }

    /// One step of the edit script: keep a[i] (= b[j]), delete a[i], or insert b[j].
    enum Op: Equatable {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// The LCS edit script; common prefix and suffix are matched directly to keep the table small.
    static func editScript(_ a: [String], _ b: [String], cellLimit: Int) throws(GuidelineError) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        let n = a.count - prefix - suffix
        let m = b.count - prefix - suffix
        let (cells, overflow) = n.multipliedReportingOverflow(by: m)
        guard !overflow, cells <= cellLimit else {
            throw .comparisonTooLarge(cells: overflow ? Int.max : cells, limit: cellLimit)
        }
        // Units compared as small integers: equal strings get equal ids.
        var ids: [String: Int32] = [:]
        func id(_ s: String) -> Int32 {
            if let v = ids[s] { return v }
            let v = Int32(ids.count)
            ids[s] = v
            return v
        }
        let x = (0..<n).map { id(a[prefix + $0]) }
        let y = (0..<m).map { id(b[prefix + $0]) }
        // lcs[i][j] = LCS length of x[i...] and y[j...], stored row-major in one buffer.
        var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        let w = m + 1
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i * w + j] =
                        x[i] == y[j] ? lcs[(i + 1) * w + j + 1] + 1 : max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
                }
            }
        }
        var ops: [Op] = (0..<prefix).map { .keep($0, $0) }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, x[i] == y[j] {
                ops.append(.keep(prefix + i, prefix + j))
                i += 1
                j += 1
            } else if j == m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                // On a tie, delete first, so a change shows its removal before its addition.
                ops.append(.delete(prefix + i))
                i += 1
            } else {
                ops.append(.insert(prefix + j))
                j += 1
            }
        }
        ops += (0..<suffix).map { .keep(a.count - suffix + $0, b.count - suffix + $0) }
        return ops
    }

    /// Rows from the edit script, pairing each run of deletions with the insertions right after it.
    static func rows(_ ops: [Op], _ a: [String], _ b: [String]) -> [Row] {
        var rows: [Row] = []
        var deleted: [Int] = []
        var inserted: [Int] = []
        func side(_ units: [String], _ k: Int) -> Side { Side(number: k + 1, text: units[k]) }
        func flush() {
            let paired = min(deleted.count, inserted.count)
            for k in 0..<paired {
                rows.append(Row(kind: .changed, left: side(a, deleted[k]), right: side(b, inserted[k])))
            }
            for k in deleted.dropFirst(paired) { rows.append(Row(kind: .removed, left: side(a, k), right: nil)) }
            for k in inserted.dropFirst(paired) { rows.append(Row(kind: .added, left: nil, right: side(b, k))) }
            deleted = []
            inserted = []
        }
        for op in ops {
            switch op {
            case .keep(let i, let j):
                flush()
                rows.append(Row(kind: .unchanged, left: side(a, i), right: side(b, j)))
            case .delete(let i):
                // A deletion after insertions starts a new change block.
                if !inserted.isEmpty { flush() }
                deleted.append(i)
            case .insert(let j): inserted.append(j)
            }
        }
        flush()
        return rows
    }
}
