import Crypto
import Fluent
import Foundation
import TMNormCore
import Vapor

/// A complaint's handling after intake: who is asked to answer, the notices through the outbox, the
/// answers with their files, and the board's confirmed decision with what follows from it.
enum ComplaintCases {
    /// Who looks at a case, and so what they may see and do.
    enum Viewer: Sendable, Equatable {
        /// The association's secretariat or a board member: every case, with the consumer's contact details.
        case oversight(Role)
        /// A business asked to answer: its own side's cases, without the consumer's contact details.
        case party(ComplaintPartyRole, organisationID: UUID)

        var seesContactDetails: Bool { if case .oversight = self { true } else { false } }
    }

    /// The user's view of complaints in general (the list); agents have none.
    static func viewer(_ user: CurrentUser) throws -> Viewer {
        switch user.role {
        case .associationAdmin, .boardMember: .oversight(user.role)
        case .callCentreAdmin: .party(.callCentre, organisationID: user.organisationID)
        case .clientUser: .party(.client, organisationID: user.organisationID)
        case .agent: throw AppError.forbidden()
        }
    }

    /// The complaint at the route's `:id` as the user may see it; unconfirmed, foreign or unknown ones are 404.
    static func complaint(_ req: Request, user: CurrentUser) async throws -> (ComplaintModel, Viewer) {
        let viewer = try Self.viewer(user)
        guard let complaint = try await ComplaintModel.find(try req.uuidParameter(), on: req.db), complaint.caseJSON != nil,
            isVisible(complaint, to: viewer)
        else { throw AppError.notFound() }
        return (complaint, viewer)
    }

    static func isVisible(_ complaint: ComplaintModel, to viewer: Viewer) -> Bool {
        switch viewer {
        case .oversight: true
        case .party(.callCentre, let id): complaint.callCentreID == id
        case .party(.client, let id): complaint.clientID == id
        }
    }

    /// The core's refusal as a 4xx in both languages, pointing at the form field where it is about input.
    static func error(_ error: ComplaintCaseError) -> AppError {
        let status: HTTPResponseStatus =
            switch error {
            case .notABoardMember: .forbidden
            case .notAllowed, .alreadyAnswered, .alreadyRecused, .alreadyVoted, .memberRecused, .clockAlreadyStopped, .clockNotStopped,
                .clockStopped, .nothingToConfirm, .notYetDue:
                .conflict
            default: .unprocessableEntity
            }
        let words = error.words
        return AppError(
            status, code: "complaint", Phrase(nb: words.nb, en: words.en),
            fields: error.field.map { [FieldProblem(field: $0, Phrase(nb: "\(words.nb)", en: "\(words.en)"))] } ?? [])
    }

    /// Runs a core step on the stored case and stores the result (not saved: the caller saves, in its transaction).
    static func change(_ complaint: ComplaintModel, _ step: (inout ComplaintCase) throws(ComplaintCaseError) -> Void) throws -> ComplaintCase {
        guard var handling = try complaint.handling() else { throw AppError.notFound() }
        do { try step(&handling) } catch { throw Self.error(error) }
        try complaint.store(handling)
        return handling
    }

    /// The board as composed today, as authorization composes it.
    static func board(_ app: Application, on db: any Database) async throws -> AuthorizationBoard {
        try await AuthorizationCases.board(settings: app.authorizationSettings, on: db)
    }

    // MARK: Opening

