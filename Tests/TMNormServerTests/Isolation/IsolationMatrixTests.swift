import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Who makes a request in the matrix.
enum MatrixPrincipal: CaseIterable, CustomStringConvertible, Sendable, Equatable {
    case anonymous
    case person(Role)
    case callCentreKey
    case associationKey

    static var allCases: [MatrixPrincipal] {
        [.anonymous, .callCentreKey, .associationKey] + Role.allCases.map { .person($0) }
    }

    var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .person(let role): role.rawValue
        case .callCentreKey: "call-centre API key"
        case .associationKey: "association API key"
        }
    }

    /// Roles whose scope is the own organisation and its engagements: the tenants of the matrix.
    var isTenant: Bool {
        switch self {
        case .person(.callCentreAdmin), .person(.agent), .person(.clientUser), .callCentreKey: true
        default: false
        }
    }
}

/// One route of the application, aimed at the foreign tenant's data.
struct MatrixRoute: Sendable {
    let method: HTTPMethod
    /// As registered, e.g. "/organisations/:id".
    let pattern: String
    let path: @Sendable (TestWorld) -> String
    let form: @Sendable (TestWorld) -> [String: String]
    /// Reachable by anyone (and holding no tenant data).
    let isPublic: Bool
    /// A write that can only touch the caller's own organisation (e.g. creating its own API key).
    let ownScopeWrite: Bool

    init(
        _ method: HTTPMethod, _ pattern: String, isPublic: Bool = false, ownScopeWrite: Bool = false, path: (@Sendable (TestWorld) -> String)? = nil,
        form: @escaping @Sendable (TestWorld) -> [String: String] = { _ in [:] }
    ) {
        self.method = method
        self.pattern = pattern
        self.path = path ?? { _ in pattern }
        self.form = form
        self.isPublic = isPublic
        self.ownScopeWrite = ownScopeWrite
    }

    var isAPI: Bool { pattern.hasPrefix("/api/v1/") }
}

private func lower(_ id: UUID) -> String { id.uuidString.lowercased() }

/// The matrix's event (the association's; no tenant organises it).
let matrixEventID = "0e000000-0000-4000-8000-00000000e001"

