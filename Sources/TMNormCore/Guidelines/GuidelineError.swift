import Foundation

/// Why a guidelines document, a set of versions or a comparison is not acceptable.
public enum GuidelineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required text field (named in English) is empty or only whitespace.
    case emptyField(String)
    /// The version would come into force before it was adopted.
    case inForceBeforeAdoption(version: String, adopted: LocalDate, inForce: LocalDate)
    /// Two versions of one document come into force on the same day, so "the version in force" is ambiguous.
    case sameInForceDate(LocalDate, versions: [String])
    /// Two versions share a version label.
    case duplicateVersionLabel(String)
    /// Two versions share an identifier.
    case duplicateVersionID(String)
    /// A version was filed under a document it does not belong to.
    case wrongDocument(version: String, expected: String, found: String)
    /// No version of the document is in force on the day asked about.
    case noVersionInForce(document: String, on: LocalDate)
    /// The comparison would need more work than the limit allows (lines × lines).
    case comparisonTooLarge(cells: Int, limit: Int)

    public var description: String {
        switch self {
        case .emptyField(let field): "the \(field) must not be empty"
        case .inForceBeforeAdoption(let v, let adopted, let inForce):
            "version \(v) would come into force on \(inForce.iso8601), before it was adopted on \(adopted.iso8601)"
        case .sameInForceDate(let d, let versions):
            "versions \(versions.joined(separator: ", ")) all come into force on \(d.iso8601); only one version may start on a given day"
        case .duplicateVersionLabel(let l): "the version label '\(l)' is used twice"
        case .duplicateVersionID(let id): "the version id '\(id)' is used twice"
        case .wrongDocument(let v, let expected, let found):
            "version \(v) belongs to document '\(found)', not '\(expected)'"
        case .noVersionInForce(let doc, let d): "no version of '\(doc)' is in force on \(d.iso8601)"
        case .comparisonTooLarge(let cells, let limit):
            "the two versions are too long to compare (\(cells) line pairs, limit \(limit))"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .emptyField(let field): "feltet «\(Self.norwegianField(field))» kan ikke være tomt"
        case .inForceBeforeAdoption(let v, let adopted, let inForce):
            "versjon \(v) ville tre i kraft \(inForce.norwegianFormatted), før den ble vedtatt \(adopted.norwegianFormatted)"
        case .sameInForceDate(let d, let versions):
            "versjonene \(versions.joined(separator: ", ")) trer alle i kraft \(d.norwegianFormatted); bare én versjon kan tre i kraft samme dag"
        case .duplicateVersionLabel(let l): "versjonsbetegnelsen «\(l)» er brukt to ganger"
        case .duplicateVersionID(let id): "versjons-id-en «\(id)» er brukt to ganger"
        case .wrongDocument(let v, let expected, let found):
            "versjon \(v) hører til dokumentet «\(found)», ikke «\(expected)»"
        case .noVersionInForce(let doc, let d): "ingen versjon av «\(doc)» er i kraft \(d.norwegianFormatted)"
        case .comparisonTooLarge(let cells, let limit):
            "de to versjonene er for lange til å sammenlignes (\(cells) linjepar, grensen er \(limit))"
        }
    }

    /// Field names as users see them in Norwegian.
    static func norwegianField(_ field: String) -> String {
        switch field {
        case "title": "tittel"
        case "version label": "versjonsbetegnelse"
        case "version id": "versjons-id"
        case "document key": "dokumentnøkkel"
        case "publisher": "utgiver"
        case "body": "tekst"
        case "bound associations": "bundne foreninger"
        default: field
        }
    }
}
