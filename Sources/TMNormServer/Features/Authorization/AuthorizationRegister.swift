import Fluent
import Foundation
import TMNormCore
import Vapor

/// Reads centres' authorization records for the public register; every status is computed by the core
/// for the day asked, so the register and badge are always current.
enum AuthorizationRegister {
    /// Every stored record.
    static func records(on db: any Database) async throws -> [AuthorizationCentreRecord] {
        try await AuthorizationRecordModel.query(on: db).all().map { try $0.record() }
    }

    /// The listed register rows on a day (approved and suspended centres), filtered by a search.
    static func entries(query: String, on day: LocalDate, db: any Database) async throws -> [AuthorizationRegisterEntry] {
        let listed = AuthorizationPublicRegister.entries(try await records(on: db), on: day)
        return AuthorizationPublicRegister.search(query, in: listed)
    }

    /// The record of a centre named by its organisation number; malformed or unknown numbers are 404.
    static func record(orgnr raw: String?, on db: any Database) async throws -> AuthorizationCentreRecord {
        guard let raw, let orgnr = try? OrganisationNumber(raw) else { throw AppError.notFound() }
        guard let row = try await AuthorizationRecordModel.query(on: db).filter(\.$orgnr == orgnr.digits).first() else {
            throw AppError.notFound()
        }
        return try row.record()
    }
}

extension Request {
    /// Today in Oslo by the injected clock.
    var osloToday: LocalDate { OsloTime.localDate(of: now) }
}

extension AppError {
    /// A refused authorization action: the core's status and its text in both languages, naming a field
    /// when the input was at fault.
    static func authorization(_ error: AuthorizationError, field: String? = nil) -> AppError {
        let status = HTTPResponseStatus(statusCode: error.httpStatus)
        let fields = field.map { [FieldProblem(field: $0, Phrase(nb: error.norwegian, en: error.description))] } ?? []
        return AppError(status, code: "authorization", Phrase(nb: error.norwegian, en: error.description), fields: fields)
    }
}