    /// Opens the case on a confirmed (or forwarded) complaint: finds the call centre and the client, starts
    /// the answer deadline and queues a notice to each business's users. `db` is the intake's transaction.
    static func open(_ complaint: ComplaintModel, app: Application, on db: any Database, now: Date) async throws {
        let policy = app.complaintSettings.policy
        if let saleID = complaint.saleID, let sale = try await SaleModel.find(saleID, on: db) {
            complaint.callCentreID = sale.callCentreID
            complaint.clientID = sale.clientID
        } else if let businessID = complaint.businessID, let business = try await OrganisationModel.find(businessID, on: db) {
            switch business.kind {
            case .callCentre: complaint.callCentreID = businessID
            case .client: complaint.clientID = businessID
            default: break
            }
        }
        try complaint.store(ComplaintCase(openedAt: now, policy: policy))
        try await complaint.save(on: db)
        let due = complaint.answerDueAt.map(NorwegianFormat.date) ?? ""
        let link = app.config.publicBaseURL + SiteRoute.complaintCaseFile(try complaint.requireID()).path
        for (organisationID, user) in try await partyUsers(complaint, on: db) {
            try await Messaging.queue(
                on: db, kind: .email, to: user.email,
                subject: "Klage \(complaint.reference): svarfrist \(due) / Complaint: answer by \(due)",
                text: """
                    Callcenternemnda har mottatt en klage som gjelder dere (sak \(complaint.reference)). \
                    Se klagen og svar innen \(due), gjerne med vedlegg:
                    \(link)

                    The call centre board has received a complaint concerning you (case \(complaint.reference)). \
                    Read it and answer by \(due), with attachments if you wish (link above).
                    """,
                idempotencyKey:
                    "complaint-notice:\(try complaint.requireID().uuidString.lowercased()):\(try user.requireID().uuidString.lowercased())",
                organisationID: organisationID, now: now)
        }
    }

    /// The users of the businesses asked to answer: the call centre's administrators and the client's users.
    static func partyUsers(_ complaint: ComplaintModel, on db: any Database) async throws -> [(UUID, UserModel)] {
        var result: [(UUID, UserModel)] = []
        for (id, role) in [(complaint.callCentreID, Role.callCentreAdmin), (complaint.clientID, Role.clientUser)] {
            guard let id else { continue }
            let users = try await UserModel.query(on: db).filter(\.$organisation.$id == id).filter(\.$roleRaw == role.rawValue)
                .filter(\.$disabledAt == nil).all()
            result += users.map { (id, $0) }
        }
        return result
    }

    // MARK: Answers

    /// A checked attachment ready to store.
    struct Upload: Sendable {
        let fileName: String
        let mediaType: String
        let data: Data
    }

    /// Checks an attachment by its first bytes and size; nil when no file was chosen.
    static func checkUpload(_ file: File?, settings: ComplaintSettings) throws -> Upload? {
        guard let file, file.data.readableBytes > 0 || !file.filename.isEmpty else { return nil }
        let data = Data(buffer: file.data)
        let fileName = file.filename.isEmpty ? "vedlegg" : String(file.filename.suffix(200))
        let policy = settings.uploadPolicy
        do {
            let type = try policy.check(fileName: fileName, byteCount: data.count, leadingBytes: data.prefix(policy.leadingBytesNeeded))
            return Upload(fileName: fileName, mediaType: type.mediaType, data: data)
        } catch { throw AppError.authorization(error, field: "file") }
    }

