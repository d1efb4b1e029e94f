import Foundation

/// A registration as typed in (form or JSON), before any checks.
public struct RegistrationDraft: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var organisation: String?
    public var dinner: Bool
    public var diet: String?
    public var comment: String?
    /// The inviting member's code (`?via=CODE`).
    public var via: String?

    public init(
        name: String? = nil, email: String? = nil, organisation: String? = nil, dinner: Bool = false, diet: String? = nil, comment: String? = nil,
        via: String? = nil
    ) {
        self.name = name
        self.email = email
        self.organisation = organisation
        self.dinner = dinner
        self.diet = diet
        self.comment = comment
        self.via = via
    }
}

/// A registration that passed the checks: trimmed text, the e-mail address in canonical form.
public struct RegistrationInput: Sendable, Hashable {
    public let name: String
    public let email: EmailAddress
    public let organisation: String
    public let dinner: Bool
    /// Empty when there is none.
    public let diet: String
    public let comment: String
    public let via: String?
}

/// The rules for a registration's fields.
public enum RegistrationRules {
    public static let maximumName = 200
    public static let maximumOrganisation = 200
    public static let maximumDiet = 500
    public static let maximumComment = 2_000
    public static let maximumVia = 32

    /// The input, or every problem with it.
    public static func check(_ draft: RegistrationDraft) -> Result<RegistrationInput, EventProblemList> {
        var problems: [EventProblem] = []
        let name = trimmed(draft.name)
        problems += TextRules.required(name, field: "name", maximum: maximumName)
        var email: EmailAddress?
        let rawEmail = trimmed(draft.email)
        if rawEmail.isEmpty {
            problems.append(.init(field: "email", english: "is required", norwegian: "må fylles ut"))
        } else {
            do { email = try EmailAddress(rawEmail) } catch {
                problems.append(
                    .init(
                        field: "email", english: "is not a valid e-mail address: \(error.description)",
                        norwegian: "er ikke en gyldig e-postadresse: \(error.norwegian)"))
            }
        }
        let organisation = trimmed(draft.organisation)
        problems += TextRules.optional(organisation, field: "organisation", maximum: maximumOrganisation, multiline: false)
        let diet = trimmed(draft.diet)
        problems += TextRules.optional(diet, field: "diet", maximum: maximumDiet, multiline: false)
        let comment = trimmed(draft.comment)
        problems += TextRules.optional(comment, field: "comment", maximum: maximumComment, multiline: true)
        var via: String?
        let rawVia = trimmed(draft.via)
        if !rawVia.isEmpty {
            if let code = InvitationCode.parse(rawVia) {
                via = code
            } else {
                problems.append(.init(field: "via", english: "is not an invitation code", norwegian: "er ikke en invitasjonskode"))
            }
        }
        guard problems.isEmpty, let email else { return .failure(EventProblemList(problems: problems)) }
        return .success(
            RegistrationInput(name: name, email: email, organisation: organisation, dinner: draft.dinner, diet: diet, comment: comment, via: via))
    }

    static func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Dietary needs as the caterer counts them: case and surrounding space ignored ("Vegetar " = "vegetar").
    public static func dietKey(_ diet: String) -> String {
        diet.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Counts per dietary need, among those confirmed with dinner; largest first, then alphabetical.
    public static func dietaryReport(_ diets: [String]) -> [(need: String, count: Int)] {
        var counts: [String: Int] = [:]
        for diet in diets {
            let key = dietKey(diet)
            guard !key.isEmpty else { continue }
            counts[key, default: 0] += 1
        }
        return counts.map { (need: $0.key, count: $0.value) }.sorted { ($1.count, $0.need) < ($0.count, $1.need) }
    }
}

/// Several problems at once.
public struct EventProblemList: Error, Sendable, Hashable {
    public let problems: [EventProblem]
}

/// A member's invitation code: 4–32 bytes of ASCII letters and digits, upper-cased ("HSH7K2").
public enum InvitationCode {
    public static func parse(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard (4...RegistrationRules.maximumVia).contains(bytes.count), bytes.allSatisfy(ASCII.isAlphanumeric) else { return nil }
        return String(decoding: bytes.map { ASCII.isLetter($0) ? $0 & 0xDF : $0 }, as: UTF8.self)
    }
}
