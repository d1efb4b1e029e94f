import Crypto
import Foundation

/// A normalised person identity used to match call-list rows against the register: last name, first name, postcode, street, house number.
///
/// Two rows match exactly when their identities are equal (equivalently, when their `key`s are equal):
/// see docs/matching.md.
public struct PersonIdentity: Hashable, Sendable {
    /// The first given name only ("Kari Anne" → "kari"): lists often drop middle names.
    public let firstName: String
    /// The whole last name, words separated by one space ("Hansen-Berg" → "hansen berg").
    public let lastName: String
    /// The street name with words joined and the street type canonical ("Kongens gt." → "kongensgate").
    public let street: String
    /// "12b"; empty for an address without a number (which matches only another without one).
    public let houseNumber: String
    /// Four digits.
    public let postcode: String

    /// nil when first name, last name or street is empty after normalisation, or postcode is not 4 digits.
    public init?(firstName: String, lastName: String, street: String, houseNumber: String, postcode: String) {
        // The postcode is checked first: it is the cheapest part and rows without one are common.
        guard let code = PersonNormalizer.postcode(postcode) else { return nil }
        let firstGiven = PersonNormalizer.firstGivenName(firstName)
        let last = PersonNormalizer.name(lastName)
        let normalisedStreet = PersonNormalizer.street(street)
        guard !firstGiven.isEmpty, !last.isEmpty, !normalisedStreet.isEmpty else { return nil }
        self.firstName = firstGiven
        self.lastName = last
        self.street = normalisedStreet
        self.houseNumber = PersonNormalizer.houseNumber(houseNumber)
        self.postcode = code
    }

    /// The form that is hashed: version tag, then the parts in a fixed order separated by 0x1F.
    /// Changing any normalisation rule must change the version, since register snapshots store keys.
    public var canonicalForm: String {
        "v1\u{1F}\(lastName)\u{1F}\(firstName)\u{1F}\(postcode)\u{1F}\(street)\u{1F}\(houseNumber)"
    }

    /// A stable 64-bit key: the first 8 bytes (big-endian) of SHA-256 of `canonicalForm`, used in register snapshots.
    public var key: UInt64 {
        // One SHA-256 call over the canonical bytes assembled on the stack: feeding the parts one by one
        // through `update` measured 690 ns a key, this ~300 ns.
        let parts = [lastName, firstName, postcode, street, houseNumber]
        let length = parts.reduce(2) { $0 + 1 + $1.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            buffer[0] = 0x76  // "v1": the rules' version
            buffer[1] = 0x31
            var offset = 2
            for part in parts {
                buffer[offset] = 0x1F
                offset += 1
                for byte in part.utf8 {
                    buffer[offset] = byte
                    offset += 1
                }
            }
            return Self.key(canonical: UnsafeRawBufferPointer(buffer))
        }
    }

    /// The key of canonical-form bytes: the first 8 bytes (big-endian) of their SHA-256.
    static func key(canonical: UnsafeRawBufferPointer) -> UInt64 {
        SHA256.hash(data: canonical).withUnsafeBytes { raw in
            raw.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        }
    }

    /// "Storgata 12 B" → ("Storgata", "12 B"): the street is everything before the first word (after the
    /// first) that starts with a digit, the number is that word plus a following one-letter word.
    /// Anything after the number (an apartment "H0201", a floor) is dropped.
    public static func splitStreetAndNumber(_ address: String) -> (street: String, houseNumber: String) {
        let words = address.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\u{A0}" })
        guard let index = words.indices.dropFirst().first(where: { words[$0].first?.isASCIIDigit == true })
        else { return (words.joined(separator: " "), "") }
        var number = String(words[index])
        let next = index + 1
        if next < words.count, words[next].count == 1, words[next].first?.isLetter == true {
            number += " " + words[next]
        } else if next + 1 < words.count, words[next] == "-", words[next + 1].count == 1,
            words[next + 1].first?.isLetter == true
        {
            number += "-" + words[next + 1]
        }
        return (words[..<index].joined(separator: " "), number)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
