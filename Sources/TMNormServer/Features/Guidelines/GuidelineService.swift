import Fluent
import Foundation
import TMNormCore
import Vapor

/// Loads guidelines documents from their stored versions, answers who is bound, records acknowledgements
/// and adds versions through the core's checks.
enum GuidelineService {
    /// Largest Markdown text an association may store for one version (characters).
    static let maximumMarkdownLength = 200_000

    /// A stored document: the core value plus the row of each version.
    struct StoredDocument: Sendable {
        let document: GuidelineDocument
        let associationID: UUID
        /// Core version id → row id.
        let rowIDs: [String: UUID]

        func rowID(_ version: GuidelineVersion) -> UUID? { rowIDs[version.id] }
    }

    /// Every document, sorted by title of its newest version.
    static func documents(on db: any Database) async throws -> [StoredDocument] {
        let rows = try await GuidelineVersionModel.query(on: db).sort(\.$inForceFrom).all()
        var stored: [StoredDocument] = []
        for (key, group) in Dictionary(grouping: rows, by: \.documentKey) {
            stored.append(try document(key: key, rows: group))
        }
        return stored.sorted { ($0.document.versions.last?.title ?? "", $0.document.id) < ($1.document.versions.last?.title ?? "", $1.document.id) }
    }

    /// The document a version row belongs to.
    static func document(of row: GuidelineVersionModel, on db: any Database) async throws -> StoredDocument {
        let rows = try await GuidelineVersionModel.query(on: db).filter(\.$documentKey == row.documentKey).all()
        return try document(key: row.documentKey, rows: rows)
    }

    private static func document(key: String, rows: [GuidelineVersionModel]) throws -> StoredDocument {
        guard let first = rows.first else { throw AppError.notFound() }
        var ids: [String: UUID] = [:]
        for row in rows { ids[row.versionKey] = try row.requireID() }
        let document = try GuidelineDocument(key: key, publisher: first.publisher, versions: try rows.map { try $0.version() })
        return StoredDocument(document: document, associationID: first.$association.id, rowIDs: ids)
    }

    /// A version row by its id; malformed or unknown ids are 404.
    static func row(_ req: Request, _ name: String = "id") async throws -> GuidelineVersionModel {
        let id = try req.uuidParameter(name)
        guard let row = try await GuidelineVersionModel.find(id, on: req.db) else { throw AppError.notFound() }
        return row
    }

