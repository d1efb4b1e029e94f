import Foundation

/// An e-mail address of ordinary shape (local@domain.tld), ASCII only, domain in lower case.
///
/// Deliberately stricter than RFC 5321: no quoted local parts, no IP literals, no internationalised
/// addresses (a domain with æ/ø/å must be given in its xn-- form), because the offer must reach a real
/// mailbox through an ordinary SMTP relay.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// "ola.nordmann@example.no".
    public let address: String

    /// Longest address SMTP can carry (RFC 5321 path limit less the angle brackets).
    public static let maximumLength = 254

    /// Checks the shape; surrounding whitespace is ignored.
    public init(_ raw: String) throws(EmailAddressProblem) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        guard text.count <= Self.maximumLength else { throw .tooLong(text.count, maximum: Self.maximumLength) }
        if let bad = text.unicodeScalars.first(where: { !$0.isASCII || $0.value < 0x21 || $0.value == 0x7F }) {
            throw .invalidCharacter(String(bad))
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw parts.count < 2 ? .missingAt : .severalAt }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard !local.isEmpty, local.count <= 64 else { throw .badLocalPart(String(local)) }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            local.unicodeScalars.allSatisfy(Self.isAtext)
        else { throw .badLocalPart(String(local)) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw .domainWithoutDot(domain) }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.unicodeScalars.allSatisfy(Self.isLabelCharacter)
            else { throw .badDomain(domain) }
        }
        if let tld = labels.last, !tld.hasPrefix("xn--"), tld.count < 2 || !tld.allSatisfy(\.isLetter) {
            throw .badDomain(domain)
        }
        address = "\(local)@\(domain)"
    }

    public var description: String { address }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(address)
    }

    /// RFC 5322 atext plus '.', the characters of an unquoted local part.
    private static func isAtext(_ s: Unicode.Scalar) -> Bool {
        if ("0"..."9").contains(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s) { return true }
        return "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(s)
    }

    private static func isLabelCharacter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-"
    }
}

/// Why a text is not an acceptable e-mail address.
public enum EmailAddressProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int, maximum: Int)
    case invalidCharacter(String)
    case missingAt
    case severalAt
    case badLocalPart(String)
    case domainWithoutDot(String)
    case badDomain(String)

    public var description: String {
        switch self {
        case .empty: "empty"
        case .tooLong(let n, let max): "has \(n) characters: at most \(max) are allowed"
        case .invalidCharacter(let c):
            c == " "
                ? "contains a space"
                : "contains '\(c)': only ASCII letters, digits and !#$%&'*+-/=?^_`{|}~. are allowed (write an æøå domain in its xn-- form)"
        case .missingAt: "has no '@'"
        case .severalAt: "has more than one '@'"
        case .badLocalPart(let l): "'\(l)' is not a valid name before '@'"
        case .domainWithoutDot(let d): "the domain '\(d)' has no '.'"
        case .badDomain(let d): "'\(d)' is not a valid domain"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .empty: "tom"
        case .tooLong(let n, let max): "har \(n) tegn: høyst \(max) er tillatt"
        case .invalidCharacter(let c):
            c == " "
                ? "inneholder mellomrom"
                : "inneholder «\(c)»: bare ASCII-bokstaver, siffer og !#$%&'*+-/=?^_`{|}~. er tillatt (skriv et æøå-domene i xn--form)"
        case .missingAt: "mangler «@»"
        case .severalAt: "har mer enn én «@»"
        case .badLocalPart(let l): "«\(l)» er ikke et gyldig navn foran «@»"
        case .domainWithoutDot(let d): "domenet «\(d)» har ingen «.»"
        case .badDomain(let d): "«\(d)» er ikke et gyldig domene"
        }
    }
}