    /// Stores an answer and its file: the core's check first, the file next, the rows in one transaction; a
    /// failed transaction removes the file again, so nothing is stored half.
    static func answer(
        _ complaint: ComplaintModel, party: ComplaintPartyRole, organisationID: UUID, userID: UUID, text: String, upload: Upload?,
        app: Application, on db: any Database, now: Date
    ) async throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 10_000 else {
            throw AppError.invalid([
                FieldProblem(field: "text", Phrase(nb: "er for lang (høyst 10 000 tegn)", en: "is too long (at most 10 000 characters)"))
            ])
        }
        _ = try change(complaint) { handling throws(ComplaintCaseError) in try handling.answer(as: party, text: trimmed, at: now) }
        let complaintID = try complaint.requireID()
        var stored: URL?
        let answer = ComplaintAnswerModel()
        answer.id = UUID()
        answer.complaintID = complaintID
        answer.organisationID = organisationID
        answer.party = party.rawValue
        answer.text = trimmed
        answer.answeredAt = now
        answer.answeredBy = userID
        var attachment: ComplaintAttachmentModel?
        if let upload {
            let key = "complaints/\(complaintID.uuidString.lowercased())/\(UUID().uuidString.lowercased())"
            let url = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent(key)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try upload.data.write(to: url, options: .atomic)
            stored = url
            let row = ComplaintAttachmentModel()
            row.complaintID = complaintID
            row.answerID = try answer.requireID()
            row.fileName = upload.fileName
            row.mediaType = upload.mediaType
            row.byteCount = upload.data.count
            row.sha256 = Hex.encode(SHA256.hash(data: upload.data))
            row.storageKey = key
            row.uploadedAt = now
            attachment = row
        }
        do {
            try await db.writeTransaction { [answer, attachment] db in
                try await complaint.save(on: db)
                try await answer.create(on: db)
                try await attachment?.create(on: db)
            }
        } catch {
            if let stored { try? FileManager.default.removeItem(at: stored) }
            throw error
        }
    }

    /// The bytes of an attachment stored by `answer`.
    static func fileURL(storageKey: String, app: Application) -> URL? {
        guard storageKey.hasPrefix("complaints/"), !storageKey.contains("..") else { return nil }
        return URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent(storageKey)
    }

    // MARK: Decision

    /// The sanction a confirmed outcome records on the centre's authorization record.
    static func sanction(_ decision: ComplaintDecision) -> AuthorizationSanctionKind? {
        switch decision.outcome {
        case .dismissed, .criticised: nil
        case .warning: .warning
        case .revocation: .revocation
        case .suspension: decision.suspendedUntil.map { .suspension(.untilDate($0)) }
        }
    }

    /// Records a sanction on the centre's record (in `db`, the decision's transaction); the record's own rules
    /// (a running approval, not already suspended or revoked) refuse it with a clear error.
    static func recordSanction(
        _ kind: AuthorizationSanctionKind, decision: ComplaintDecision, complaint: ComplaintModel, app: Application, on db: any Database, now: Date
    ) async throws {
        guard let centreID = complaint.callCentreID, let centre = try await OrganisationModel.find(centreID, on: db) else {
            throw AppError.invalid([
                FieldProblem(
                    field: "outcome",
                    Phrase(nb: "en sanksjon krever et kjent callsenter i saken", en: "a sanction needs a known call centre in the case"))
            ])
        }
        let (model, existing) = try await AuthorizationCases.record(for: centre, on: db)
        let record = try sanctioned(
            existing, id: "KL-\(complaint.reference)", kind: kind, on: OsloTime.localDate(of: now),
            reasons: complaint.publishedReasons ?? decision.reasons, policy: app.authorizationSettings.policy)
        try await AuthorizationCases.save(record, model: model, organisationID: centreID, at: now, on: db)
    }

    /// The record with the sanction added, or the record's refusal as a 4xx on the outcome field.
    static func sanctioned(
        _ existing: AuthorizationCentreRecord, id: String, kind: AuthorizationSanctionKind, on day: LocalDate, reasons: String,
        policy: AuthorizationPolicy
    ) throws -> AuthorizationCentreRecord {
        var record = existing
        do {
            let sanction = try AuthorizationSanctionDecision(
                id: id, centre: record.centre, kind: kind, decidedOn: day, reasons: reasons, policy: policy)
            try record.record(sanction)
        } catch {
            throw AppError.authorization(error, field: "outcome")
        }
        return record
    }

    /// Names that must not appear in a published decision: the consumer's, and those of every person at the
    /// businesses (agents included).
    static func namesToHide(_ complaint: ComplaintModel, on db: any Database) async throws -> [String] {
        var names = [complaint.contactName].compactMap { $0 }
        let organisations = [complaint.callCentreID, complaint.clientID].compactMap { $0 }
        if !organisations.isEmpty {
            names += try await UserModel.query(on: db).filter(\.$organisation.$id ~~ organisations).all().map(\.name)
        }
        return names
    }

    /// Confirms the proposed decision in one transaction: the case, the sanction on the centre's record, the
    /// anonymised text for publication, and the notices to the consumer and the businesses.
    static func confirm(_ complaint: ComplaintModel, memberID: String, app: Application, on db: any Database, now: Date) async throws {
        let handling = try change(complaint) { handling throws(ComplaintCaseError) in try handling.confirm(by: memberID, at: now) }
        guard let decision = handling.decision else { throw error(.nothingToConfirm) }
        let hidden = try await namesToHide(complaint, on: db)
        complaint.outcome = decision.outcome.rawValue
        complaint.decidedAt = now
        complaint.publishedReasons = ComplaintAnonymiser.scrub(decision.reasons, names: hidden)
        let id = try complaint.requireID().uuidString.lowercased()
        let outcome = ComplaintCaseText.outcome(decision.outcome)
        let consumerText = """
            Callcenternemnda har avgjort klagen \(complaint.reference): \(outcome.nb).
            Begrunnelse: \(decision.reasons)

            The board has decided complaint \(complaint.reference): \(outcome.en).
            """
        let people = try await Self.partyUsers(complaint, on: db)
        try await db.writeTransaction { db in
            if let kind = sanction(decision) {
                try await recordSanction(kind, decision: decision, complaint: complaint, app: app, on: db, now: now)
            }
            try await complaint.save(on: db)
            let leaf = EvidenceLeaf.complaintDecision(
                complaint: try complaint.requireID(), outcome: decision.outcome.rawValue, sanction: sanction(decision)?.action.rawValue,
                reasons: decision.reasons, at: now)
            try await EvidenceLog.enqueue(
                [EvidenceLogItem(leaf: leaf, subjectKind: "complaint_decision", subjectID: try complaint.requireID(), subjectSequence: nil)],
                at: now, on: db)
            if let email = complaint.contactEmail {
                try await Messaging.queue(
                    on: db, kind: .email, to: email, subject: "Avgjørelse i klagesak \(complaint.reference) / Decision", text: consumerText,
                    idempotencyKey: "complaint-decision:\(id):consumer-email", now: now)
            }
            if let phone = complaint.contactPhone {
                try await Messaging.queue(
                    on: db, kind: .sms, to: phone,
                    text: "Callcenternemnda har avgjort klagen \(complaint.reference): \(outcome.nb). Se saken med lenken du fikk.",
                    idempotencyKey: "complaint-decision:\(id):consumer-sms", now: now)
            }
            for (organisationID, person) in people {
                try await Messaging.queue(
                    on: db, kind: .email, to: person.email, subject: "Avgjørelse i klagesak \(complaint.reference) / Decision",
                    text: consumerText + "\n" + app.config.publicBaseURL + SiteRoute.complaintCaseFile(try complaint.requireID()).path,
                    idempotencyKey: "complaint-decision:\(id):\(try person.requireID().uuidString.lowercased())", organisationID: organisationID,
                    now: now)
            }
        }
    }
}

