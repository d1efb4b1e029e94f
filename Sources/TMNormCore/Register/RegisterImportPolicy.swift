/// When a new register delivery may replace the active copy. A delivery with no valid rows, or one much
/// smaller than the copy it replaces, is far more likely a broken file than a real change: switching to it
/// would let reserved numbers wash as callable. Such an import is refused unless explicitly forced.
public enum RegisterImportPolicy {
    /// The default largest share the register may shrink by in one delivery.
    public static let defaultMaxShrink = 0.10

    /// The size of a register copy: reserved numbers and reserved persons.
    public struct Size: Sendable, Equatable {
        public var numbers: Int
        public var persons: Int

        public init(numbers: Int, persons: Int) {
            self.numbers = numbers
            self.persons = persons
        }
    }

    /// Why a delivery is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case noValidRows(rows: Int)
        case shrinks(kind: String, previous: Int, new: Int, maxShare: Double)

        public var description: String {
            switch self {
            case .noValidRows(let rows):
                "the delivery has no valid rows (\(rows) rows read): it would empty the register. Check the file, or force the import"
            case .shrinks(let kind, let previous, let new, let maxShare):
                "the delivery has \(new) \(kind), the active copy \(previous): \(percent(previous, new)) fewer, more than the \(Int((maxShare * 100).rounded())) % allowed. Check the file, or force the import"
            }
        }

        public var norwegian: String {
            switch self {
            case .noValidRows(let rows):
                "leveransen har ingen gyldige rader (\(rows) rader lest): registeret ville blitt tomt. Kontroller filen, eller tving importen"
            case .shrinks(let kind, let previous, let new, let maxShare):
                "leveransen har \(new) \(kind == "numbers" ? "numre" : "personer"), den aktive kopien \(previous): \(percent(previous, new)) færre, mer enn de tillatte \(Int((maxShare * 100).rounded())) %. Kontroller filen, eller tving importen"
            }
        }

        private func percent(_ previous: Int, _ new: Int) -> String {
            guard previous > 0 else { return "0 %" }
            let share = Double(previous - new) / Double(previous) * 100
            return "\(Int(share.rounded())) %"
        }
    }

    /// nil when the delivery may become active; the refusal otherwise. `previous` is nil for a first import.
    public static func judge(new: Size, rows: Int, previous: Size?, maxShrink: Double = defaultMaxShrink) -> Refusal? {
        if new.numbers == 0 && new.persons == 0 { return .noValidRows(rows: rows) }
        guard let previous else { return nil }
        for (kind, old, now) in [("numbers", previous.numbers, new.numbers), ("persons", previous.persons, new.persons)] {
            guard old > 0, now < old else { continue }
            if Double(old - now) > Double(old) * maxShrink {
                return .shrinks(kind: kind, previous: old, new: now, maxShare: maxShrink)
            }
        }
        return nil
    }
}
