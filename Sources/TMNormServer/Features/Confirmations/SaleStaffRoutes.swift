import Fluent
import Foundation
import TMNormCore
import Vapor

/// What the seller's staff may record on a sale after the consumer acted outside the platform: a
/// standard withdrawal form (angreskjema) that arrived by post or e-mail, and the day goods were received
/// (the withdrawal period for goods runs from then). Staff can never accept or decline for the consumer.
struct SaleStaffRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.saleWithdrawalForm, use: withdrawalForm)
        routes.post(.saleGoodsReceived, use: goodsReceived)
    }

    /// The call centre's administrator and the client's users record; agents, the association and the
    /// board only read.
    private func staffSale(_ req: Request) async throws -> (SaleModel, CurrentUser) {
        let user = try req.requireUser()
        let principal = try req.requirePrincipal()
        let sale = try await SaleService.find(try req.uuidParameter(), principal, on: req.db)
        guard user.role == .callCentreAdmin || user.role == .clientUser else { throw AppError.forbidden() }
        return (sale, user)
    }

    struct WithdrawalFormInput: Content {
        var sent_on: String?
        var channel: String?
        var note: String?
    }

    /// The form counts from the day the consumer sent it (the postmark or the e-mail's date), so a form
    /// posted on the last day of the period is on time even if it arrives later.
    func withdrawalForm(req: Request) async throws -> Response {
        let (sale, user) = try await staffSale(req)
        let input = try req.content.decode(WithdrawalFormInput.self)
        var problems: [FieldProblem] = []
        let today = req.osloToday
        let sentOn = Self.day(input.sent_on, field: "sent_on", problems: &problems)
        if let sentOn, sentOn > today {
            problems.append(
                .init(
                    field: "sent_on",
                    Phrase(nb: "er etter i dag: et skjema kan ikke være sendt fram i tid", en: "is after today: a form cannot be sent in the future"))
            )
        }
        if let sentOn, let acceptedAt = (try? sale.lifecycle())?.acceptedAt, sentOn < OsloTime.localDate(of: acceptedAt) {
            problems.append(
                .init(
                    field: "sent_on",
                    Phrase(
                        nb: "er før tilbudet ble akseptert (\(OsloTime.localDate(of: acceptedAt).norwegianFormatted))",
                        en: "is before the offer was accepted (\(OsloTime.localDate(of: acceptedAt).norwegianFormatted))")))
        }
        let channel = input.channel ?? ""
        if !["post", "email"].contains(channel) {
            problems.append(.init(field: "channel", Phrase(nb: "må være post eller e-post", en: "must be post or email")))
        }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 500 { problems.append(.init(field: "note", Phrase(nb: "høyst 500 tegn", en: "at most 500 characters"))) }
        guard problems.isEmpty, let sentOn else { throw AppError.invalid(problems) }
        let registeredBy = "user:\(user.id.uuidString.lowercased())"
        try await Self.apply(
            .withdraw(.standardForm(sentAt: OsloTime.startOfDay(sentOn), registeredBy: registeredBy)), to: sale, req: req,
            channel: channel,
            detail: "standard withdrawal form sent \(sentOn.iso8601) by \(channel), registered by \(registeredBy)" + (note.isEmpty ? "" : ": \(note)")
        )
        return req.redirect(to: .sale(try sale.requireID()))
    }

    struct GoodsInput: Content {
        var received_on: String?
    }

    func goodsReceived(req: Request) async throws -> Response {
        let (sale, _) = try await staffSale(req)
        var problems: [FieldProblem] = []
        let day = Self.day(try req.content.decode(GoodsInput.self).received_on, field: "received_on", problems: &problems)
        if let day, day > req.osloToday {
            problems.append(.init(field: "received_on", Phrase(nb: "kan ikke være etter i dag", en: "is after today")))
        }
        guard problems.isEmpty, let day else { throw AppError.invalid(problems) }
        try await Self.apply(.goodsReceived(on: day), to: sale, req: req, channel: "staff", detail: "goods received \(day.iso8601)")
        return req.redirect(to: .sale(try sale.requireID()))
    }

    /// A required day "YYYY-MM-DD" (what a date input sends) or "dd.mm.yyyy".
    static func day(_ raw: String?, field: String, problems: inout [FieldProblem]) -> LocalDate? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            problems.append(.init(field: field, Phrase(nb: "må fylles ut", en: "is required")))
            return nil
        }
        if let iso = try? LocalDate(parsing: text) { return iso }
        let parts = text.split(separator: ".").compactMap { Int($0) }
        if parts.count == 3, let norwegian = try? LocalDate(year: parts[2], month: parts[1], day: parts[0]) { return norwegian }
        problems.append(.init(field: field, Phrase(nb: "en dato som dd.mm.åååå", en: "a date as YYYY-MM-DD or dd.mm.yyyy")))
        return nil
    }

    /// Runs the event; a refusal by the state machine is 409 (or 410 when the period is over) with its reason.
    private static func apply(_ event: OfferEvent, to sale: SaleModel, req: Request, channel: String, detail: String) async throws {
        do {
            _ = try await SaleService.apply(event, to: sale, app: req.application, on: req.db, now: req.now, channel: channel, detail: detail)
        } catch let error as OfferTransitionError {
            throw AppError(HTTPResponseStatus(statusCode: error.httpStatus), code: "offer_state", Phrase(nb: error.norwegian, en: error.description))
        }
    }
}
