import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/klage`: the public complaint form (no log-in), the SMS code that confirms it, and the consumer's page
/// to follow the case.
struct ComplaintWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.complaint, use: form)
        routes.post(.complaint, use: submit)
        routes.get(.complaintConfirm, use: codeForm)
        routes.post(.complaintConfirm, use: confirm)
        routes.get(.complaintCase, use: followCase)
    }

    struct FormInput: Content {
        var business: String?
        var number: String?
        var date: String?
        var time: String?
        var reasons: [String]?
        var offer_code: String?
        var text: String?
        var contact_name: String?
        var contact_email: String?
        var contact_phone: String?
    }

    func form(req: Request) async throws -> Response {
        .html(ComplaintViews.form(ComplaintViews.FormModel(input: FormInput(), problems: [:]), context: req.pageContext))
    }

    func submit(req: Request) async throws -> Response {
        let input = try req.content.decode(FormInput.self)
        var problems: [String: Phrase] = [:]
        // The day is required; the time is approximate.
        var calledAt: Date?
        if let day = try? LocalDate(parsing: (input.date ?? "").trimmingCharacters(in: .whitespaces)) {
            let rawTime = (input.time ?? "").trimmingCharacters(in: .whitespaces)
            if rawTime.isEmpty {
                // No time given: midday, or now for a call earlier today.
                calledAt = min(OsloTime.instant(for: LocalDateTime(date: day, time: LocalTime(secondsSinceMidnight: 12 * 3600))), req.now)
            } else if let time = try? LocalTime(parsing: rawTime) {
                calledAt = OsloTime.instant(for: LocalDateTime(date: day, time: time))
            } else {
                problems["time"] = Phrase(nb: "skriv klokkeslettet som 14:30", en: "write the time as 14:30")
            }
        } else {
            problems["date"] = Phrase(nb: "velg dagen du ble ringt", en: "choose the day you were called")
        }
        let business = (input.business ?? "").trimmingCharacters(in: .whitespaces)
        let digits = ASCII.digits(of: business)
        let isOrgnr = digits.count == 9 && business.utf8.allSatisfy { ASCII.isDigit($0) || $0 == UInt8(ascii: " ") }
        let draft = ComplaintDraft(
            businessOrgnr: isOrgnr ? digits : nil, businessName: isOrgnr ? nil : business, number: input.number, calledAt: calledAt,
            reasons: input.reasons ?? [], offerCode: input.offer_code, text: input.text, contactName: input.contact_name,
            contactEmail: input.contact_email, contactPhone: input.contact_phone)
        if case .failure(let found) = ComplaintRules.check(draft, now: req.now) {
            for problem in found.problems where !(problem.field == "called_at" && problems["date"] != nil) {
                problems[ComplaintViews.formField(problem.field), default: ComplaintText.problem(problem.kind)] = ComplaintText.problem(problem.kind)
            }
        }
        guard problems.isEmpty else {
            return .html(
                ComplaintViews.form(ComplaintViews.FormModel(input: input, problems: problems), context: req.pageContext),
                status: .unprocessableEntity)
        }
        // Each complaint sends an SMS: limited per client address here and per number in the service.
        let limiter = req.application.rateLimiters.complaintsPerAddress
        if let wait = limiter.retryAfter(req.clientAddress, now: req.now) {
            throw RateLimiter.tooMany(retryAfter: wait, nb: "For mange klager fra denne adressen.", en: "Too many complaints from this address.")
        }
        limiter.record(req.clientAddress, now: req.now)
        let complaint = try await ComplaintService.intake(draft, source: .web, app: req.application, on: req.db, now: req.now)
        return req.redirect(to: .complaintConfirm(try complaint.requireID()))
    }

    func codeForm(req: Request) async throws -> Response {
        guard let complaint = try await ComplaintModel.find(try req.uuidParameter(), on: req.db), complaint.source == "web",
            complaint.state == .unverified
        else { throw AppError.notFound() }
        return .html(ComplaintViews.code(id: try complaint.requireID(), reference: complaint.reference, problem: nil, context: req.pageContext))
    }

    struct CodeInput: Content { var code: String? }

    func confirm(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        do {
            let (complaint, token) = try await ComplaintService.confirm(
                id, code: try req.content.decode(CodeInput.self).code, app: req.application, on: req.db, now: req.now)
            return .html(
                ComplaintViews.confirmed(
                    reference: complaint.reference, followPath: SiteRoute.complaintCase(token: token).path, context: req.pageContext))
        } catch let error as AppError where !error.fields.isEmpty {
            let reference = try await ComplaintModel.find(id, on: req.db)?.reference ?? ""
            return .html(
                ComplaintViews.code(id: id, reference: reference, problem: error.fields.first?.text(req.language), context: req.pageContext),
                status: error.status
            )
        }
    }

    func followCase(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard token.utf8.count <= 64,
            let complaint = try await ComplaintModel.query(on: req.db)
                .filter(\.$followTokenHash == TokenGenerator.hash(token)).first()
        else { throw AppError.notFound() }
        let model = ComplaintViews.CaseModel(
            reference: complaint.reference, state: complaint.state, business: complaint.businessName ?? complaint.businessOrgnr ?? "",
            calledAt: complaint.calledAt, reasons: complaint.reasonList, receivedAt: complaint.verifiedAt ?? complaint.createdAt)
        let response = Response.html(ComplaintViews.followCase(model, context: req.pageContext))
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }
}
