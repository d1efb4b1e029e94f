/// The body of `POST /api/v1/sales` exactly as received, before validation.
///
/// Decoding never fails on a wrong field type (only on text that is not JSON at all), so
/// `SaleValidator` can name every bad field in one answer. Unknown members are ignored.
public struct SaleInput: Sendable, Hashable, Decodable {
    /// The whole JSON document.
    public let root: SaleJSONValue

    public init(root: SaleJSONValue) { self.root = root }

    public init(from decoder: any Decoder) throws {
        root = try SaleJSONValue(from: decoder)
    }

    /// Builds a body from plain values (nil leaves the member out), for the web form, the CLI and tests.
    public init(
        campaignID: String?, consumerName: String?, phone: String? = nil, email: String? = nil,
        product: String?, amount: String?, currency: String? = "NOK", period: String?,
        bindingMonths: Int?, startDate: String? = nil, terms: String? = nil,
        payment: String? = nil, delivery: String? = nil, termination: String? = nil, returnCosts: String? = nil
    ) {
        func string(_ value: String?) -> SaleJSONValue? { value.map { .string($0) } }
        let consumer = Self.object([("name", string(consumerName)), ("phone", string(phone)), ("email", string(email))])
        let price = Self.object([("amount", string(amount)), ("currency", string(currency)), ("period", string(period))])
        root = Self.object([
            ("campaign_id", string(campaignID)), ("consumer", consumer), ("product", string(product)),
            ("price", price), ("binding_months", bindingMonths.map { .integer(Int64($0)) }),
            ("start_date", string(startDate)), ("terms", string(terms)),
            ("payment", string(payment)), ("delivery", string(delivery)), ("termination", string(termination)),
            ("return_costs", string(returnCosts)),
        ])
    }

    private static func object(_ members: [(String, SaleJSONValue?)]) -> SaleJSONValue {
        var out: [String: SaleJSONValue] = [:]
        for (key, value) in members { if let value { out[key] = value } }
        return .object(out)
    }
}