/// The handling's words people read, in bokmål and English.
enum ComplaintCaseText {
    static func outcome(_ outcome: ComplaintOutcome) -> Phrase {
        switch outcome {
        case .dismissed: Phrase(nb: "klagen ble ikke tatt til følge", en: "the complaint was dismissed")
        case .criticised: Phrase(nb: "callsenteret får kritikk", en: "the call centre is criticised")
        case .warning: Phrase(nb: "callsenteret får en advarsel", en: "the call centre receives a warning")
        case .suspension: Phrase(nb: "callsenterets godkjenning er suspendert", en: "the call centre's approval is suspended")
        case .revocation: Phrase(nb: "callsenterets godkjenning er tilbakekalt", en: "the call centre's approval is revoked")
        }
    }

    static func outcomeTitle(_ outcome: ComplaintOutcome) -> Phrase {
        switch outcome {
        case .dismissed: Phrase(nb: "Ikke tatt til følge", en: "Dismissed")
        case .criticised: Phrase(nb: "Kritikk", en: "Criticised")
        case .warning: Phrase(nb: "Advarsel", en: "Warning")
        case .suspension: Phrase(nb: "Suspensjon", en: "Suspension")
        case .revocation: Phrase(nb: "Tilbakekall", en: "Revocation")
        }
    }

    static func state(_ state: ComplaintState) -> Phrase {
        switch state {
        case .unverified: Phrase(nb: "Ikke bekreftet", en: "Not confirmed")
        case .awaitingAnswer: Phrase(nb: "Venter på svar", en: "Awaiting answer")
        case .answered: Phrase(nb: "Besvart", en: "Answered")
        case .overdue: Phrase(nb: "Svar på overtid", en: "Answer overdue")
        case .withBoard: Phrase(nb: "Hos nemnda", en: "With the board")
        case .decided: Phrase(nb: "Avgjort", en: "Decided")
        case .closed: Phrase(nb: "Avsluttet", en: "Closed")
        }
    }

    static func party(_ party: ComplaintPartyRole) -> Phrase {
        switch party {
        case .callCentre: Phrase(nb: "Callsenteret", en: "The call centre")
        case .client: Phrase(nb: "Oppdragsgiveren", en: "The client")
        }
    }
}
