import Foundation

/// The language an offer, a notice or an error is written in; raw values are BCP 47 tags.
public enum OfferLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    /// Norwegian bokmål, the default for consumers in Norway.
    case norwegian = "nb"
    case english = "en"

    /// Reads "nb", "no", "nb-NO", "en", "en-GB" …; nil for anything else.
    public init?(tag: String) {
        let primary = tag.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().split(separator: "-").first.map(String.init) ?? ""
        switch primary {
        case "nb", "no", "nn": self = .norwegian
        case "en": self = .english
        default: return nil
        }
    }
}
