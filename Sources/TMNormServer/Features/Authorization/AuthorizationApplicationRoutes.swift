import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/authorization/applications…`: a call centre applies and attaches evidence, the secretariat checks
/// completeness and returns or sends to the board, the board votes and decides.
struct AuthorizationApplicationRoutes: RouteCollection {
    /// Above the standard upload limit, so the core's own check answers with its clear 413.
    static let maxBody: ByteCount = "12mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.post(.authorizationApplications, use: create)
        routes.get(.authorizationApplication, use: show)
        routes.post(.applicationEvidence, body: .collect(maxSize: Self.maxBody), use: attach)
        routes.get(.applicationEvidenceFile, use: download)
        routes.post(.applicationSubmit, use: submit)
        routes.post(.applicationWithdraw, use: withdraw)
        routes.post(.applicationReturn, use: returnForCompletion)
        routes.post(.applicationReview, use: startReview)
        routes.post(.applicationRecuse, use: recuse)
        routes.post(.applicationVote, use: vote)
        routes.post(.applicationDecide, use: decide)
        routes.post(.applicationFee, use: fee)
    }

    private func redirect(_ req: Request, _ model: AuthorizationApplicationModel) throws -> Response {
        req.redirect(to: .authorizationApplication(try model.requireID()))
    }

    private func requireRole(_ user: CurrentUser, _ roles: Role...) throws {
        guard roles.contains(user.role) else { throw AppError.forbidden() }
    }

    /// The centre opens an application against the catalogue in force: a first approval, or a
    /// continuation while its approval runs and the renewal window is open.
    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .callCentreAdmin)
        guard let organisation = try await OrganisationModel.find(user.organisationID, on: req.db) else { throw AppError.notFound() }
        let today = req.osloToday
        let settings = req.application.authorizationSettings
        let open = try await AuthorizationApplicationModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID)
            .filter(\.$state ~~ ["draft", "submitted", "returned_for_completion", "under_review"]).count()
        guard open == 0 else {
            throw AppError.conflict(Phrase(nb: "Dere har allerede en åpen søknad.", en: "You already have an open application."))
        }
        let (_, record) = try await AuthorizationCases.record(for: organisation, on: req.db)
        var kind = AuthorizationApplicationKind.firstApproval
        if let running = record.approval(runningOn: today) {
            switch running.renewal(on: today, policy: settings.policy) {
            case .notYetOpen(let opens):
                throw AppError.conflict(
                    Phrase(
                        nb:
                            "Godkjenningen gjelder til \(running.validUntil.norwegianFormatted); søknad om fornyelse kan sendes fra \(opens.norwegianFormatted).",
                        en:
                            "The approval runs until \(running.validUntil.norwegianFormatted); renewal can be applied for from \(opens.norwegianFormatted)."
                    ))
            case .open: kind = .continuation
            case .expired: kind = .firstApproval
            }
        }
        guard let catalogue = AuthorizationCriteriaCatalogue.inForce(on: today, among: settings.catalogues) else {
            throw AppError.conflict(Phrase(nb: "Ingen kriteriekatalog er i kraft.", en: "No criteria catalogue is in force."))
        }
        let id = UUID()
        let application: AuthorizationApplication
        do {
            application = try AuthorizationApplication(
                id: id.uuidString.lowercased(), applicant: try OrganisationNumber(organisation.orgnr), applicantName: organisation.name,
                kind: kind, catalogue: catalogue, createdAt: req.now)
        } catch let error as AuthorizationError { throw AppError.authorization(error) }
        let model = try AuthorizationApplicationModel(id: id, organisationID: user.organisationID, application: application, at: req.now)
        try await model.create(on: req.db)
        return try redirect(req, model)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let model = try await AuthorizationCases.application(req, user: user)
        let application = try model.application()
        let fee = try await AuthorizationFeeModel.query(on: req.db).filter(\.$application.$id == model.requireID()).first()?.fee()
        let view = AuthorizationApplicationView.Model(
            id: try model.requireID(), application: application, fee: fee, viewer: user,
            uploadTypes: req.application.authorizationSettings.uploadPolicy.allowedTypes.flatMap(\.extensions),
            uploadLimit: req.application.authorizationSettings.uploadPolicy.maximumBytes)
        return .html(AuthorizationApplicationView.render(view, context: req.pageContext))
    }

    struct EvidenceInput: Content {
        var criterion: String?
        var statement: String?
        var file: File?
    }

    /// Attaches evidence for one criterion: a checked upload, a statement, or the platform's own figure.
    func attach(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .callCentreAdmin)
        let model = try await AuthorizationCases.application(req, user: user)
        let input = try req.content.decode(EvidenceInput.self)
        let application = try model.application()
        guard let criterionID = input.criterion, let criterion = application.catalogue.criterion(id: criterionID) else {
            throw AppError.invalid([
                FieldProblem(
                    field: "criterion",
                    Phrase(nb: "er ikke et kriterium i søknadens kriteriekatalog", en: "is not a criterion of this application's catalogue"))
            ])
        }
        // The state is checked before any file is written, so a refused upload leaves nothing behind.
        guard application.state.isEditable else {
            throw AppError.authorization(.actionNotAllowed(.attachEvidence, state: application.state))
        }
        let settings = req.application.authorizationSettings
        let evidence: AuthorizationEvidence
        var fileRow: AuthorizationEvidenceFileModel?
        switch criterion.evidence {
        case .document:
            guard let file = input.file else {
                throw AppError.invalid([FieldProblem(field: "file", Phrase(nb: "velg en fil som skal lastes opp", en: "choose a file to upload"))])
            }
            let data = Data(buffer: file.data)
            let fileName = file.filename.isEmpty ? "upload" : String(file.filename.suffix(200))
            do {
                _ = try settings.uploadPolicy.check(
                    fileName: fileName, byteCount: data.count, leadingBytes: data.prefix(settings.uploadPolicy.leadingBytesNeeded))
            } catch { throw AppError.authorization(error, field: "file") }
            let key = try AuthorizationCases.storeFile(data, applicationID: try model.requireID(), app: req.application)
            do {
                evidence = try settings.uploadPolicy.evidence(
                    fileName: fileName, byteCount: data.count, leadingBytes: data.prefix(settings.uploadPolicy.leadingBytesNeeded), storageKey: key)
            } catch { throw AppError.authorization(error, field: "file") }
            let row = AuthorizationEvidenceFileModel()
            row.$application.id = try model.requireID()
            row.criterionID = criterion.id
            row.fileName = fileName
            if case .document(let document) = evidence { row.mediaType = document.mediaType }
            row.byteCount = data.count
            row.sha256 = AuthorizationCases.sha256(data)
            row.storageKey = key
            row.uploadedAt = req.now
            row.uploadedBy = user.id
            fileRow = row
        case .statement:
            evidence = .statement(String((input.statement ?? "").prefix(10_000)))
        case .platformFigure(let name):
            let value = try await AuthorizationCases.platformFigureValue(name, organisationID: model.$organisation.id, on: req.osloToday, db: req.db)
            evidence = .platformFigure(name: name, value: value, asOf: req.osloToday)
        }
        _ = try await AuthorizationCases.change(model, at: req.now, field: "statement", on: req.db) { application throws(AuthorizationError) in
            try application.attach(evidence, to: criterion.id, at: req.now)
        }
        try await fileRow?.create(on: req.db)
        return try redirect(req, model)
    }

    /// The current document for a criterion, for the centre, the secretariat and the board.
    func download(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let model = try await AuthorizationCases.application(req, user: user)
        let application = try model.application()
        guard let criterion = req.parameters.get("criterion"), case .document(let document) = application.evidence[criterion],
            let url = AuthorizationCases.fileURL(storageKey: document.storageKey, app: req.application),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw AppError.notFound() }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.mediaType)
        let safeName = document.fileName.filter { $0.isLetter || $0.isNumber || ".-_".contains($0) }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safeName.isEmpty ? "evidence" : safeName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// The centre sends the application; the centre then shows as under review, and the fee is recorded.
    func submit(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .callCentreAdmin)
        let model = try await AuthorizationCases.application(req, user: user)
        let today = req.osloToday
        guard let organisation = try await OrganisationModel.find(model.$organisation.id, on: req.db) else { throw AppError.notFound() }
        let settings = req.application.authorizationSettings
        try await req.db.writeTransaction { db in
            let application = try await AuthorizationCases.change(model, at: req.now, on: db) { application throws(AuthorizationError) in
                try application.submit(at: req.now)
            }
            let (recordModel, existing) = try await AuthorizationCases.record(for: organisation, on: db)
            var record = existing
            if record.pendingApplicationSince == nil { record.pendingApplicationSince = today }
            try await AuthorizationCases.save(record, model: recordModel, organisationID: user.organisationID, at: req.now, on: db)
            let applicationID = try model.requireID()
            let hasFee = try await AuthorizationFeeModel.query(on: db).filter(\.$application.$id == applicationID).count() > 0
            if !hasFee, let schedule = AuthorizationFeeSchedule.inForce(on: today, among: settings.feeSchedules) {
                let membership = try await AuthorizationCases.membership(of: user.organisationID, on: today, db: db)
                let fee = AuthorizationFeeRecord(
                    id: "FEE-\(application.id.prefix(8))", applicationID: application.id, kind: application.kind,
                    membership: membership, schedule: schedule, on: today)
                try await AuthorizationFeeModel(applicationID: applicationID, fee: fee, at: req.now).create(on: db)
            }
        }
        return try redirect(req, model)
    }

    func withdraw(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .callCentreAdmin)
        let model = try await AuthorizationCases.application(req, user: user)
        try await req.db.writeTransaction { db in
            _ = try await AuthorizationCases.change(model, at: req.now, on: db) { application throws(AuthorizationError) in
                try application.withdraw(at: req.now)
            }
            try await Self.clearPending(organisationID: model.$organisation.id, at: req.now, on: db)
        }
        return try redirect(req, model)
    }

    struct CommentInput: Content { var comment: String? }

    func returnForCompletion(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .associationAdmin)
        let model = try await AuthorizationCases.application(req, user: user)
        let comment = try req.content.decode(CommentInput.self).comment ?? ""
        _ = try await AuthorizationCases.change(model, at: req.now, field: "comment", on: req.db) { application throws(AuthorizationError) in
            try application.returnForCompletion(comment: comment, at: req.now)
        }
        return try redirect(req, model)
    }

    func startReview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .associationAdmin)
        let model = try await AuthorizationCases.application(req, user: user)
        let board = try await AuthorizationCases.board(settings: req.application.authorizationSettings, on: req.db)
        _ = try await AuthorizationCases.change(model, at: req.now, on: req.db) { application throws(AuthorizationError) in
            try application.startReview(board: board, at: req.now)
        }
        return try redirect(req, model)
    }

    struct ReasonInput: Content { var reason: String? }

    func recuse(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let model = try await AuthorizationCases.application(req, user: user)
        try requireRole(user, .boardMember)
        let reason = try req.content.decode(ReasonInput.self).reason ?? ""
        _ = try await AuthorizationCases.change(model, at: req.now, field: "reason", on: req.db) { application throws(AuthorizationError) in
            try application.recuse(memberID: user.id.uuidString.lowercased(), reason: reason, at: req.now)
        }
        return try redirect(req, model)
    }

    struct VoteInput: Content { var choice: String? }

    /// A board member votes; the core refuses anyone outside the reviewing board (403).
    func vote(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let model = try await AuthorizationCases.application(req, user: user)
        // Only board members vote; the core then checks that this member sits on the reviewing board.
        try requireRole(user, .boardMember)
        guard let choice = (try req.content.decode(VoteInput.self).choice).flatMap(AuthorizationVoteChoice.init(rawValue:)) else {
            throw AppError.invalid([
                FieldProblem(field: "choice", Phrase(nb: "må være godkjenn, avslå eller avstå", en: "must be approve, reject or abstain"))
            ])
        }
        _ = try await AuthorizationCases.change(model, at: req.now, on: req.db) { application throws(AuthorizationError) in
            try application.vote(memberID: user.id.uuidString.lowercased(), choice: choice, at: req.now)
        }
        return try redirect(req, model)
    }

    struct DecisionInput: Content {
        var outcome: String?
        var reasons: String?
        /// "1" from the confirm page; without it the decision is checked and a confirm page asks once more.
        var confirmed: String?
    }

    /// The board decides with reasons. An approval is granted at once (a continuation follows on from the
    /// running approval without a gap) and the centre no longer shows as under review.
    func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let model = try await AuthorizationCases.application(req, user: user)
        try requireRole(user, .boardMember)
        let input = try req.content.decode(DecisionInput.self)
        guard let outcome = input.outcome.flatMap(AuthorizationOutcome.init(rawValue:)) else {
            throw AppError.invalid([FieldProblem(field: "outcome", Phrase(nb: "må være godkjenn eller avslå", en: "must be approve or reject"))])
        }
        let current = try model.application()
        // Only a member of the reviewing board records the board's decision.
        guard current.board?.isMember(user.id.uuidString.lowercased()) == true || current.state != .underReview else {
            throw AppError.authorization(.notABoardMember(user.id.uuidString.lowercased()))
        }
        guard let organisation = try await OrganisationModel.find(model.$organisation.id, on: req.db) else { throw AppError.notFound() }
        let settings = req.application.authorizationSettings
        let today = req.osloToday
        // A decision binds the association: the first press checks it and asks once more on a page of its own.
        guard input.confirmed == "1" else {
            if let problem = Self.trial(current, outcome, reasons: input.reasons ?? "", at: req.now, policy: settings.policy) {
                throw AppError.authorization(problem, field: AuthorizationCases.field(for: problem))
            }
            let confirm = AuthorizationDecisionConfirmView.Model(
                applicationID: try model.requireID(), applicant: organisation.name, outcome: outcome, reasons: input.reasons ?? "")
            return .html(AuthorizationDecisionConfirmView.render(confirm, context: req.pageContext))
        }
        try await req.db.writeTransaction { db in
            let (recordModel, existing) = try await AuthorizationCases.record(for: organisation, on: db)
            var record = existing
            var decided = current
            do {
                try decided.decide(outcome, reasons: input.reasons ?? "", at: req.now, policy: settings.policy)
                if outcome == .approve {
                    let running = decided.kind == .continuation ? record.approval(runningOn: today) : nil
                    let approval = try AuthorizationApproval.grant(
                        id: "GC-\(decided.id.prefix(8).uppercased())", for: decided, previous: running, policy: settings.policy)
                    try record.add(approval)
                }
            } catch let error as AuthorizationError { throw AppError.authorization(error, field: AuthorizationCases.field(for: error)) }
            record.pendingApplicationSince = nil
            try await AuthorizationCases.store(decided, in: model, at: req.now, on: db)
            try await AuthorizationCases.save(record, model: recordModel, organisationID: organisation.requireID(), at: req.now, on: db)
        }
        return try redirect(req, model)
    }

    /// What deciding would refuse, found on a copy (the confirm page is shown only for a decision that can be made).
    static func trial(
        _ application: AuthorizationApplication, _ outcome: AuthorizationOutcome, reasons: String, at now: Date, policy: AuthorizationPolicy
    ) -> AuthorizationError? {
        var copy = application
        do {
            try copy.decide(outcome, reasons: reasons, at: now, policy: policy)
            return nil
        } catch {
            return error
        }
    }

    struct FeeInput: Content {
        var action: String?
        var note: String?
    }

    /// The secretariat records the fee's invoice, payment or waiver (a record only; no payment handling).
    func fee(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try requireRole(user, .associationAdmin)
        let model = try await AuthorizationCases.application(req, user: user)
        guard let row = try await AuthorizationFeeModel.query(on: req.db).filter(\.$application.$id == model.requireID()).first() else {
            throw AppError.notFound()
        }
        let input = try req.content.decode(FeeInput.self)
        var fee = try row.fee()
        let today = req.osloToday
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            switch input.action {
            case "invoiced": try fee.markInvoiced(on: today, reference: note)
            case "paid": try fee.markPaid(on: today, reference: note)
            case "waived": try fee.waive(on: today, reason: note ?? "")
            default:
                throw AppError.invalid([
                    FieldProblem(field: "action", Phrase(nb: "må være fakturert, betalt eller frafalt", en: "must be invoiced, paid or waived"))
                ])
            }
        } catch let error as AuthorizationError { throw AppError.authorization(error, field: "note") }
        try row.store(fee, at: req.now)
        try await row.save(on: req.db)
        return try redirect(req, model)
    }

    /// Clears "under review" once no application of the centre awaits a decision.
    static func clearPending(organisationID: UUID, at instant: Date, on db: any Database) async throws {
        guard let recordModel = try await AuthorizationCases.recordModel(organisationID: organisationID, on: db) else { return }
        let open = try await AuthorizationApplicationModel.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$state ~~ ["submitted", "returned_for_completion", "under_review"]).count()
        guard open == 0 else { return }
        var record = try recordModel.record()
        record.pendingApplicationSince = nil
        try recordModel.store(record, at: instant)
        try await recordModel.save(on: db)
    }
}
