import Crypto
import Fluent
import Foundation
import TMNormCore
import Vapor

/// Loads and saves applications and centre records within what the user may see, and runs one core
/// action at a time: the core checks every rule and throws without changing anything, so a refused
/// action leaves the stored rows untouched.
enum AuthorizationCases {
    /// Who may do what in the scheme, by role.
    enum Access {
        /// The centre's administrator, limited to its own organisation.
        case centre(UUID)
        /// The association's secretariat or a board member: every centre.
        case oversight(Role)
    }

    static func access(_ user: CurrentUser) throws -> Access {
        switch user.role {
        case .callCentreAdmin: return .centre(user.organisationID)
        case .associationAdmin, .boardMember: return .oversight(user.role)
        case .agent, .clientUser: throw AppError.forbidden()
        }
    }

    /// An application the user may see; foreign or unknown ids are 404.
    static func application(_ req: Request, user: CurrentUser) async throws -> AuthorizationApplicationModel {
        let id = try req.uuidParameter()
        guard let model = try await AuthorizationApplicationModel.find(id, on: req.db) else { throw AppError.notFound() }
        if case .centre(let own) = try access(user), model.$organisation.id != own { throw AppError.notFound() }
        return model
    }

    /// The stored record of an organisation, if it has one.
    static func recordModel(organisationID: UUID, on db: any Database) async throws -> AuthorizationRecordModel? {
        try await AuthorizationRecordModel.query(on: db).filter(\.$organisation.$id == organisationID).first()
    }

    /// The record of a centre, or a fresh one (not yet stored) for a centre that never applied.
    static func record(for organisation: OrganisationModel, on db: any Database) async throws -> (
        AuthorizationRecordModel?, AuthorizationCentreRecord
    ) {
        let id = try organisation.requireID()
        if let model = try await recordModel(organisationID: id, on: db) { return (model, try model.record()) }
        return (nil, AuthorizationCentreRecord(centre: try OrganisationNumber(organisation.orgnr), name: organisation.name))
    }

    /// Saves a record, creating its row the first time.
    static func save(
        _ record: AuthorizationCentreRecord, model: AuthorizationRecordModel?, organisationID: UUID, at instant: Date, on db: any Database
    ) async throws {
        let stored: AuthorizationRecordModel
        if let model {
            try model.store(record, at: instant)
            try await model.save(on: db)
            stored = model
        } else {
            stored = try AuthorizationRecordModel(organisationID: organisationID, record: record, updatedAt: instant)
            try await stored.create(on: db)
        }
        let state = record.registerEntry(on: OsloTime.localDate(of: instant)).status.rawValue
        let leaf = EvidenceLeaf.authorization(
            kind: .record, subject: try stored.requireID(), centre: organisationID, state: state, storedJSON: stored.recordJSON, at: instant)
        try await EvidenceLog.enqueue(
            [EvidenceLogItem(leaf: leaf, subjectKind: "authorization_record", subjectID: try stored.requireID(), subjectSequence: nil)],
            at: instant, on: db)
    }

    /// Runs a core action on an application and stores the result; the core's refusal becomes a 4xx.
    static func change(
        _ model: AuthorizationApplicationModel, at instant: Date, field: String? = nil, on db: any Database,
        _ action: (inout AuthorizationApplication) throws(AuthorizationError) -> Void
    ) async throws -> AuthorizationApplication {
        var application = try model.application()
        do { try action(&application) } catch { throw AppError.authorization(error, field: Self.field(for: error) ?? field) }
        try await store(application, in: model, at: instant, on: db)
        return application
    }

    /// Stores an application; a change of state is a decision and goes into the evidence log with it.
    static func store(_ application: AuthorizationApplication, in model: AuthorizationApplicationModel, at instant: Date, on db: any Database)
        async throws
    {
        let before = model.state
        try model.store(application, at: instant)
        try await model.save(on: db)
        guard before != model.state else { return }
        let leaf = EvidenceLeaf.authorization(
            kind: .application, subject: try model.requireID(), centre: model.$organisation.id, state: model.state,
            storedJSON: model.applicationJSON, at: instant)
        try await EvidenceLog.enqueue(
            [EvidenceLogItem(leaf: leaf, subjectKind: "authorization_application", subjectID: try model.requireID(), subjectSequence: nil)],
            at: instant, on: db)
    }

