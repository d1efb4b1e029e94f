import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/complaints…`: the businesses see and answer their complaints (without the consumer's contact
/// details); the secretariat and the board follow every case, the board handles and decides it.
struct ComplaintCaseRoutes: RouteCollection {
    /// Above the attachment limit, so the core's own check answers with its clear 413.
    static let maxBody: ByteCount = "8mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.complaintCases, use: list)
        routes.get(.complaintCaseFile, use: show)
        routes.upload(.complaintAnswer, maxSize: Self.maxBody, use: answer)
        routes.get(.complaintAttachment, use: download)
        routes.post(.complaintAction, use: action)
    }

    // MARK: List

    struct ListQuery: Content {
        var state: String?
        var centre: String?
        var overdue: String?
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let viewer = try ComplaintCases.viewer(user)
        let filters = (try? req.query.decode(ListQuery.self)) ?? ListQuery()
        var query = ComplaintModel.query(on: req.db).filter(\.$caseJSON != nil)
        switch viewer {
        case .oversight: break
        case .party(.callCentre, let id): query = query.filter(\.$callCentreID == id)
        case .party(.client, let id): query = query.filter(\.$clientID == id)
        }
        let state = filters.state.flatMap(ComplaintState.init(rawValue:))
        if let state { query = query.filter(\.$stateRaw == state.rawValue) }
        let centre = filters.centre.flatMap(UUID.init(uuidString:))
        if let centre, case .oversight = viewer { query = query.filter(\.$callCentreID == centre) }
        let rows = try await query.sort(\.$createdAt, .descending).limit(500).all()
        var items: [ComplaintCaseViews.ListItem] = []
        for row in rows {
            guard let handling = try row.handling() else { continue }
            let late =
                handling.state == .overdue || handling.isAnswerLate(at: req.now)
                || (handling.state == .withBoard && handling.runningStop == nil && (handling.decisionDue.map { req.now > $0 } ?? false))
            if filters.overdue == "1" && !late { continue }
            items.append(
                ComplaintCaseViews.ListItem(
                    id: try row.requireID(), reference: row.reference, business: row.businessName ?? row.businessOrgnr ?? "—",
                    received: row.verifiedAt ?? row.createdAt, state: handling.state, deadline: handling.currentDeadline,
                    late: late, clockStopped: handling.runningStop != nil))
        }
        var centres: [(UUID, String)] = []
        if case .oversight = viewer {
            centres = try await OrganisationModel.query(on: req.db).filter(\.$kindRaw == OrganisationKind.callCentre.rawValue).sort(\.$name).all()
                .map { (try $0.requireID(), $0.name) }
        }
        let model = ComplaintCaseViews.ListModel(
            items: items, oversight: viewer.seesContactDetails, state: state, centre: centre, overdueOnly: filters.overdue == "1", centres: centres)
        return .html(ComplaintCaseViews.list(model, context: req.pageContext))
    }

    // MARK: One case

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (complaint, viewer) = try await ComplaintCases.complaint(req, user: user)
        return .html(try await page(req, complaint: complaint, viewer: viewer, user: user))
    }

    /// The case page, with a failed form's problems and typed text when there are any.
    func page(
        _ req: Request, complaint: ComplaintModel, viewer: ComplaintCases.Viewer, user: CurrentUser, problems: [String: String] = [:],
        typed: [String: String] = [:]
    ) async throws -> String {
        let id = try complaint.requireID()
        guard let handling = try complaint.handling() else { throw AppError.notFound() }
        let answers = try await ComplaintAnswerModel.query(on: req.db).filter(\.$complaintID == id).sort(\.$answeredAt).all()
        let files = try await ComplaintAttachmentModel.query(on: req.db).filter(\.$complaintID == id).all()
        var board = handling.board
        if board == nil { board = try? await ComplaintCases.board(req.application, on: req.db) }
        let names = Dictionary(
            uniqueKeysWithValues: (board?.members ?? []).map { ($0.id, $0.name) })
        let model = ComplaintCaseViews.CaseModel(
            id: id, reference: complaint.reference, handling: handling, business: complaint.businessName ?? complaint.businessOrgnr ?? "—",
            number: complaint.number, calledAt: complaint.calledAt, reasons: complaint.reasonList, text: complaint.text,
            facts: try complaint.facts(),
            contact: viewer.seesContactDetails
                ? ComplaintCaseViews.Contact(
                    name: complaint.contactName, email: complaint.contactEmail, phone: complaint.contactPhone,
                    erased: complaint.contactsErasedAt != nil)
                : nil,
            answers: answers.map { answer in
                ComplaintCaseViews.Answer(
                    party: ComplaintPartyRole(rawValue: answer.party) ?? .callCentre, text: answer.text, at: answer.answeredAt,
                    files: files.filter { $0.answerID == answer.id }.compactMap { file in
                        file.id.map { ComplaintCaseViews.File(id: $0, name: file.fileName, bytes: file.byteCount) }
                    })
            },
            viewer: viewer, viewerMemberID: user.id.uuidString.lowercased(), memberNames: names,
            boardMembers: board?.members ?? [], uploadTypes: req.application.complaintSettings.uploadPolicy.allowedTypes.flatMap(\.extensions),
            uploadLimit: req.application.complaintSettings.uploadPolicy.maximumBytes, problems: problems, typed: typed)
        return ComplaintCaseViews.page(model, context: req.pageContext)
    }

    struct AnswerInput: Content {
        var text: String?
        var file: File?
    }

    /// A business answers, with a file if it likes; a refused answer comes back as the case page with the
    /// text kept and the problem by the field.
    func answer(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (complaint, viewer) = try await ComplaintCases.complaint(req, user: user)
        guard case .party(let party, let organisationID) = viewer else { throw AppError.forbidden() }
        let input = try req.content.decode(AnswerInput.self)
        do {
            let upload = try ComplaintCases.checkUpload(input.file, settings: req.application.complaintSettings)
            try await ComplaintCases.answer(
                complaint, party: party, organisationID: organisationID, userID: user.id, text: input.text ?? "", upload: upload,
                app: req.application,
                on: req.db, now: req.now)
        } catch let error as AppError where !error.fields.isEmpty {
            // The stored case is read again: the refused step changed only the copy in memory.
            guard let fresh = try await ComplaintModel.find(complaint.id, on: req.db) else { throw error }
            let html = try await page(
                req, complaint: fresh, viewer: viewer, user: user,
                problems: Dictionary(error.fields.map { ($0.field, $0.text(req.language)) }, uniquingKeysWith: { first, _ in first }),
                typed: ["text": String((input.text ?? "").prefix(10_000))])
            return .html(html, status: error.status)
        }
        return req.redirect(to: .complaintCaseFile(try complaint.requireID()))
    }

    func download(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (complaint, _) = try await ComplaintCases.complaint(req, user: user)
        guard let fileID = try? req.uuidParameter("file"),
            let file = try await ComplaintAttachmentModel.query(on: req.db).filter(\.$id == fileID)
                .filter(\.$complaintID == complaint.requireID()).first(),
            let url = ComplaintCases.fileURL(storageKey: file.storageKey, app: req.application),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw AppError.notFound() }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.mediaType)
        let safeName = String(
            file.fileName.unicodeScalars.filter { $0.isASCII && (ASCII.isAlphanumeric(UInt8($0.value)) || ".-_".unicodeScalars.contains($0)) })
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safeName.isEmpty ? "vedlegg" : safeName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    // MARK: The board's steps

    struct ActionInput: Content {
        var member: String?
        var reason: String?
        var recusal: String?
        var choice: String?
        var outcome: String?
        var reasons: String?
        var until: String?
        var clock: String?
    }

    /// The secretariat's and the board's steps on a case, by name; a refused step comes back as the case page
    /// with the problem by the field and what was typed kept.
    func action(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (complaint, viewer) = try await ComplaintCases.complaint(req, user: user)
        guard case .oversight(let role) = viewer else { throw AppError.forbidden() }
        let input = try req.content.decode(ActionInput.self)
        let name = req.parameters.get("action") ?? ""
        let memberID = user.id.uuidString.lowercased()
        let now = req.now
        func boardOnly() throws {
            guard role == .boardMember else {
                throw AppError(
                    .forbidden, code: "not-board-member",
                    Phrase(
                        nb: "Bare medlemmer av nemnda kan stemme, erklære seg inhabile eller avgjøre.",
                        en: "Only board members may vote, recuse or decide."))
            }
        }
        do {
            switch name {
            case "rapporteur":
                let board = try await ComplaintCases.board(req.application, on: req.db)
                let chosen = (input.member ?? "").lowercased()
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.assignRapporteur(chosen, board: board, at: now) }
            case "board":
                let board = try await ComplaintCases.board(req.application, on: req.db)
                let policy = req.application.complaintSettings.policy
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.sendToBoard(board, at: now, policy: policy) }
            case "clock":
                let reason = input.reason ?? ""
                if input.clock == "resume" {
                    _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.resumeClock(at: now) }
                } else {
                    _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.stopClock(reason: reason, at: now) }
                }
            case "recuse":
                try boardOnly()
                let reason = input.recusal ?? ""
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.recuse(memberID: memberID, reason: reason, at: now) }
            case "vote":
                try boardOnly()
                let choice = input.choice ?? ""
                guard choice == "abstain" || ComplaintOutcome(rawValue: choice) != nil else {
                    throw AppError.invalid([FieldProblem(field: "choice", Phrase(nb: "velg et utfall", en: "choose an outcome"))])
                }
                let outcome = ComplaintOutcome(rawValue: choice)
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.vote(memberID: memberID, outcome: outcome, at: now) }
            case "decide":
                try boardOnly()
                guard let outcome = input.outcome.flatMap(ComplaintOutcome.init(rawValue:)) else {
                    throw AppError.invalid([FieldProblem(field: "outcome", Phrase(nb: "velg et utfall", en: "choose an outcome"))])
                }
                var until: LocalDate?
                if let raw = input.until?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                    guard let day = try? LocalDate(parsing: raw), day > req.osloToday else {
                        throw AppError.invalid([FieldProblem(field: "until", Phrase(nb: "velg en dag etter i dag", en: "choose a day after today"))])
                    }
                    until = day
                }
                if outcome.isSanction && complaint.callCentreID == nil {
                    throw AppError.invalid([
                        FieldProblem(
                            field: "outcome", Phrase(nb: "en sanksjon krever et kjent callsenter", en: "a sanction needs a known call centre"))
                    ])
                }
                let reasons = input.reasons ?? ""
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in
                    try c.propose(outcome, reasons: reasons, suspendedUntil: until, by: memberID, at: now)
                }
            case "confirm":
                try boardOnly()
                try await ComplaintCases.confirm(complaint, memberID: memberID, app: req.application, on: req.db, now: now)
                return req.redirect(to: .complaintCaseFile(try complaint.requireID()))
            case "close":
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.close(at: now) }
            default:
                throw AppError.notFound()
            }
            try await complaint.save(on: req.db)
        } catch let error as AppError where error.status != .notFound {
            guard let fresh = try await ComplaintModel.find(complaint.id, on: req.db) else { throw error }
            let language = req.language
            var problems = Dictionary(error.fields.map { ($0.field, $0.text(language)) }, uniquingKeysWith: { first, _ in first })
            if problems.isEmpty { problems["action"] = error.message(language) }
            var typed: [String: String] = [:]
            if let reasons = input.reasons { typed["reasons"] = String(reasons.prefix(10_000)) }
            if let reason = input.reason { typed["reason"] = String(reason.prefix(2_000)) }
            if let recusal = input.recusal { typed["recusal"] = String(recusal.prefix(2_000)) }
            let html = try await page(req, complaint: fresh, viewer: viewer, user: user, problems: problems, typed: typed)
            return .html(html, status: error.status)
        }
        return req.redirect(to: .complaintCaseFile(try complaint.requireID()))
    }
}