/// Every route, with the foreign tenant's ids. A new route must be added here or the coverage test fails.
let isolationMatrix: [MatrixRoute] = [
    .init(.GET, "/healthz", isPublic: true),
    .init(.GET, "/metrics", isPublic: true),
    .init(.GET, "/api/openapi.json", isPublic: true),
    .init(.GET, "/static/app.css", isPublic: true),
    .init(.GET, "/static/app.js", isPublic: true),
    .init(.GET, "/", isPublic: true),
    .init(.GET, "/login", isPublic: true),
    .init(.POST, "/login", isPublic: true, form: { _ in ["email": "leder@beta.test", "password": "guess"] }),
    .init(.GET, "/invite/:token", isPublic: true, path: { _ in "/invite/guessed-token" }),
    .init(
        .POST, "/invite/:token", isPublic: true, path: { _ in "/invite/guessed-token" },
        form: { _ in ["name": "X", "password": "long enough secret"] }),
    .init(.GET, "/account/password"),
    .init(.POST, "/account/password", form: { _ in ["current_password": "x", "new_password": "y"] }),
    .init(.GET, "/dashboard"),
    .init(.GET, "/dashboard/may-call"),
    .init(.POST, "/dashboard/may-call", form: { _ in ["number": "93000001", "campaign_id": "FOREIGN_CAMPAIGN"] }),
    .init(.GET, "/organisations"),
    .init(.GET, "/organisations/new"),
    .init(.POST, "/organisations", form: { _ in ["name": "Inntrenger AS", "orgnr": "955979710", "kind": "client"] }),
    .init(.GET, "/organisations/:id", path: { "/organisations/\(lower($0.foreignCallCentre.id))" }),
    .init(
        .POST, "/organisations/:id/memberships", path: { "/organisations/\(lower($0.foreignClient.id))/memberships" },
        form: { ["association_id": $0.association.id.uuidString, "valid_from": "2026-01-01"] }),
    .init(
        .POST, "/organisations/:id/engagements", path: { "/organisations/\(lower($0.foreignCallCentre.id))/engagements" },
        form: { ["client_id": $0.foreignClient.id.uuidString, "valid_from": "2026-01-01"] }),
    .init(
        .POST, "/organisations/:id/engagements/:engagement/:action", path: { _ in "/organisations/FOREIGN_CC/engagements/FOREIGN_ENGAGEMENT/confirm" }
    ),
    .init(.GET, "/users"),
    .init(
        .POST, "/invitations",
        form: { ["email": "inn@beta.test", "role": "call_centre_admin", "organisation_id": $0.foreignCallCentre.id.uuidString] }),
    .init(.GET, "/api-keys"),
    .init(.POST, "/api-keys", ownScopeWrite: true, form: { _ in ["name": "stolen"] }),
    .init(.POST, "/api-keys/:id/revoke", path: { _ in "/api-keys/FOREIGN_KEY/revoke" }),
    .init(.GET, "/api/v1/me"),
    .init(.GET, "/api/v1/organisations"),
    .init(.POST, "/api/v1/organisations", form: { _ in ["name": "Inntrenger AS", "orgnr": "955979710", "kind": "client"] }),
    .init(.GET, "/api/v1/organisations/:id", path: { "/api/v1/organisations/\($0.foreignCallCentre.id)" }),
    .init(.GET, "/api/v1/organisations/:id/memberships", path: { "/api/v1/organisations/\($0.foreignCallCentre.id)/memberships" }),
    .init(
        .POST, "/api/v1/organisations/:id/memberships", path: { "/api/v1/organisations/\($0.foreignClient.id)/memberships" },
        form: { ["association_id": $0.association.id.uuidString, "valid_from": "2026-01-01"] }),
    .init(.GET, "/api/v1/engagements"),
    .init(.POST, "/api/v1/engagements/:id/confirm", path: { _ in "/api/v1/engagements/FOREIGN_ENGAGEMENT/confirm" }),
    .init(.POST, "/api/v1/engagements/:id/decline", path: { _ in "/api/v1/engagements/FOREIGN_ENGAGEMENT/decline" }),
    .init(
        .POST, "/api/v1/engagements/:id/exemptions", path: { _ in "/api/v1/engagements/FOREIGN_ENGAGEMENT/exemptions" },
        form: { _ in ["may_record_exemptions": "true"] }),
    .init(
        .POST, "/api/v1/engagements",
        form: { ["call_centre_id": $0.foreignCallCentre.id.uuidString, "client_id": $0.client.id.uuidString, "valid_from": "2026-01-01"] }),
    .init(.GET, "/national-register"),
    .init(.POST, "/national-register", form: { _ in ["obtained_at": "2026-11-01"] }),
    .init(.GET, "/washes"),
    .init(.POST, "/washes", form: { ["client_id": $0.foreignClient.id.uuidString] }),
    // A POST that stores nothing and reads no tenant data: it names the columns of the bytes it is sent.
    .init(.POST, "/washes/columns", ownScopeWrite: true, form: { _ in ["head": Data("telefon;navn\n".utf8).base64EncodedString()] }),
    .init(.GET, "/washes/:id", path: { _ in "/washes/FOREIGN_WASH" }),
    .init(.GET, "/washes/:id/callable", path: { _ in "/washes/FOREIGN_WASH/callable" }),
    .init(.GET, "/washes/:id/rejected", path: { _ in "/washes/FOREIGN_WASH/rejected" }),
    .init(.GET, "/block-list"),
    .init(.POST, "/block-list", form: { ["phone": "91234567", "organisation_id": $0.foreignClient.id.uuidString] }),
    .init(.POST, "/block-list/import", form: { ["organisation_id": $0.foreignClient.id.uuidString] }),
    .init(.GET, "/api/v1/block-list"),
    .init(
        .POST, "/api/v1/complaints",
        form: { _ in ["number": "91234567", "called_at": "2026-11-30T10:00:00+01:00", "reasons": "reserved", "business_orgnr": "946281948"] }),
    .init(.GET, "/api/v1/complaints/:id", path: { _ in "/api/v1/complaints/FOREIGN_COMPLAINT" }),
    .init(.GET, "/api/v1/complaints/export"),
    .init(.GET, "/complaints"),
    .init(.GET, "/complaints?state=awaiting_answer&centre=FOREIGN_CC"),
    .init(.GET, "/complaints/:id", path: { _ in "/complaints/FOREIGN_COMPLAINT" }),
    .init(.POST, "/complaints/:id/answer", path: { _ in "/complaints/FOREIGN_COMPLAINT/answer" }, form: { _ in ["text": "Vårt svar"] }),
    .init(
        .GET, "/complaints/:id/attachments/:file", path: { _ in "/complaints/FOREIGN_COMPLAINT/attachments/\(UUID().uuidString.lowercased())" }),
    .init(.POST, "/complaints/:id/:action", path: { _ in "/complaints/FOREIGN_COMPLAINT/vote" }, form: { _ in ["choice": "warning"] }),
    .init(.POST, "/complaints/:id/:action", path: { _ in "/complaints/FOREIGN_COMPLAINT/board" }),
    .init(.GET, "/klage/avgjorelser", isPublic: true),
    .init(.GET, "/api/v1/evaluation/indicators"),
    .init(.GET, "/api/v1/evaluation/series", path: { _ in "/api/v1/evaluation/series?indicator=complaints&centre=FOREIGN_CC" }),
    .init(.GET, "/evaluering", path: { _ in "/evaluering?centre=FOREIGN_CC" }),
    .init(.GET, "/evaluering/charts/:chart", path: { _ in "/evaluering/charts/complaints.svg?centre=FOREIGN_CC" }),
    .init(.GET, "/evaluering/scorecards", path: { _ in "/evaluering/scorecards?centre=FOREIGN_CC" }),
    .init(.GET, "/evaluering/rapport", path: { _ in "/evaluering/rapport?centre=FOREIGN_CC" }),
    .init(.POST, "/evaluering/targets", form: { _ in ["indicator": "complaints", "direction": "at_most", "threshold": "1"] }),
    .init(.POST, "/evaluering/external", form: { _ in ["indicator": "complaints", "source_name": "x"] }),
    .init(.POST, "/api/v1/block-list", form: { ["client": $0.foreignClient.orgnr] }),
    .init(.GET, "/api/v1/washes"),
    .init(.POST, "/api/v1/washes", path: { "/api/v1/washes?client=\($0.foreignClient.orgnr)" }),
    .init(.GET, "/api/v1/washes/:id", path: { _ in "/api/v1/washes/FOREIGN_WASH" }),
    .init(.GET, "/api/v1/washes/:id/callable", path: { _ in "/api/v1/washes/FOREIGN_WASH/callable" }),
    .init(.GET, "/api/v1/washes/:id/rejected", path: { _ in "/api/v1/washes/FOREIGN_WASH/rejected" }),
    .init(.GET, "/campaigns"),
    .init(
        .POST, "/campaigns",
        form: {
            [
                "client_id": $0.foreignClient.id.uuidString, "name": "X", "product_category": "x", "caller_id": "22334455", "starts_on": "2026-11-01",
                "ends_on": "2026-12-01",
            ]
        }),
    .init(.GET, "/campaigns/:id", path: { _ in "/campaigns/FOREIGN_CAMPAIGN" }),
    .init(.POST, "/campaigns/:id/washes", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/washes" }, form: { _ in ["wash_id": "FOREIGN_WASH"] }),
    .init(.POST, "/campaigns/:id/agents", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/agents" }),
    .init(.POST, "/campaigns/:id/status", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/status" }, form: { _ in ["status": "ended"] }),
    .init(.POST, "/campaigns/:id/check", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/check" }, form: { _ in ["number": "93000001"] }),
    .init(.GET, "/campaigns/:id/sales", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/sales" }),
    .init(.POST, "/campaigns/:id/sales", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/sales" }, form: { _ in SaleFormTests.fields() }),
    .init(.POST, "/campaigns/:id/sales/preview", path: { _ in "/campaigns/FOREIGN_CAMPAIGN/sales/preview" }, form: { _ in SaleFormTests.fields() }),
    .init(.GET, "/decisions"),
    .init(.GET, "/api/v1/may-call", path: { _ in "/api/v1/may-call?campaign=FOREIGN_CAMPAIGN&number=93000001" }),
    .init(.POST, "/api/v1/may-call", form: { _ in ["campaign": "FOREIGN_CAMPAIGN"] }),
    .init(.GET, "/api/v1/campaigns"),
    .init(.GET, "/api/v1/decisions"),
    .init(.GET, "/register", isPublic: true),
    // Public: the 404 page echoes the path, so a number on no record stands in for the foreign centre (which has none).
    .init(.GET, "/register/:orgnr", isPublic: true, path: { _ in "/register/974760673" }),
    .init(.GET, "/register/:orgnr/badge.svg", isPublic: true, path: { _ in "/register/974760673/badge.svg" }),
    .init(.GET, "/api/v1/register", isPublic: true),
    .init(.GET, "/api/v1/register/:orgnr", isPublic: true, path: { _ in "/api/v1/register/974760673" }),
    // Public: the evidence log holds ids, times and hashes only, the same for everyone.
    .init(.GET, "/api/v1/evidence/checkpoint", isPublic: true),
    .init(.GET, "/api/v1/evidence/key", isPublic: true),
    .init(.GET, "/api/v1/evidence/entries/:index", isPublic: true, path: { _ in "/api/v1/evidence/entries/0" }),
    .init(.GET, "/api/v1/evidence/proof/inclusion", isPublic: true, path: { _ in "/api/v1/evidence/proof/inclusion?index=0&size=1" }),
    .init(.GET, "/api/v1/evidence/proof/consistency", isPublic: true, path: { _ in "/api/v1/evidence/proof/consistency?from=0&to=0" }),
    .init(.GET, "/api/v1/evidence/bundle", isPublic: true, path: { _ in "/api/v1/evidence/bundle?index=0" }),
    .init(.GET, "/api/v1/evidence/cosignatures", isPublic: true),
    .init(.POST, "/api/v1/evidence/cosignatures", isPublic: true),
    .init(.GET, "/bevislogg", isPublic: true),
    .init(.GET, "/authorization"),
    .init(.POST, "/authorization/applications", ownScopeWrite: true),
    .init(.GET, "/authorization/applications/:id", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))" }),
    .init(
        .POST, "/authorization/applications/:id/evidence",
        path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/evidence" },
        form: { _ in ["criterion": "accountant-auditor", "statement": "x"] }),
    .init(
        .GET, "/authorization/applications/:id/evidence/:criterion",
        path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/evidence/statutory-requirements" }),
    .init(
        .POST, "/authorization/applications/:id/submit", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/submit" }),
    .init(
        .POST, "/authorization/applications/:id/withdraw",
        path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/withdraw" }),
    .init(
        .POST, "/authorization/applications/:id/return", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/return" },
        form: { _ in ["comment": "x"] }),
    .init(
        .POST, "/authorization/applications/:id/review", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/review" }),
    .init(
        .POST, "/authorization/applications/:id/recuse", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/recuse" },
        form: { _ in ["reason": "x"] }),
    .init(
        .POST, "/authorization/applications/:id/vote", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/vote" },
        form: { _ in ["choice": "approve"] }),
    .init(
        .POST, "/authorization/applications/:id/decide", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/decide" },
        form: { _ in ["outcome": "approve", "reasons": "x"] }),
    .init(
        .POST, "/authorization/applications/:id/fee", path: { _ in "/authorization/applications/\(lower(TestWorld.foreignApplicationID))/fee" },
        form: { _ in ["action": "paid"] }),
    .init(.GET, "/authorization/centres/:id", path: { "/authorization/centres/\(lower($0.foreignCallCentre.id))" }),
    .init(
        .POST, "/authorization/centres/:id/sanctions", path: { "/authorization/centres/\(lower($0.foreignCallCentre.id))/sanctions" },
        form: { _ in ["kind": "warning", "reasons": "x"] }),
    .init(.GET, "/authorization/centres/:id/follow-ups/:year", path: { "/authorization/centres/\(lower($0.foreignCallCentre.id))/follow-ups/1" }),
    .init(
        .POST, "/authorization/centres/:id/follow-ups/:year", path: { "/authorization/centres/\(lower($0.foreignCallCentre.id))/follow-ups/1" },
        form: { _ in ["still_meets_application": "yes"] }),
    .init(.GET, "/stop-calls", isPublic: true),
    // Public by design: names of businesses for the consumer's form (three letters or more, eight at most).
    .init(.GET, "/stop-calls/businesses", isPublic: true, path: { _ in "/stop-calls/businesses?q=Alfa" }),
    .init(.POST, "/stop-calls", isPublic: true, form: { _ in ["business": "Finnes ikke", "phone": "41234567"] }),
    .init(.GET, "/stop-calls/:id", isPublic: true, path: { _ in "/stop-calls/\(UUID().uuidString.lowercased())" }),
    .init(
        .POST, "/stop-calls/:id", isPublic: true, path: { _ in "/stop-calls/\(UUID().uuidString.lowercased())" }, form: { _ in ["code": "123456"] }),
    .init(.GET, "/norms"),
    .init(.POST, "/norms/versions", form: { _ in ["effective_from": "2027-01-01", "opens": "08:00", "closes": "22:00"] }),
    .init(.GET, "/exemptions"),
    .init(.POST, "/exemptions/customers", form: { ["client_id": $0.foreignClient.id.uuidString, "category": "strøm"] }),
    .init(.POST, "/exemptions/consents", form: { ["client_id": $0.foreignClient.id.uuidString, "phone": "93000001", "source": "web"] }),
    .init(.POST, "/api/v1/customers", form: { ["client": $0.foreignClient.orgnr, "category": "strøm"] }),
    .init(
        .POST, "/api/v1/consents",
        form: { ["business": $0.foreignClient.orgnr, "phone": "93000001", "source": "web", "given_at": "2026-11-01T10:00:00+01:00"] }),
    .init(.GET, "/outbox"),
    .init(.POST, "/outbox/:id/requeue", path: { _ in "/outbox/\(UUID().uuidString.lowercased())/requeue" }),
    .init(.GET, "/jobs"),
    .init(.POST, "/jobs/:name/run", path: { _ in "/jobs/sessions-prune/run" }),
    .init(.POST, "/jobs/runs/:id/requeue", path: { _ in "/jobs/runs/\(UUID().uuidString.lowercased())/requeue" }),
    .init(.GET, "/offer-settings"),
    .init(.POST, "/offer-settings", ownScopeWrite: true, form: { _ in ["address": "Inntrengerveien 1, 0150 Oslo"] }),
    .init(.GET, "/t/:token", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA" }),
    .init(.GET, "/t/:token/accept", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/accept" }),
    .init(.GET, "/t/:token/decline", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/decline" }),
    .init(.GET, "/t/:token/withdraw", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/withdraw" }),
    .init(.POST, "/t/:token/accept", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/accept" }),
    .init(.POST, "/t/:token/decline", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/decline" }),
    .init(.POST, "/t/:token/withdraw", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/withdraw" }),
    .init(.GET, "/t/:token/proof", isPublic: true, path: { _ in "/t/AAAAAAAAAAAAAAAAAAAAAAAA/proof" }),
    .init(.POST, "/api/v1/sales", form: { _ in ["campaign_id": "FOREIGN_CAMPAIGN"] }),
    .init(.GET, "/api/v1/sales"),
    .init(.GET, "/api/v1/sales/statistics"),
    .init(.GET, "/api/v1/sales/:id", path: { _ in "/api/v1/sales/\(UUID().uuidString.lowercased())" }),
    .init(.GET, "/sales"),
    .init(.GET, "/sales/:id", path: { _ in "/sales/FOREIGN_SALE" }),
    .init(
        .POST, "/sales/:id/withdrawal-form", path: { _ in "/sales/FOREIGN_SALE/withdrawal-form" },
        form: { _ in ["sent_on": "2026-11-30", "channel": "post"] }),
    .init(.POST, "/sales/:id/goods-received", path: { _ in "/sales/FOREIGN_SALE/goods-received" }, form: { _ in ["received_on": "2026-11-30"] }),
    .init(
        .POST, "/api/v1/sms/inbound", isPublic: true,
        form: { _ in ["from": "+4791234567", "to": "2222", "text": "JA ABCDEF", "received_at": "2026-11-30T10:00:00+01:00"] }),
    .init(.GET, "/klage", isPublic: true),
    .init(
        .POST, "/klage", isPublic: true,
        form: { _ in ["business": "Ukjent Salg AS", "number": "91234567", "date": "2026-11-30", "reasons[]": "reserved"] }),
    .init(.GET, "/klage/:id", isPublic: true, path: { _ in "/klage/\(UUID().uuidString.lowercased())" }),
    .init(.POST, "/klage/:id", isPublic: true, path: { _ in "/klage/\(UUID().uuidString.lowercased())" }, form: { _ in ["code": "123456"] }),
    .init(.GET, "/klage/sak/:token", isPublic: true, path: { _ in "/klage/sak/guessed-token" }),
    // Events: the public pages and API take no log-in; the administration is the association's and the event's organisers'.
    .init(.GET, "/arrangementer", isPublic: true),
    .init(.GET, "/arrangementer/:slug", isPublic: true, path: { _ in "/arrangementer/matrix-2027" }),
    .init(
        .POST, "/arrangementer/:slug", isPublic: true, path: { _ in "/arrangementer/finnes-ikke" },
        form: { _ in ["name": "X", "email": "x@example.no"] }),
    .init(
        .GET, "/arrangementer/:slug/pamelding/:id", isPublic: true,
        path: { _ in "/arrangementer/matrix-2027/pamelding/\(UUID().uuidString.lowercased())?token=guess" }),
    .init(
        .POST, "/arrangementer/:slug/pamelding/:id", isPublic: true,
        path: { _ in "/arrangementer/matrix-2027/pamelding/\(UUID().uuidString.lowercased())" }, form: { _ in ["token": "guess"] }),
    .init(
        .GET, "/arrangementer/:slug/tilbakemelding/:id", isPublic: true,
        path: { _ in "/arrangementer/matrix-2027/tilbakemelding/\(UUID().uuidString.lowercased())?token=guess" }),
    .init(
        .POST, "/arrangementer/:slug/tilbakemelding/:id", isPublic: true,
        path: { _ in "/arrangementer/matrix-2027/tilbakemelding/\(UUID().uuidString.lowercased())" }, form: { _ in ["token": "guess"] }),
    .init(.GET, "/api/v1/events", isPublic: true),
    .init(.POST, "/api/v1/events/:slug/registrations", isPublic: true, path: { _ in "/api/v1/events/finnes-ikke/registrations" }),
    .init(
        .GET, "/api/v1/events/:slug/registrations/:id", isPublic: true,
        path: { _ in "/api/v1/events/matrix-2027/registrations/\(UUID().uuidString.lowercased())?token=guess" }),
    .init(
        .POST, "/api/v1/events/:slug/registrations/:id/cancel", isPublic: true,
        path: { _ in "/api/v1/events/matrix-2027/registrations/\(UUID().uuidString.lowercased())/cancel?token=guess" }),
    .init(.GET, "/events"),
    .init(
        .POST, "/events",
        form: { _ in
            [
                "title": "Kapret", "day": "2027-04-15", "start_time": "11:00", "end_time": "12:00", "venue": "X", "capacity": "1",
                "dinner_capacity": "0", "deadline": "2027-04-01",
            ]
        }),
    .init(.GET, "/events/:id", path: { _ in "/events/\(matrixEventID)" }),
    .init(
        .POST, "/events/:id", path: { _ in "/events/\(matrixEventID)" },
        form: { _ in
            [
                "title": "Kapret", "day": "2027-04-15", "start_time": "11:00", "end_time": "12:00", "venue": "X", "capacity": "1",
                "dinner_capacity": "0", "deadline": "2027-04-01",
            ]
        }),
    .init(
        .POST, "/events/:id/slots", path: { _ in "/events/\(matrixEventID)/slots" },
        form: { _ in ["start": "09:00", "end": "10:00", "title": "Kapret", "kind": "talk"] }),
    .init(.POST, "/events/:id/slots/:slot/delete", path: { _ in "/events/\(matrixEventID)/slots/\(UUID().uuidString.lowercased())/delete" }),
    // Granted by the association in its own run of the matrix: a tenant made organiser would then rightly see the event.
    .init(.POST, "/events/:id/organisers", path: { _ in "/events/\(matrixEventID)/organisers" }, form: { _ in ["email": "nemnd@nemnda.test"] }),
    .init(.GET, "/events/:id/participants", path: { _ in "/events/\(matrixEventID)/participants" }),
    .init(.GET, "/events/:id/participants.csv", path: { _ in "/events/\(matrixEventID)/participants.csv" }),
    .init(.GET, "/events/:id/diets", path: { _ in "/events/\(matrixEventID)/diets" }),
    .init(.GET, "/events/:id/badges", path: { _ in "/events/\(matrixEventID)/badges" }),
    .init(.GET, "/events/:id/check-in", path: { _ in "/events/\(matrixEventID)/check-in" }),
    .init(
        .POST, "/events/:id/check-in", path: { _ in "/events/\(matrixEventID)/check-in" },
        form: { _ in ["registration": UUID().uuidString, "action": "arrive"] }),
    .init(.GET, "/events/:id/check-in/count", path: { _ in "/events/\(matrixEventID)/check-in/count" }),
    .init(.GET, "/events/:id/recruitment", path: { _ in "/events/\(matrixEventID)/recruitment" }),
    .init(.GET, "/events/:id/feedback", path: { _ in "/events/\(matrixEventID)/feedback" }),
    .init(.POST, "/events/:id/feedback", path: { _ in "/events/\(matrixEventID)/feedback" }),
    .init(.GET, "/guidelines", isPublic: true),
    .init(
        .GET, "/guidelines/compare", isPublic: true,
        path: { _ in "/guidelines/compare?from=\(UUID().uuidString.lowercased())&to=\(UUID().uuidString.lowercased())" }),
    .init(.GET, "/guidelines/:id", isPublic: true, path: { _ in "/guidelines/\(UUID().uuidString.lowercased())" }),
    .init(.POST, "/guidelines/:id/acknowledge", ownScopeWrite: true, path: { _ in "/guidelines/\(UUID().uuidString.lowercased())/acknowledge" }),
    .init(
        .POST, "/guidelines/:id/versions", path: { _ in "/guidelines/\(UUID().uuidString.lowercased())/versions" },
        form: { _ in ["version_label": "x", "adopted_on": "2027-01-01", "in_force_from": "2027-01-01", "markdown": "x"] }),
    .init(.GET, "/moter"),
    .init(.GET, "/moter/ny"),
    .init(
        .POST, "/moter/ny",
        form: { w in
            [
                "title": "Hemmelig møte", "date": "2027-02-05", "time": "10:00", "duration": "60", "place": "Oslo",
                "org_" + lower(w.foreignCallCentre.id): "on",
            ]
        }),
    .init(.GET, "/moter/ny-avstemning"),
    .init(
        .POST, "/moter/ny-avstemning",
        form: { _ in
            [
                "title": "Hemmelig møte", "option_date_1": "2027-02-05", "option_time_1": "10:00", "option_date_2": "2027-02-06",
                "option_time_2": "10:00", "duration": "60", "place": "Oslo",
            ]
        }),
    .init(.GET, "/moter/:id", path: { _ in "/moter/\(UUID().uuidString.lowercased())" }),
    .init(.GET, "/moter/:id", path: { _ in "/moter/\(UUID().uuidString.lowercased()).ics" }),
    .init(
        .POST, "/moter/:id/:action", path: { _ in "/moter/\(UUID().uuidString.lowercased())/decision" },
        form: { _ in ["text": "x", "subject": "other"] }),
    .init(.POST, "/moter/:id/:action", path: { _ in "/moter/\(UUID().uuidString.lowercased())/publish" }, form: { _ in ["section_1": "x"] }),
    .init(.GET, "/moter/:id/referat", path: { _ in "/moter/\(UUID().uuidString.lowercased())/referat" }),
    .init(.GET, "/moter/:id/referat.md", path: { _ in "/moter/\(UUID().uuidString.lowercased())/referat.md" }),
    .init(.GET, "/moter/vedtak"),
    .init(.GET, "/moter/vedtak.csv"),
    .init(.GET, "/moter/kalender.ics"),
    .init(.POST, "/moter/tiltak/:id", path: { _ in "/moter/tiltak/\(UUID().uuidString.lowercased())" }, form: { _ in ["step": "done"] }),
    .init(.GET, "/mote-svar/:token", isPublic: true, path: { _ in "/mote-svar/guessed-token" }),
    .init(.POST, "/mote-svar/:token", isPublic: true, path: { _ in "/mote-svar/guessed-token" }, form: { _ in ["answer": "yes"] }),
    .init(.GET, "/tiltak/:token", isPublic: true, path: { _ in "/tiltak/guessed-token" }),
    .init(.POST, "/tiltak/:token", isPublic: true, path: { _ in "/tiltak/guessed-token" }, form: { _ in ["step": "done"] }),
    .init(.GET, "/api/v1/action-items"),
    .init(.GET, "/api/v1/action-items?status=open"),
    // Last: it ends the sessions the rows above use.
    .init(.POST, "/logout", isPublic: true),
]

@Suite("Tenant isolation matrix")
struct IsolationMatrixTests {
    @Test("every registered route is in the isolation matrix")
    func coverage() async throws {
        try await withTestApp { app in
            let registered = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            let covered = Set(isolationMatrix.map { "\($0.method.rawValue) \($0.pattern)" })
            let missing = registered.subtracting(covered).sorted()
            #expect(missing.isEmpty, "routes missing from the isolation matrix: \(missing)")
        }
    }

    /// Counts that must not move when a tenant aims at foreign data.
    private func fingerprint(_ db: any Database) async throws -> [Int] {
        [
            try await BlockListEntryModel.query(on: db).count(),
            try await CampaignModel.query(on: db).count(),
            try await CustomerModel.query(on: db).count(),
            try await ConsentModel.query(on: db).count(),
            try await CampaignModel.query(on: db).filter(\.$statusRaw == "ended").count(),
            try await CampaignWashModel.query(on: db).count(),
            try await DecisionModel.query(on: db).count(),
            try await WashRecordModel.query(on: db).count(),
            try await RegisterSnapshotModel.query(on: db).count(),
            try await OrganisationModel.query(on: db).count(),
            try await MembershipModel.query(on: db).count(),
            try await EngagementModel.query(on: db).count(),
            try await UserModel.query(on: db).count(),
            try await InvitationModel.query(on: db).count(),
            try await APIKeyModel.query(on: db).filter(\.$revokedAt == nil).count(),
            try await ComplaintModel.query(on: db).count(),
            try await ComplaintModel.query(on: db).filter(\.$stateRaw == ComplaintState.awaitingAnswer.rawValue).count(),
            try await ComplaintAnswerModel.query(on: db).count(),
            try await EventModel.query(on: db).count(),
            try await ProgrammeSlotModel.query(on: db).count(),
            try await EventOrganiserModel.query(on: db).count(),
            try await EventRegistrationModel.query(on: db).filter(\.$statusRaw == "confirmed").count(),
            try await SaleModel.query(on: db).count(),
            try await MeetingModel.query(on: db).count(),
            try await MeetingDecisionModel.query(on: db).count(),
            try await MeetingMinutesVersionModel.query(on: db).count(),
            try await MeetingActionItemModel.query(on: db).count(),
        ]
    }

    @Test("no route lets a tenant read or write another tenant's data")
    func matrix() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let foreignKeyID = try #require(
                try await APIKeyModel.query(on: app.db).filter(\.$organisation.$id == world.foreignCallCentre.id).first()?.requireID())
            let foreignWashID = try await world.foreignWash(app)
            let foreignCampaignID = try await world.foreignCampaign(app)
            try await world.foreignApplication(app)
            let foreignSaleID = try await world.foreignSale(app, campaign: foreignCampaignID)
            let foreignComplaintID = try await foreignComplaint(app, world)
            try await EventFixtures.event(app, id: UUID(uuidString: matrixEventID), slug: "matrix-2027")
            let foreignEngagementID = try #require(
                try await EngagementModel.query(on: app.db)
                    .filter(\.$callCentre.$id == world.foreignCallCentre.id).first()?.requireID())
            for route in isolationMatrix {
                for principal in MatrixPrincipal.allCases {
                    // API routes are for keys, web routes for people; both are tried with the other too.
                    let before = try await fingerprint(app.db)
                    let path = route.path(world).replacingOccurrences(of: "FOREIGN_KEY", with: lower(foreignKeyID))
                        .replacingOccurrences(of: "FOREIGN_WASH", with: lower(foreignWashID))
                        .replacingOccurrences(of: "FOREIGN_CAMPAIGN", with: lower(foreignCampaignID))
                        .replacingOccurrences(of: "FOREIGN_SALE", with: lower(foreignSaleID))
                        .replacingOccurrences(of: "FOREIGN_ENGAGEMENT", with: lower(foreignEngagementID))
                        .replacingOccurrences(of: "FOREIGN_CC", with: lower(world.foreignCallCentre.id))
                        .replacingOccurrences(of: "FOREIGN_COMPLAINT", with: lower(foreignComplaintID))
                    let response = try await send(
                        route, path: path, as: principal, world: world, app: app, foreignCampaignID: foreignCampaignID, foreignWashID: foreignWashID)
                    let label = "\(route.method.rawValue) \(route.pattern) as \(principal)"
                    // The association and the board oversee every organisation by design; everyone else is a tenant.
                    if principal.isTenant || principal == .anonymous {
                        for secret in world.foreignSecrets {
                            #expect(!response.text.contains(secret), "\(label) leaked \(secret)")
                        }
                    }
                    // A key on a browser route, or a browser on an API route, is simply not logged in.
                    let crossChannel = route.isAPI != (principal == .callCentreKey || principal == .associationKey)
                    if crossChannel && !route.isPublic && principal != .anonymous {
                        // 403: upload routes refuse a form without a session at the CSRF check, before taking in the body.
                        #expect([401, 303, 403].contains(response.status.code), "\(label) answered \(response.status.code)")
                    } else if principal.isTenant && !route.isPublic {
                        let writes = route.method != .GET
                        let status = response.status.code
                        if writes && !route.ownScopeWrite {
                            #expect([401, 403, 404, 415, 422].contains(status), "\(label) answered \(status)")
                            let after = try await fingerprint(app.db)
                            #expect(after == before, "\(label) changed data")
                        } else if route.pattern.contains(":") {
                            #expect([401, 403, 404].contains(status), "\(label) answered \(status)")
                        }
                    }
                    if principal == .anonymous && !route.isPublic {
                        #expect([401, 403, 303].contains(response.status.code), "\(label) answered \(response.status.code)")
                    }
                }
            }
        }
    }

    /// A complaint about the foreign call centre, forwarded by a consumer authority and waiting for its answer.
    private func foreignComplaint(_ app: Application, _ world: TestWorld) async throws -> UUID {
        let authority = OrganisationModel(name: "Forbrukertilsynet", orgnr: try OrganisationNumber("974761076"), kind: .authority, createdAt: testNow)
        try await authority.create(on: app.db)
        let draft = ComplaintDraft(
            businessOrgnr: world.foreignCallCentre.orgnr, number: "91234567", calledAt: testNow.addingTimeInterval(-3600), reasons: ["reserved"],
            text: "Beta Hemmelig Kampanje ringte", contactEmail: "hemmelig@example.no")
        let complaint = try await ComplaintService.intake(
            draft, source: .authority(try authority.requireID()), app: app, on: app.db, now: testNow)
        return try complaint.requireID()
    }

    private func send(
        _ route: MatrixRoute, path: String, as principal: MatrixPrincipal, world: TestWorld, app: Application, foreignCampaignID: UUID,
        foreignWashID: UUID
    ) async throws -> TestingHTTPResponse {
        let fields = route.form(world).mapValues {
            $0.replacingOccurrences(of: "FOREIGN_CAMPAIGN", with: lower(foreignCampaignID)).replacingOccurrences(
                of: "FOREIGN_WASH", with: lower(foreignWashID))
        }
        let key: String? =
            switch principal {
            case .callCentreKey: world.callCentreKey
            case .associationKey: world.associationKey
            default: nil
            }
        if route.isAPI {
            if case .person(let role) = principal {
                // A logged-in browser calling the API must not be treated as authenticated.
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .cookie, value: world.browser(role).cookieHeader)
                if route.method != .GET { headers.contentType = .json }
                let body = route.method == .GET ? nil : ByteBuffer(data: try JSONEncoder().encode(fields))
                return try await app.testing().sendRequest(route.method, path, headers: headers, body: body)
            }
            let json = route.method == .GET ? nil : String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
            return try await app.api(route.method, path, key: key, json: json)
        }
        let browser: Browser = if case .person(let role) = principal { world.browser(role) } else { .anonymous }
        if route.method == .GET { return try await app.get(path, as: browser) }
        return try await app.postForm(path, fields, as: browser)
    }
}
