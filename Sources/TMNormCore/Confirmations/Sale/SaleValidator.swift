/// Validates a sale body into a `SaleDraft`, naming every bad field at once.
public enum SaleValidator {
    /// Checks every field of the body; throws all problems together, in field order.
    /// `today` (Oslo date) enables the start-date window; nil skips it.
    public static func validate(
        _ input: SaleInput, today: LocalDate? = nil, limits: SaleInputLimits = .standard
    ) throws(SaleValidationFailure) -> SaleDraft {
        var check = SaleFieldChecker()
        guard case .object = input.root else {
            throw SaleValidationFailure(problems: [
                .init(field: "$", reason: .wrongType(expected: "an object", expectedNorwegian: "et objekt", found: input.root))
            ])
        }
        let campaignID = check.string("campaign_id", input.root["campaign_id"], maximum: limits.campaignIDLength)
        let consumer = check.object("consumer", input.root["consumer"])
        let name = consumer.flatMap { check.string("consumer.name", $0["name"], maximum: limits.nameLength) }
        let phone = consumer.flatMap { check.phone("consumer.phone", $0["phone"], limits: limits) }
        let email = consumer.flatMap { check.email("consumer.email", $0["email"]) }
        if let consumer, check.isAbsent(consumer["phone"]), check.isAbsent(consumer["email"]) {
            check.add("consumer", .phoneOrEmailRequired)
        }
        let product = check.string("product", input.root["product"], maximum: limits.productLength)
        let price = check.object("price", input.root["price"])
        let amount = price.flatMap { check.amount("price.amount", $0["amount"], maximumOre: limits.maximumAmountOre) }
        let currencyOK = price.map { check.currency("price.currency", $0["currency"]) } ?? false
        let period = price.flatMap { check.period("price.period", $0["period"]) }
        let binding = check.integer("binding_months", input.root["binding_months"], range: limits.bindingMonths)
        let startDate = check.date("start_date", input.root["start_date"], today: today, limits: limits)
        let terms = check.string("terms", input.root["terms"], maximum: limits.termsLength, required: false, multiline: true)
        // angrerettloven § 8 items: read here, required (per product and price) by the confirmation policy.
        let payment = check.string("payment", input.root["payment"], maximum: limits.termsLength, required: false, multiline: true)
        let delivery = check.string("delivery", input.root["delivery"], maximum: limits.termsLength, required: false, multiline: true)
        let termination = check.string("termination", input.root["termination"], maximum: limits.termsLength, required: false, multiline: true)
        var returnCosts: ReturnCostPayer?
        if let raw = check.string("return_costs", input.root["return_costs"], maximum: 20, required: false) {
            returnCosts = ReturnCostPayer(rawValue: raw.lowercased())
            if returnCosts == nil { check.add("return_costs", .notOneOf(["consumer", "seller"])) }
        }
        var charges: [OfferCharge] = []
        if let value = input.root["other_charges"], value != .null {
            if case .array(let items) = value, items.count <= 20 {
                for (index, item) in items.enumerated() {
                    let field = "other_charges[\(index)]"
                    guard let object = check.object(field, item) else { continue }
                    let text = check.string(field + ".description", object["description"], maximum: 200)
                    let amount = check.amount(field + ".amount", object["amount"], maximumOre: limits.maximumAmountOre)
                    if let text, let amount { charges.append(OfferCharge(description: text, amount: amount)) }
                }
            } else {
                check.add("other_charges", .notOneOf(["a list of at most 20 {description, amount}"]))
            }
        }

        guard check.problems.isEmpty, let campaignID, let name, let product, let amount, currencyOK,
            let period, let binding, let consumerValue = SaleConsumer(name: name, phone: phone, email: email)
        else { throw SaleValidationFailure(problems: check.problems) }
        return SaleDraft(
            campaignID: campaignID, consumer: consumerValue, product: product,
            price: OfferPrice(amount: amount, period: period), bindingMonths: binding,
            startDate: startDate, terms: terms,
            statutory: OfferStatutoryTerms(
                otherCharges: charges, payment: payment, delivery: delivery, termination: termination, returnCostsPaidBy: returnCosts))
    }
}
