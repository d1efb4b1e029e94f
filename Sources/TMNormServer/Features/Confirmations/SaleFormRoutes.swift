import Fluent
import Foundation
import TMNormCore
import Vapor

/// The agent registers a sale from the campaign page: the same fields and checks as `POST /api/v1/sales`
/// (`SaleService.prepare` and `register`), a preview of the offer exactly as the consumer will see it, then
/// sending. A failed form comes back with what was typed and the problems by the fields.
struct SaleFormRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.campaignSales, use: form)
        routes.post(.campaignSalePreview, use: preview)
        routes.post(.campaignSales, use: send)
    }

    /// The form's fields, flat as a browser posts them; every one optional so a bad post is a 422, not a 400.
    struct Input: Content {
        var consumer_name: String?
        var consumer_phone: String?
        var consumer_email: String?
        var product: String?
        var product_kind: String?
        var amount: String?
        var period: String?
        var binding_months: String?
        var start_date: String?
        var terms: String?
        var payment: String?
        var delivery: String?
        var termination: String?
        var return_costs: String?
        var charge_description: String?
        var charge_amount: String?
        var idempotency_key: String?
        var edit: String?
    }

    /// The names of the form's fields, in order; the preview carries them on in hidden inputs.
    static let fieldNames = [
        "consumer_name", "consumer_phone", "consumer_email", "product", "product_kind", "amount", "period", "binding_months", "start_date",
        "terms", "payment", "delivery", "termination", "return_costs", "charge_description", "charge_amount",
    ]

    /// Agents and administrators of the campaign's own call centre; anyone else's campaign is 404.
    private func campaign(_ req: Request) async throws -> (CampaignModel, RequestPrincipal) {
        let user = try req.requireUser()
        let principal = try req.requirePrincipal()
        guard user.role == .agent || user.role == .callCentreAdmin else { throw AppError.forbidden() }
        guard let campaign = try await CampaignModel.find(try req.uuidParameter(), on: req.db), campaign.$callCentre.id == principal.organisationID
        else { throw AppError.notFound() }
        return (campaign, principal)
    }

    func form(req: Request) async throws -> Response {
        let (campaign, _) = try await campaign(req)
        return try await page(req, campaign, values: ["period": "month", "binding_months": "0"], key: UUID().uuidString.lowercased())
    }

    func preview(req: Request) async throws -> Response {
        let (campaign, principal) = try await campaign(req)
        let input = try req.content.decode(Input.self)
        let values = Self.values(input)
        let key = Self.key(input)
        if input.edit != nil { return try await page(req, campaign, values: values, key: key) }
        let prepared: SaleService.Prepared
        let rendered: SaleService.Rendered
        do {
            let body = try Self.body(values, campaignID: try campaign.requireID())
            prepared = try await SaleService.prepare(SaleInput(root: body), callCentreID: principal.organisationID, now: req.now, on: req.db)
            rendered = try SaleService.render(prepared, now: req.now)
        } catch let failure as SaleService.InputProblems {
            return try await page(req, campaign, values: values, key: key, problems: failure.problems, status: .unprocessableEntity)
        }
        let context = req.pageContext
        let language: OfferLanguage = context.language == .en ? .english : .norwegian
        let offer = rendered.offer
        let model = ConsumerOfferView.Model(
            state: rendered.lifecycle.state, token: "", reference: context.t(Phrase(nb: "(gis når tilbudet sendes)", en: "(given when sent)")),
            sellerName: offer.seller.name, clientName: offer.client.name, consumerName: offer.consumer.name,
            summary: OfferSummary(offer, language: language), text: language == .english ? rendered.en.text : rendered.nb.text,
            acceptByDay: rendered.lifecycle.deadlines?.acceptByDay, acceptedAt: rendered.lifecycle.acceptedAt,
            withdrawalLastDay: rendered.lifecycle.withdrawalDeadline?.lastDay, canWithdraw: false,
            copySentTo: ConsumerOfferView.Model.copies(phone: offer.consumer.phone?.e164, email: offer.consumer.email?.address), notice: nil)
        let banner = SaleFormView.previewBanner(
            campaignID: try campaign.requireID(), values: values, key: key, sendsTo: model.copySentTo, exempt: rendered.lifecycle.state == .exempt,
            context: context)
        return .html(ConsumerOfferView.preview(model, context: context, banner: banner))
    }

    func send(req: Request) async throws -> Response {
        let (campaign, principal) = try await campaign(req)
        let input = try req.content.decode(Input.self)
        let values = Self.values(input)
        let key = Self.key(input)
        let campaignID = try campaign.requireID()
        let body: SaleJSONValue
        do {
            body = try Self.body(values, campaignID: campaignID)
            // The same checks as the preview first, for problems in the page's language.
            _ = try SaleService.render(
                try await SaleService.prepare(SaleInput(root: body), callCentreID: principal.organisationID, now: req.now, on: req.db), now: req.now)
        } catch let failure as SaleService.InputProblems {
            return try await page(req, campaign, values: values, key: key, problems: failure.problems, status: .unprocessableEntity)
        }
        let registration: SaleService.Registration
        do {
            registration = try await SaleService.register(
                rawBody: ByteBuffer(bytes: Self.json(body)), idempotencyKey: key, principal: principal, req: req)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let problems = error.fields.map {
                SaleService.InputProblem(field: $0.field, api: $0.reason, phrase: Phrase(nb: $0.text(.nb), en: $0.text(.en)))
            }
            return try await page(req, campaign, values: values, key: key, problems: problems, status: .unprocessableEntity)
        }
        return req.redirect(to: .sale(try registration.sale.requireID()), query: ["sent": "1"])
    }

    private func page(
        _ req: Request, _ campaign: CampaignModel, values: [String: String], key: String, problems: [SaleService.InputProblem] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let context = req.pageContext
        var byField: [String: String] = [:]
        var general: [String] = []
        for problem in problems {
            if let field = SaleFormView.formField(for: problem.field) {
                byField[field] = [byField[field], context.t(problem.phrase)].compactMap { $0 }.joined(separator: "; ")
            } else {
                general.append(context.t(problem.phrase))
            }
        }
        let model = SaleFormView.Model(
            campaignID: try campaign.requireID(), campaignName: campaign.name, clientName: try await campaign.$client.get(on: req.db).name,
            newspaper: campaign.newspaper, values: values, key: key, problems: byField, general: general, today: req.osloToday)
        return .html(SaleFormView.render(model, context: context), status: status)
    }

    static func values(_ input: Input) -> [String: String] {
        let all: [(String, String?)] = [
            ("consumer_name", input.consumer_name), ("consumer_phone", input.consumer_phone), ("consumer_email", input.consumer_email),
            ("product", input.product), ("product_kind", input.product_kind), ("amount", input.amount), ("period", input.period),
            ("binding_months", input.binding_months), ("start_date", input.start_date), ("terms", input.terms), ("payment", input.payment),
            ("delivery", input.delivery), ("termination", input.termination), ("return_costs", input.return_costs),
            ("charge_description", input.charge_description), ("charge_amount", input.charge_amount),
        ]
        var values: [String: String] = [:]
        for (name, value) in all { if let value { values[name] = value } }
        return values
    }

    /// The idempotency key the form was opened with: a double click or a resend gives the same sale.
    static func key(_ input: Input) -> String {
        let key = (input.idempotency_key ?? "").trimmingCharacters(in: .whitespaces)
        return key.isEmpty || key.count > 200 ? UUID().uuidString.lowercased() : key
    }

    /// The API's body from the form: blank fields are left out (so they are "required", not "empty"),
    /// and the binding period must be whole months in ASCII digits.
    static func body(_ values: [String: String], campaignID: UUID) throws -> SaleJSONValue {
        func text(_ name: String) -> SaleJSONValue? {
            let value = (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : .string(value)
        }
        var problems: [SaleService.InputProblem] = []
        var binding: SaleJSONValue?
        if let raw = text("binding_months"), case .string(let digits) = raw {
            if !digits.isEmpty, digits.utf8.count <= 3, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let months = Int64(digits) {
                binding = .integer(months)
            } else {
                problems.append(
                    .init(
                        field: "binding_months", api: "whole months",
                        phrase: Phrase(nb: "skriv et helt antall måneder, 0 når det ikke er binding", en: "write whole months, 0 when there is none"))
                )
            }
        }
        var root: [String: SaleJSONValue] = ["campaign_id": .string(campaignID.uuidString.lowercased())]
        var consumer: [String: SaleJSONValue] = [:]
        consumer["name"] = text("consumer_name")
        consumer["phone"] = text("consumer_phone")
        consumer["email"] = text("consumer_email")
        root["consumer"] = .object(consumer)
        root["product"] = text("product")
        if let kind = text("product_kind") { root["product_kind"] = kind }
        var price: [String: SaleJSONValue] = ["currency": .string("NOK")]
        price["amount"] = text("amount")
        price["period"] = text("period")
        root["price"] = .object(price)
        root["binding_months"] = binding
        for name in ["start_date", "terms", "payment", "delivery", "termination", "return_costs"] { root[name] = text(name) }
        let chargeText = text("charge_description")
        let chargeAmount = text("charge_amount")
        if chargeText != nil || chargeAmount != nil {
            var charge: [String: SaleJSONValue] = [:]
            charge["description"] = chargeText
            charge["amount"] = chargeAmount
            root["other_charges"] = .array([.object(charge)])
        }
        // Collected with the validator's problems: both come back together.
        if !problems.isEmpty {
            var all = problems
            root["binding_months"] = .integer(0)
            do { _ = try SaleValidator.validate(SaleInput(root: .object(root))) } catch {
                all += error.problems.map {
                    SaleService.InputProblem(
                        field: $0.field, api: $0.reason.description, phrase: Phrase(nb: $0.reason.norwegian, en: $0.reason.description))
                }
            }
            throw SaleService.InputProblems(problems: all)
        }
        return .object(root)
    }

    /// JSON bytes of a body (sorted keys, so the same form gives the same request hash on a resend).
    static func json(_ value: SaleJSONValue) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: foundation(value), options: [.sortedKeys]))
    }

    private static func foundation(_ value: SaleJSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let b): b
        case .integer(let i): i
        case .number(let d): d
        case .string(let s): s
        case .array(let items): items.map(foundation)
        case .object(let members): members.mapValues(foundation)
        }
    }
}
