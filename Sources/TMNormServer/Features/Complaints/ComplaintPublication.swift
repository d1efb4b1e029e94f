import Fluent
import Foundation
import TMNormCore
import Vapor

/// The board's decisions made public (anonymised: the business, the outcome, the day and the reasons with
/// names, numbers and addresses taken out), and the consumer authority's CSV of the cases it forwarded.
enum ComplaintPublication {
    struct Item: Sendable {
        let reference: String
        let business: String
        let outcome: ComplaintOutcome
        let decidedAt: Date
        let reasons: String
    }

    struct Query: Content { var q: String? }

    /// `/klage/avgjorelser`: every confirmed decision, newest first, filtered by a search over the business
    /// and the reasons.
    @Sendable static func page(req: Request) async throws -> Response {
        let search = String(((try? req.query.decode(Query.self))?.q ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let rows = try await ComplaintModel.query(on: req.db).filter(\.$outcome != nil).sort(\.$decidedAt, .descending).limit(1_000).all()
        let folded = search.lowercased()
        let items = rows.compactMap { row -> Item? in
            guard let outcome = row.outcome.flatMap(ComplaintOutcome.init(rawValue:)), let decidedAt = row.decidedAt else { return nil }
            let item = Item(
                reference: row.reference, business: row.businessName ?? row.businessOrgnr ?? "—", outcome: outcome, decidedAt: decidedAt,
                reasons: row.publishedReasons ?? "")
            // Names are compared in Swift: SQLite's lower() folds only ASCII, and names are Norwegian.
            guard folded.isEmpty || item.business.lowercased().contains(folded) || item.reasons.lowercased().contains(folded) else { return nil }
            return item
        }
        return .html(view(items, search: search, context: req.pageContext))
    }

    static func view(_ items: [Item], search: String, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Nemndas avgjørelser i klagesaker", en: "The board's decisions on complaints")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb: "Avgjørelsene publiseres uten opplysninger om forbrukeren, uten navn på selgere og uten telefonnumre.",
                        en: "Decisions are published without the consumer's details, without sellers' names and without phone numbers."))
            }
            el("form", .method("get"), .action(SiteRoute.complaintDecisions.path), .class("form filters")) {
                Form.field(context.t(Phrase(nb: "Søk", en: "Search")), name: "q", type: "search", value: search, required: false)
                void("input", .type("hidden"), .name("lang"), .value(context.language == .en ? "en" : "nb"))
                Form.submit(context.t(Phrase(nb: "Søk", en: "Search")), class: "button secondary")
            }
            if items.isEmpty {
                el("p") { context.t(Phrase(nb: "Ingen avgjørelser funnet.", en: "No decisions found.")) }
            }
            for item in items {
                el("article", .class("card"), .data("outcome", item.outcome.rawValue)) {
                    el("h2") { "\(item.reference) · \(item.business)" }
                    el("p") {
                        el("strong") { context.t(ComplaintCaseText.outcomeTitle(item.outcome)) }
                        " · " + NorwegianFormat.date(item.decidedAt)
                    }
                    el("p") { item.reasons }
                }
            }
        }
    }

    /// `GET /api/v1/complaints/export`: the cases the authority forwarded (the association: every case) with
    /// state and outcome, as CSV with dates as dd.mm.yyyy.
    @Sendable static func export(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var query = ComplaintModel.query(on: req.db).filter(\.$stateRaw != ComplaintState.unverified.rawValue)
        switch AccessPolicy.complaintScope(principal.actor) {
        case .all: break
        case .forwardedByOwn: query = query.filter(\.$forwardedByID == principal.organisationID)
        case .none: throw AppError.forbidden()
        }
        let rows = try await query.sort(\.$createdAt).all()
        var lines = [["saksnummer", "mottatt", "bedrift", "orgnr", "grunner", "status", "utfall", "avgjort"]]
        for row in rows {
            lines.append([
                row.reference, NorwegianFormat.date(row.verifiedAt ?? row.createdAt), row.businessName ?? "", row.businessOrgnr ?? "",
                row.reasons, row.stateRaw, row.outcome ?? "", row.decidedAt.map(NorwegianFormat.date) ?? "",
            ])
        }
        let csv = lines.map { $0.map(csvCell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"klagesaker.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    /// A cell quoted where needed, with a leading formula character neutralised for spreadsheets.
    static func csvCell(_ value: String) -> String {
        var text = value
        if let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The complaints about a centre for its yearly follow-up report: confirmed complaints received in the
/// period, from consumers directly or forwarded by the consumer authority, and per caller where the complaint
/// names a sale registered by an agent. The platform has no employee numbers, so a caller is named by a short
/// keyed pseudonym ("R-" and six characters), stable for the agent and meaningless outside the platform.
struct ComplaintFollowUpFigures: AuthorizationComplaintFigures {
    let keys: ServerKeys

    func figures(centre: UUID, from: LocalDate, through: LocalDate, on db: any Database) async throws -> (
        direct: Int, viaConsumerAuthority: Int, byCaller: [AuthorizationCallerComplaints]
    ) {
        let start = OsloTime.startOfDay(from)
        let end = OsloTime.startOfDay(through.next)
        let rows = try await ComplaintModel.query(on: db).filter(\.$callCentreID == centre).filter(\.$caseJSON != nil)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all()
        let saleIDs = rows.compactMap(\.saleID)
        var perCaller: [String: Int] = [:]
        if !saleIDs.isEmpty {
            for sale in try await SaleModel.query(on: db).filter(\.$id ~~ saleIDs).all() {
                guard let agent = sale.agentID else { continue }
                let reference = "R-" + keys.mac(agent.uuidString.lowercased(), purpose: "caller-reference").prefix(6).uppercased()
                perCaller[reference, default: 0] += rows.filter { $0.saleID == sale.id }.count
            }
        }
        return (
            rows.filter { $0.source == "web" }.count, rows.filter { $0.source == "api" }.count,
            perCaller.sorted { $0.key < $1.key }.map { AuthorizationCallerComplaints(callerReference: $0.key, complaints: $0.value) }
        )
    }
}