    /// The form field a core error points at, where it is about input.
    static func field(for error: AuthorizationError) -> String? {
        switch error {
        case .reasonsRequired: "reasons"
        case .emptyField(let name) where name.contains("comment"): "comment"
        case .emptyField(let name) where name.contains("recusal"): "reason"
        case .emptyField(let name) where name.contains("statement"): "statement"
        case .emptyField(let name) where name.contains("condition"): "condition"
        case .emptyUpload, .uploadTooLarge, .uploadTypeNotAllowed, .uploadExtensionMismatch: "file"
        case .suspensionEndNotAfterStart: "until"
        case .dateBeforePrevious: "effective_from"
        case .unknownCriterion, .evidenceKindMismatch: "criterion"
        default: nil
        }
    }

    /// The board as composed today: every active board member, with the configured quorum and tie rule.
    static func board(settings: AuthorizationSettings, on db: any Database) async throws -> AuthorizationBoard {
        let users = try await UserModel.query(on: db).filter(\.$roleRaw == Role.boardMember.rawValue).filter(\.$disabledAt == nil)
            .sort(\.$name).all()
        do {
            return try AuthorizationBoard(
                members: try users.map { AuthorizationBoardMember(id: try $0.requireID().uuidString.lowercased(), name: $0.name) },
                quorum: settings.quorum, tieRule: settings.tieRule)
        } catch let error as AuthorizationError { throw AppError.authorization(error) }
    }

    /// Whether an organisation is a member of an association on a day (members pay the lower fee).
    static func membership(of organisationID: UUID, on day: LocalDate, db: any Database) async throws -> AuthorizationMembership {
        let iso = day.iso8601
        let rows = try await MembershipModel.query(on: db).filter(\.$member.$id == organisationID).all()
        let current = rows.contains { $0.validFrom <= iso && ($0.validUntil.map { iso <= $0 } ?? true) }
        return current ? .member : .nonMember
    }

    /// Figures the platform knows about a centre for a period, from its washes and may-call decisions.
    static func platformFigures(organisationID: UUID, from: LocalDate, through: LocalDate, on db: any Database) async throws
        -> AuthorizationPlatformFigures
    {
        let start = OsloTime.instant(for: LocalDateTime(date: from, time: LocalTime(secondsSinceMidnight: 0)))
        let end = OsloTime.instant(for: LocalDateTime(date: through.next, time: LocalTime(secondsSinceMidnight: 0)))
        let washes = try await WashRecordModel.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$washedAt >= start).filter(\.$washedAt < end).count()
        let decisions = DecisionModel.query(on: db).filter(\.$callCentreID == organisationID)
            .filter(\.$decidedAt >= start).filter(\.$decidedAt < end)
        let allowed = try await decisions.copy().filter(\.$allowed == true).count()
        let refused = try await decisions.copy().filter(\.$allowed == false).count()
        return AuthorizationPlatformFigures(washRuns: washes, callsAllowed: allowed, callsRefused: refused)
    }

    /// The value of a criterion's platform figure for the twelve months up to a day.
    static func platformFigureValue(_ name: String, organisationID: UUID, on day: LocalDate, db: any Database) async throws -> String {
        let figures = try await platformFigures(organisationID: organisationID, from: day.adding(days: -365), through: day, on: db)
        switch name {
        case AuthorizationCriteriaCatalogue.DemoFigure.washRuns: return String(figures.washRuns ?? 0)
        // Written offers are not yet recorded by this server, so the platform knows of none.
        case AuthorizationCriteriaCatalogue.DemoFigure.writtenOffers: return String(figures.writtenOffersSent ?? 0)
        default:
            throw AppError.invalid([
                FieldProblem(
                    field: "criterion",
                    Phrase(nb: "plattformen beregner ikke tallet «\(name)»", en: "the platform does not compute the figure \(name)"))
            ])
        }
    }

    /// Stores an uploaded evidence file under the data directory and returns its storage key.
    static func storeFile(_ data: Data, applicationID: UUID, app: Application) throws -> String {
        let key = "authorization/\(applicationID.uuidString.lowercased())/\(UUID().uuidString.lowercased())"
        let url = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        return key
    }

    static func fileURL(storageKey: String, app: Application) -> URL? {
        // Keys are made by `storeFile`; anything else (e.g. demo keys) has no bytes on disk.
        guard storageKey.hasPrefix("authorization/"), !storageKey.contains("..") else { return nil }
        return URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent(storageKey)
    }

    static func sha256(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }
}
