/// What a wash will make of a list's columns, from its first bytes: the header names, the role each has, the
/// phone column and whether person matching is on. The upload form shows it before the list is sent; it uses
/// the same encoding, delimiter and header rules as the wash itself.
public struct WashColumnPreview: Sendable, Equatable {
    /// One column of the header.
    public struct Column: Sendable, Equatable {
        public let name: String
        /// The role recognised from the name, nil for a column the wash leaves alone.
        public let role: WashColumnRole?
        /// The column the numbers are read from.
        public let isPhone: Bool
    }

    public let columns: [Column]
    /// The person columns the header lacks (empty: numbers and names/addresses are both checked).
    public let missingPersonRoles: [WashColumnRole]
    /// Why the list cannot be washed as it is (no phone column, two phone columns …), if so.
    public let problem: WashError?

    /// Reads the header from `head` (the file's first bytes; up to 64 KiB is plenty). `phoneColumn` is what
    /// the person typed in the phone-column field, if anything.
    public static func detect(head: [UInt8], phoneColumn: String?) -> WashColumnPreview {
        let sample = Array(head.prefix(1 << 16))
        let isWhole = head.count < (1 << 16)
        return sample.withUnsafeBytes { bytes -> WashColumnPreview in
            do throws(WashError) {
                let (encoding, bomLength) = try encodingOf(bytes, isWholeInput: isWhole)
                let body = UnsafeRawBufferPointer(rebasing: bytes[bomLength...])
                let delimiter = try WashInputSniffer.delimiter(ofHeaderIn: body, maxRowBytes: sample.count, isWholeInput: true)
                let lineEnd = body.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? body.endIndex
                let line = TextDecoder.decode(UnsafeRawBufferPointer(rebasing: body[body.startIndex..<lineEnd]), as: encoding)
                let header = split(line, delimiter: Character(Unicode.Scalar(delimiter))).map { $0.trimmingCharacters(in: .whitespaces) }
                let selector = phoneColumn.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
                    $0.isEmpty ? nil : WashColumnSelector(parsing: $0)
                }
                let roles = header.map { WashColumnRole.role(ofHeader: $0) }
                do throws(WashError) {
                    let layout = try WashColumnLayout.detect(header: header, selector: selector)
                    return WashColumnPreview(
                        columns: header.indices.map { i in
                            Column(
                                name: header[i], role: i == layout.phone ? .phone : layout.person.values.contains(i) ? roles[i] : nil,
                                isPhone: i == layout.phone)
                        },
                        missingPersonRoles: layout.missingPersonRoles, problem: nil)
                } catch {
                    return WashColumnPreview(
                        columns: header.indices.map { Column(name: header[$0], role: roles[$0], isPhone: false) }, missingPersonRoles: [],
                        problem: error)
                }
            } catch {
                return WashColumnPreview(columns: [], missingPersonRoles: [], problem: error)
            }
        }
    }

    private static func encodingOf(_ bytes: UnsafeRawBufferPointer, isWholeInput: Bool) throws(WashError) -> (TextEncoding, bomLength: Int) {
        do { return try TextEncodingSniffer.encoding(of: bytes, isWholeInput: isWholeInput) } catch { throw WashError(error) }
    }

    /// Splits one CSV line on `delimiter`, honouring double quotes ("a;b" is one field, "" is a quote).
    static func split(_ line: String, delimiter: Character) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == delimiter {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}
