import Vapor

/// The languages of the user interface: Norwegian bokmål first, English available.
enum Language: String, Sendable, CaseIterable, Codable {
    case nb
    case en

    /// The cookie that remembers an explicit choice.
    static let cookieName = "tmnorm_lang"

    /// Explicit choice (query `?lang=`, then cookie) wins over Accept-Language; default bokmål.
    static func detect(_ req: Request) -> Language {
        if let query = req.queryString["lang"], let language = Language(rawValue: query) {
            return language
        }
        if let cookie = req.cookies[cookieName]?.string, let language = Language(rawValue: cookie) {
            return language
        }
        return fromAcceptLanguage(req.headers.first(name: .acceptLanguage))
    }

    /// Picks the first supported language by quality; nb/no/nn map to bokmål.
    static func fromAcceptLanguage(_ header: String?) -> Language {
        guard let header else { return .nb }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            let quality =
                pieces.dropFirst().first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }.sorted { $0.1 > $1.1 }
        for (tag, quality) in ranked where quality > 0 {
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if ["nb", "no", "nn"].contains(primary) { return .nb }
            if primary == "en" { return .en }
        }
        return .nb
    }
}

/// A text in both languages, side by side so a missing translation is a compile error.
struct Phrase: Sendable, Hashable, ExpressibleByStringLiteral {
    let nb: String
    let en: String

    init(nb: String, en: String) {
        self.nb = nb
        self.en = en
    }

    /// For names that are the same in both languages.
    init(stringLiteral value: String) {
        nb = value
        en = value
    }

    func callAsFunction(_ language: Language) -> String {
        language == .nb ? nb : en
    }
}

extension Request {
    /// The language this request is answered in.
    var language: Language {
        if let cached = storage[LanguageKey.self] { return cached }
        let detected = Language.detect(self)
        storage[LanguageKey.self] = detected
        return detected
    }

    private struct LanguageKey: StorageKey { typealias Value = Language }
}
