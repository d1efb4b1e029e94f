import Fluent
import Foundation
import TMNormCore
import Vapor

/// Reads the norms that bind a call centre and adds versions for an association.
enum IndustryNormService {
    /// Norms of the associations the call centre is a member of on `day`.
    static func norms(bindingCallCentre callCentreID: UUID, on day: LocalDate, db: any Database) async throws -> [IndustryNorm] {
        let iso = day.iso8601
        let associations = try await MembershipModel.query(on: db).filter(\.$member.$id == callCentreID).all()
            .filter { $0.validFrom <= iso && ($0.validUntil.map { iso <= $0 } ?? true) }
            .map { $0.$association.id }
        guard !associations.isEmpty else { return [] }
        return try await IndustryNormModel.query(on: db).filter(\.$association.$id ~~ associations).all().map { try $0.norm() }
    }

    /// The strictest answer: the statutory rules, then every binding norm; the first refusal wins.
    static func decide(at instant: Date, norms: [IndustryNorm]) throws -> CallingDecision {
        let statutory = try CallingRules.decide(at: instant)
        guard statutory.allowed else { return statutory }
        for norm in norms {
            let decision = try CallingRules.decide(at: instant, norm: norm)
            if !decision.allowed { return decision }
        }
        return statutory
    }

    /// Input for a new version.
    struct VersionInput: Content {
        var effective_from: String?
        var opens: String?
        var closes: String?
        var christmas_eve: String?
        var new_years_eve: String?
        var easter_saturday: String?
        var closed_dates: String?
    }

    /// Adds a version taking effect on a future date; the core refuses anything looser than the law.
    static func addVersion(_ input: VersionInput, association: OrganisationModel, today: LocalDate, now: Date, on db: any Database) async throws
        -> IndustryNorm
    {
        var problems: [FieldProblem] = []
        let from = try? LocalDate(parsing: (input.effective_from ?? "").trimmingCharacters(in: .whitespaces))
        if from == nil {
            problems.append(.init(field: "effective_from", Phrase(nb: "må være en dato (dd.mm.åååå)", en: "must be a date YYYY-MM-DD")))
        }
        if let from, from <= today {
            problems.append(
                .init(
                    field: "effective_from",
                    Phrase(
                        nb: "må være etter i dag: versjoner som gjelder, endres aldri", en: "must be after today: versions in force are never changed"
                    )))
        }
        var hours: CallingHours?
        do {
            hours = try CallingHours(opens: try LocalTime(parsing: input.opens ?? "09:00"), closes: try LocalTime(parsing: input.closes ?? "21:00"))
        } catch {
            problems.append(
                .init(
                    field: "opens",
                    Phrase(
                        nb: "åpning og stenging må være klokkeslett TT:MM, med åpning før stenging",
                        en: "opening and closing must be times HH:MM with opening before closing")))
        }
        var closedDates = Set<LocalDate>()
        for part in (input.closed_dates ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }) where !part.isEmpty {
            if let date = try? LocalDate(parsing: String(part)) {
                closedDates.insert(date)
            } else {
                problems.append(
                    .init(field: "closed_dates", Phrase(nb: "«\(part)» er ikke en dato (åååå-mm-dd)", en: "'\(part)' is not a date YYYY-MM-DD")))
            }
        }
        guard problems.isEmpty, let from, let hours else { throw AppError.invalid(problems) }
        var special = Set<NorwegianSpecialDay>()
        if CampaignInput.flag(input.christmas_eve) { special.insert(.christmasEve) }
        if CampaignInput.flag(input.new_years_eve) { special.insert(.newYearsEve) }
        if CampaignInput.flag(input.easter_saturday) { special.insert(.easterSaturday) }
        let version = IndustryNormVersion(
            id: "bransjenorm-\(association.orgnr)-\(from.iso8601)", effectiveFrom: from,
            hours: Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, hours) }),
            closedSpecialDays: special, closedDates: closedDates)
        let associationID = try association.requireID()
        let existing = try await IndustryNormModel.query(on: db).filter(\.$association.$id == associationID).filter(\.$name == "bransjenorm").first()
        let versions = (try existing?.norm().versions ?? []) + [version]
        let norm: IndustryNorm
        do { norm = try IndustryNorm(name: "bransjenorm", versions: versions) } catch {
            throw AppError.invalid([.init(field: "version", Phrase(nb: error.norwegian, en: error.description))])
        }
        if let existing {
            existing.normJSON = try IndustryNormModel.encode(norm)
            existing.updatedAt = now
            try await existing.save(on: db)
        } else {
            try await IndustryNormModel(associationID: associationID, norm: norm, at: now).create(on: db)
        }
        return norm
    }
}
