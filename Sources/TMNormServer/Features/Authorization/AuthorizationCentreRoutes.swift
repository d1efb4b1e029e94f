import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/authorization` (overview per role), `/authorization/centres/ORGNR` (a centre's record),
/// board sanctions, and the yearly follow-up report.
struct AuthorizationCentreRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.authorization, use: overview)
        routes.get(.authorizationCentre, use: centre)
        routes.post(.centreSanctions, use: sanction)
        routes.get(.centreFollowUp, use: followUpForm)
        routes.post(.centreFollowUp, use: submitFollowUp)
    }

    func overview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let access = try AuthorizationCases.access(user)
        let model = try await AuthorizationOverviewView.Model.query(
            for: user, access: access, today: req.osloToday, policy: req.application.authorizationSettings.policy, on: req.db)
        return .html(AuthorizationOverviewView.render(model, context: req.pageContext))
    }

    /// A centre's record, for its own administrator, the secretariat and the board.
    private func centreRecord(_ req: Request, user: CurrentUser) async throws -> (
        OrganisationModel, AuthorizationRecordModel?, AuthorizationCentreRecord
    ) {
        let access = try AuthorizationCases.access(user)
        let id = try req.uuidParameter()
        guard let organisation = try await OrganisationModel.find(id, on: req.db), organisation.kind == .callCentre else {
            throw AppError.notFound()
        }
        if case .centre(let own) = access, organisation.id != own { throw AppError.notFound() }
        let (model, record) = try await AuthorizationCases.record(for: organisation, on: req.db)
        return (organisation, model, record)
    }

    func centre(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (organisation, _, record) = try await centreRecord(req, user: user)
        let today = req.osloToday
        let model = AuthorizationCentreView.Model(
            organisationID: try organisation.requireID(), viewer: user, today: today, record: record, standing: record.publicStanding(on: today),
            followUps: record.followUpStates(on: today, policy: req.application.authorizationSettings.policy),
            reminders: try await AuthorizationReminderModel.query(on: req.db).filter(\.$organisation.$id == organisation.requireID())
                .sort(\.$sentAt, .descending).all()
                .map { .init(subject: $0.subject, deadline: try? LocalDate(parsing: $0.deadline), sentAt: $0.sentAt, recipients: $0.recipients) })
        return .html(AuthorizationCentreView.render(model, context: req.pageContext))
    }

    struct SanctionInput: Content {
        var kind: String?
        var reasons: String?
        var effective_from: String?
        var until: String?
        var condition: String?
    }

    /// The board records a warning, suspension, revocation or reinstatement with reasons; the appeal
    /// deadline follows the policy.
    func sanction(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (organisation, recordModel, existing) = try await centreRecord(req, user: user)
        guard user.role == .boardMember else { throw AppError.forbidden() }
        let input = try req.content.decode(SanctionInput.self)
        func day(_ raw: String?, _ field: String) throws -> LocalDate? {
            guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let parsed = try? LocalDate(parsing: raw) else {
                throw AppError.invalid([FieldProblem(field: field, Phrase(nb: "må være en dato (dd.mm.åååå)", en: "must be a date YYYY-MM-DD"))])
            }
            return parsed
        }
        let effective = try day(input.effective_from, "effective_from")
        let kind: AuthorizationSanctionKind
        switch input.kind {
        case "warning": kind = .warning
        case "suspension":
            if let until = try day(input.until, "until") {
                kind = .suspension(.untilDate(until))
            } else {
                kind = .suspension(.untilCondition(input.condition ?? ""))
            }
        case "revocation": kind = .revocation
        case "reinstatement": kind = .reinstatement
        default:
            throw AppError.invalid([
                FieldProblem(
                    field: "kind",
                    Phrase(
                        nb: "må være advarsel, suspensjon, tilbakekalling eller gjeninnsetting",
                        en: "must be warning, suspension, revocation or reinstatement"))
            ])
        }
        var record = existing
        let today = req.osloToday
        do {
            let decision = try AuthorizationSanctionDecision(
                id: "S-\(UUID().uuidString.prefix(8))", centre: record.centre, kind: kind, decidedOn: today, effectiveFrom: effective,
                reasons: input.reasons ?? "", policy: req.application.authorizationSettings.policy)
            try record.record(decision)
        } catch { throw AppError.authorization(error, field: AuthorizationCases.field(for: error)) }
        try await AuthorizationCases.save(record, model: recordModel, organisationID: try organisation.requireID(), at: req.now, on: req.db)
        return req.redirect(to: .authorizationCentre(try organisation.requireID()))
    }

    /// The follow-up due for a year of the running approval, pre-filled with what the platform knows.
    private func draft(_ req: Request, record: AuthorizationCentreRecord, organisationID: UUID) async throws -> AuthorizationFollowUpDraft {
        guard let year = req.parameters.get("year").flatMap(Int.init),
            let due = record.followUpStates(on: req.osloToday, policy: req.application.authorizationSettings.policy)
                .map(\.due).first(where: { $0.year == year })
        else { throw AppError.notFound() }
        let figures = try await AuthorizationCases.platformFigures(
            organisationID: organisationID, from: due.periodStart, through: due.periodEnd, on: req.db)
        return AuthorizationFollowUpDraft(due: due, platformFigures: figures)
    }

    func followUpForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (organisation, _, record) = try await centreRecord(req, user: user)
        let draft = try await draft(req, record: record, organisationID: try organisation.requireID())
        let submitted = record.submission(approvalID: draft.due.approvalID, year: draft.due.year)
        let model = AuthorizationFollowUpView.Model(
            organisationID: try organisation.requireID(), viewer: user, record: record, draft: draft, submitted: submitted, problems: [])
        return .html(AuthorizationFollowUpView.render(model, context: req.pageContext))
    }

    /// The centre files its report; every problem is named at once and nothing is stored until it is valid.
    func submitFollowUp(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .callCentreAdmin else { throw AppError.forbidden() }
        let (organisation, recordModel, existing) = try await centreRecord(req, user: user)
        var draft = try await draft(req, record: existing, organisationID: try organisation.requireID())
        let form = try req.content.decode([String: String].self)
        var problems: [FieldProblem] = []
        func number(_ field: AuthorizationFollowUpField) -> Int? {
            guard let raw = form[field.rawValue]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let value = Int(raw) else {
                problems.append(FieldProblem(field: field.rawValue, Phrase(nb: "må være et heltall", en: "must be a whole number")))
                return nil
            }
            return value
        }
        switch form[AuthorizationFollowUpField.stillMeetsApplication.rawValue] {
        case "yes": draft.stillMeetsApplication = true
        case "no": draft.stillMeetsApplication = false
        default: draft.stillMeetsApplication = nil
        }
        draft.statement = form[AuthorizationFollowUpField.statement.rawValue] ?? ""
        draft.complaintsDirect = number(.complaintsDirect)
        draft.complaintsViaConsumerAuthority = number(.complaintsViaConsumerAuthority)
        draft.answeredCalls = number(.answeredCalls)
        draft.connectedCalls = number(.connectedCalls)
        draft.complaintsByCaller = try Self.callerRows(form[AuthorizationFollowUpField.complaintsByCaller.rawValue] ?? "", problems: &problems)
        var record = existing
        if problems.isEmpty {
            do {
                try record.submitFollowUp(try draft.report(), on: req.osloToday, policy: req.application.authorizationSettings.policy)
            } catch {
                if case .invalidFollowUpReport(let list) = error {
                    problems = list.map { FieldProblem(field: Self.field(of: $0), Phrase(nb: $0.norwegian, en: $0.description)) }
                } else {
                    throw AppError.authorization(error)
                }
            }
        }
        guard problems.isEmpty else { throw AppError.invalid(problems) }
        try await AuthorizationCases.save(record, model: recordModel, organisationID: try organisation.requireID(), at: req.now, on: req.db)
        return req.redirect(to: .authorizationCentre(try organisation.requireID()))
    }

    /// The form field a report problem belongs to.
    static func field(of problem: AuthorizationFollowUpProblem) -> String {
        switch problem {
        case .missing(let field), .negative(let field, _): field.rawValue
        case .explanationRequired: AuthorizationFollowUpField.statement.rawValue
        case .emptyCallerReference, .duplicateCallerReference, .negativeCallerComplaints, .callerComplaintsExceedTotal:
            AuthorizationFollowUpField.complaintsByCaller.rawValue
        }
    }

    /// "REF: N" per line; an empty field means no complaints were attributed to callers.
    static func callerRows(_ text: String, problems: inout [FieldProblem]) throws -> [AuthorizationCallerComplaints] {
        var rows: [AuthorizationCallerComplaints] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let count = Int(parts[1]) else {
                problems.append(
                    FieldProblem(
                        field: "complaints_by_caller",
                        Phrase(nb: "linje \(index + 1): skriv OPPRINGER: ANTALL", en: "line \(index + 1): write CALLER: NUMBER")))
                continue
            }
            rows.append(AuthorizationCallerComplaints(callerReference: parts[0], complaints: count))
        }
        return rows
    }
}

extension AuthorizationOverviewView.Model {
    /// The applications and centre records `access` reaches, with each centre's standing on `today`.
    static func query(
        for user: CurrentUser, access: AuthorizationCases.Access, today: LocalDate, policy: AuthorizationPolicy, on db: any Database
    ) async throws -> Self {
        let query = AuthorizationApplicationModel.query(on: db).sort(\.$updatedAt, .descending)
        var records: [(UUID, AuthorizationCentreRecord)]
        switch access {
        case .centre(let own):
            query.filter(\.$organisation.$id == own)
            guard let organisation = try await OrganisationModel.find(own, on: db) else { throw AppError.notFound() }
            records = [(own, try await AuthorizationCases.record(for: organisation, on: db).1)]
        case .oversight:
            records = try await AuthorizationRecordModel.query(on: db).sort(\.$name).all().map { ($0.$organisation.id, try $0.record()) }
        }
        let applications = try await query.all().map { (id: try $0.requireID(), application: try $0.application()) }
        return Self(
            viewer: user, today: today, applications: applications,
            centres: records.map { organisationID, record in
                .init(
                    organisationID: organisationID, record: record, standing: record.publicStanding(on: today),
                    overdue: record.overdueFollowUps(on: today, policy: policy).map(\.year),
                    renewal: record.approval(runningOn: today)?.renewal(on: today, policy: policy))
            })
    }
}