    /// Names of the associations an organisation is a member of on a day.
    static func associationNames(of organisationID: UUID, on day: LocalDate, db: any Database) async throws -> [String] {
        let iso = day.iso8601
        let memberships = try await MembershipModel.query(on: db)
            .filter(\.$member.$id == organisationID)
            .filter(\.$validFrom <= iso)
            .group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil >= iso) }
            .with(\.$association)
            .all()
        return memberships.map(\.association.name)
    }

    /// Whether the user's organisation is bound by the version.
    static func binds(_ version: GuidelineVersion, user: CurrentUser, on day: LocalDate, db: any Database) async throws -> Bool {
        let names = try await associationNames(of: user.organisationID, on: day, db: db)
        return names.contains { version.binds(association: $0) }
    }

    /// The user's own acknowledgement of a version row, if any.
    static func acknowledgement(versionRowID: UUID, userID: UUID, on db: any Database) async throws -> GuidelineAcknowledgementModel? {
        try await GuidelineAcknowledgementModel.query(on: db)
            .filter(\.$version.$id == versionRowID).filter(\.$user.$id == userID).first()
    }

    /// Who among the members of the association (and only those) has acknowledged the version in force.
    struct Overview: Sendable {
        let overview: GuidelineAcknowledgementOverview
        /// User id → (name, organisation name).
        let people: [String: (name: String, organisation: String)]
    }

    static func overview(_ stored: StoredDocument, associationID: UUID, on day: LocalDate, db: any Database) async throws -> Overview? {
        guard let version = stored.document.version(inForceOn: day), let rowID = stored.rowID(version) else { return nil }
        let iso = day.iso8601
        let memberships = try await MembershipModel.query(on: db)
            .filter(\.$association.$id == associationID)
            .filter(\.$validFrom <= iso)
            .group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil >= iso) }
            .all()
        let memberIDs = Array(Set(memberships.map { $0.$member.id }))
        guard !memberIDs.isEmpty else {
            return Overview(
                overview: try GuidelineAcknowledgementOverview(document: stored.document, on: day, users: [], acknowledgements: []), people: [:])
        }
        let organisations = try await OrganisationModel.query(on: db).filter(\.$id ~~ memberIDs).all()
        var orgNames: [UUID: String] = [:]
        var memberOf: [UUID: [String]] = [:]
        for organisation in organisations {
            let id = try organisation.requireID()
            orgNames[id] = organisation.name
            memberOf[id] = try await associationNames(of: id, on: day, db: db)
        }
        let users = try await UserModel.query(on: db).filter(\.$organisation.$id ~~ memberIDs).filter(\.$disabledAt == nil).all()
        var bound: [GuidelineBoundUser] = []
        var people: [String: (name: String, organisation: String)] = [:]
        for user in users {
            let userID = try user.requireID().uuidString
            let orgID = user.$organisation.id
            bound.append(GuidelineBoundUser(userID: userID, organisationName: orgNames[orgID] ?? "", memberOf: memberOf[orgID] ?? []))
            people[userID] = (user.name, orgNames[orgID] ?? "")
        }
        let acks = try await GuidelineAcknowledgementModel.query(on: db)
            .filter(\.$version.$id == rowID).filter(\.$organisation.$id ~~ memberIDs).all()
            .map { GuidelineAcknowledgement(userID: $0.$user.id.uuidString, versionID: version.id, acknowledgedAt: $0.acknowledgedAt) }
        let overview = try GuidelineAcknowledgementOverview(document: stored.document, on: day, users: bound, acknowledgements: acks)
        return Overview(overview: overview, people: people)
    }

    /// The fields of a new version as posted.
    struct NewVersionInput: Content {
        var title: String?
        var version_label: String?
        var adopted_on: String?
        var in_force_from: String?
        var markdown: String?
    }

    /// Adds a version to a document after the core's checks; a refused version changes nothing.
    static func addVersion(to stored: StoredDocument, _ input: NewVersionInput, at instant: Date, on db: any Database) async throws -> UUID {
        var problems: [FieldProblem] = []
        func text(_ value: String?, _ field: String, limit: Int) -> String {
            let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                problems.append(FieldProblem(field: field, Phrase(nb: "kan ikke være tomt", en: "must not be empty")))
            } else if trimmed.count > limit {
                problems.append(FieldProblem(field: field, Phrase(nb: "høyst \(limit) tegn", en: "must be at most \(limit) characters")))
            }
            return trimmed
        }
        func day(_ value: String?, _ field: String) -> LocalDate? {
            let raw = (value ?? "").trimmingCharacters(in: .whitespaces)
            guard let parsed = try? LocalDate(parsing: raw) else {
                problems.append(FieldProblem(field: field, Phrase(nb: "må være en dato (dd.mm.åååå)", en: "must be a date YYYY-MM-DD")))
                return nil
            }
            return parsed
        }
        let latest = stored.document.versions.last
        let title = text(input.title ?? latest?.title, "title", limit: 200)
        let label = text(input.version_label, "version_label", limit: 100)
        let markdown = text(input.markdown, "markdown", limit: maximumMarkdownLength)
        let adopted = day(input.adopted_on, "adopted_on")
        let inForce = day(input.in_force_from, "in_force_from")
        if let adopted, let inForce, inForce < adopted {
            problems.append(
                FieldProblem(field: "in_force_from", Phrase(nb: "kan ikke være før vedtaksdatoen", en: "must not be before the adoption date")))
        }
        guard problems.isEmpty, let adopted, let inForce, let latest else { throw AppError.invalid(problems) }
        let rowID = UUID()
        let version = try checkedVersion(
            id: "\(stored.document.id)-\(rowID.uuidString.lowercased())", stored: stored, title: title, label: label,
            adopted: adopted, inForce: inForce, binds: latest.bindsMembersOf, markdown: markdown)
        try await GuidelineVersionModel(
            id: rowID, associationID: stored.associationID, publisher: stored.document.publisher, version: version, createdAt: instant
        ).create(on: db)
        return rowID
    }

    /// The new version as the core accepts it alongside the document's other versions, or 422.
    private static func checkedVersion(
        id: String, stored: StoredDocument, title: String, label: String, adopted: LocalDate, inForce: LocalDate,
        binds: [String], markdown: String
    ) throws -> GuidelineVersion {
        do {
            let version = try GuidelineVersion(
                id: id, documentKey: stored.document.id, title: title, versionLabel: label, adoptedOn: adopted,
                inForceFrom: inForce, bindsMembersOf: binds, markdown: markdown)
            _ = try GuidelineDocument(key: stored.document.id, publisher: stored.document.publisher, versions: stored.document.versions + [version])
            return version
        } catch {
            throw AppError.invalid([problem(for: error)])
        }
    }

    static func problem(for error: GuidelineError) -> FieldProblem {
        let field: String
        switch error {
        case .inForceBeforeAdoption, .sameInForceDate, .noVersionInForce: field = "in_force_from"
        case .duplicateVersionLabel: field = "version_label"
        case .emptyField(let name) where name == "title": field = "title"
        case .emptyField(let name) where name == "version label": field = "version_label"
        case .emptyField: field = "markdown"
        case .duplicateVersionID, .wrongDocument: field = "version_label"
        case .comparisonTooLarge: field = "to"
        }
        return FieldProblem(field: field, Phrase(nb: error.norwegian, en: error.description))
    }
}
