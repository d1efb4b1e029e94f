import Foundation
import TMNormCore
import Vapor

/// Input for creating an organisation (form or JSON).
struct OrganisationInput: Content {
    var name: String?
    var orgnr: String?
    var kind: String?

    /// Checks every field and names each problem.
    func validated() throws -> (name: String, orgnr: OrganisationNumber, kind: OrganisationKind) {
        var problems: [FieldProblem] = []
        let trimmedName = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = DisplayName.problem(trimmedName) {
            problems.append(.displayName(field: "name", problem))
        }
        var number: OrganisationNumber?
        do { number = try OrganisationNumber(orgnr ?? "") } catch {
            problems.append(.init(field: "orgnr", Phrase(nb: error.norwegian, en: error.description)))
        }
        let parsedKind = kind.flatMap(OrganisationKind.init(rawValue:))
        if parsedKind == nil {
            let allowed = OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(
                .init(
                    field: "kind", reason: "must be one of \(allowed)",
                    message: Phrase(nb: "velg en av organisasjonstypene i lista", en: "choose one of the organisation types in the list")))
        }
        guard problems.isEmpty, let number, let parsedKind else { throw AppError.invalid(problems) }
        return (trimmedName, number, parsedKind)
    }
}

/// A period of days with an optional end, as sent in forms ("" means none) and JSON.
struct PeriodInput {
    let from: LocalDate
    let until: LocalDate?

    static func parse(from: String?, until: String?, problems: inout [FieldProblem]) -> PeriodInput? {
        var start: LocalDate?
        do { start = try LocalDate(parsing: (from ?? "").trimmingCharacters(in: .whitespaces)) } catch {
            problems.append(
                .init(
                    field: "valid_from", reason: "must be a date YYYY-MM-DD (\(error.description))",
                    message: Phrase(nb: "må være en gyldig dato (dd.mm.åååå)", en: "must be a valid date (dd.mm.yyyy)")))
        }
        var end: LocalDate?
        if let raw = until?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { end = try LocalDate(parsing: raw) } catch {
                problems.append(
                    .init(
                        field: "valid_until", reason: "must be a date YYYY-MM-DD (\(error.description))",
                        message: Phrase(nb: "må være en gyldig dato (dd.mm.åååå)", en: "must be a valid date (dd.mm.yyyy)")))
            }
        }
        if let start, let end, end < start {
            problems.append(.init(field: "valid_until", Phrase(nb: "kan ikke være før fra-datoen", en: "must not be before valid_from")))
        }
        guard let start else { return nil }
        return PeriodInput(from: start, until: end)
    }
}

/// Input for a membership of an association.
struct MembershipInput: Content {
    var association_id: String?
    var valid_from: String?
    var valid_until: String?
}

/// Input for an engagement between a call centre and a client.
struct EngagementInput: Content {
    var call_centre_id: String?
    var client_id: String?
    var valid_from: String?
    var valid_until: String?
    /// Only honoured when the client or the association records the engagement.
    var may_record_exemptions: Bool?
}

/// Input for a client's decision on an engagement.
struct EngagementDecisionInput: Content {
    var may_record_exemptions: Bool?
}
