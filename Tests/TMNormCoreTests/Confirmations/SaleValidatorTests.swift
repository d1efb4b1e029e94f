import Foundation
import Testing
@testable import TMNormCore

@Suite("Sale input validation")
struct SaleValidatorTests {
    static let validJSON = """
        {"campaign_id": "c-2026-strom", "consumer": {"name": "Kari Nordmann", "phone": "+47 912 34 567",
         "email": "kari@example.no"}, "product": "Strømavtale Fastpris 12", "price": {"amount": "399,00",
         "currency": "NOK", "period": "month"}, "binding_months": 12, "start_date": "2026-09-01",
         "terms": "Fri etablering.\\r\\nFaktura hver måned."}
        """

    static func decode(_ json: String) throws -> SaleInput {
        try JSONDecoder().decode(SaleInput.self, from: Data(json.utf8))
    }

    static func body(_ edit: (inout [String: SaleJSONValue]) -> Void) throws -> SaleInput {
        guard case .object(var root) = try decode(validJSON).root else { throw CancellationError() }
        edit(&root)
        return SaleInput(root: .object(root))
    }

    static func consumer(_ edit: @escaping Edit) -> Edit {
        { root in
            guard case .object(var c)? = root["consumer"] else { return }
            edit(&c)
            root["consumer"] = .object(c)
        }
    }

    static func price(_ edit: @escaping Edit) -> Edit {
        { root in
            guard case .object(var p)? = root["price"] else { return }
            edit(&p)
            root["price"] = .object(p)
        }
    }

    @Test("a complete body becomes a draft with typed, normalised values")
    func validBody() throws {
        let draft = try SaleValidator.validate(try Self.decode(Self.validJSON), today: try LocalDate(parsing: "2026-08-20"))
        #expect(draft.campaignID == "c-2026-strom")
        #expect(draft.consumer.name == "Kari Nordmann")
        #expect(draft.consumer.phone?.e164 == "+4791234567")
        #expect(draft.consumer.email?.address == "kari@example.no")
        #expect(draft.price == OfferPrice(amount: try MoneyAmount(ore: 39_900), period: .month))
        #expect(draft.bindingMonths == 12)
        #expect(draft.startDate == (try LocalDate(parsing: "2026-09-01")))
        #expect(draft.terms == "Fri etablering.\nFaktura hver måned.")
    }

    typealias Edit = @Sendable (inout [String: SaleJSONValue]) -> Void

    static let cases: [(name: String, edit: Edit, expected: [String])] = [
        ("campaign missing", { $0["campaign_id"] = nil }, ["campaign_id:missing"]),
        ("campaign a number", { $0["campaign_id"] = .integer(7) }, ["campaign_id:wrong_type"]),
        ("consumer missing", { $0["consumer"] = nil }, ["consumer:missing"]),
        ("consumer a string", { $0["consumer"] = .string("Kari") }, ["consumer:wrong_type"]),
        ("name empty", consumer { $0["name"] = .string("  ") }, ["consumer.name:empty"]),
        ("name oversize", consumer { $0["name"] = .string(String(repeating: "a", count: 201)) }, ["consumer.name:too_long"]),
        ("name with a newline", consumer { $0["name"] = .string("Kari\nNordmann") }, ["consumer.name:forbidden_character"]),
        ("name with a bidi override", consumer { $0["name"] = .string("Kari \u{202E}nnamdroN") }, ["consumer.name:forbidden_character"]),
        (
            "neither phone nor e-mail",
            consumer {
                $0["phone"] = nil; $0["email"] = .string("")
            }, ["consumer:phone_or_email_required"]
        ),
        ("phone only is enough", consumer { $0["email"] = nil }, []),
        ("e-mail only is enough", consumer { $0["phone"] = .null }, []),
        ("phone malformed", consumer { $0["phone"] = .string("12ab") }, ["consumer.phone:phone_invalid"]),
        ("phone foreign", consumer { $0["phone"] = .string("+46 70 123 45 67") }, ["consumer.phone:phone_invalid"]),
        ("phone a landline", consumer { $0["phone"] = .string("22 12 34 56") }, ["consumer.phone:phone_not_mobile"]),
        ("phone unallocated mobile range", consumer { $0["phone"] = .string("42 00 00 00") }, ["consumer.phone:phone_invalid"]),
        ("phone a JSON number", consumer { $0["phone"] = .integer(91_234_567) }, ["consumer.phone:wrong_type"]),
        ("e-mail without @", consumer { $0["email"] = .string("kari.example.no") }, ["consumer.email:email_invalid"]),
        ("product oversize", { $0["product"] = .string(String(repeating: "x", count: 201)) }, ["product:too_long"]),
        ("price missing", { $0["price"] = nil }, ["price:missing"]),
        ("amount a JSON number", price { $0["amount"] = .number(399.5) }, ["price.amount:wrong_type"]),
        ("amount malformed", price { $0["amount"] = .string("3,99,00") }, ["price.amount:amount_invalid"]),
        ("amount negative", price { $0["amount"] = .string("-1") }, ["price.amount:amount_invalid"]),
        ("currency SEK", price { $0["currency"] = .string("SEK") }, ["price.currency:currency_unsupported"]),
        ("currency absent means NOK", price { $0["currency"] = nil }, []),
        ("period weekly", price { $0["period"] = .string("week") }, ["price.period:period_unknown"]),
        ("period missing", price { $0["period"] = nil }, ["price.period:missing"]),
        ("binding 37", { $0["binding_months"] = .integer(37) }, ["binding_months:binding_months_out_of_range"]),
        ("binding -1", { $0["binding_months"] = .integer(-1) }, ["binding_months:binding_months_out_of_range"]),
        ("binding 0 is allowed", { $0["binding_months"] = .integer(0) }, []),
        ("binding 36 is allowed", { $0["binding_months"] = .integer(36) }, []),
        ("binding a string", { $0["binding_months"] = .string("12") }, ["binding_months:wrong_type"]),
        ("binding missing", { $0["binding_months"] = nil }, ["binding_months:missing"]),
        ("start date Norwegian style", { $0["start_date"] = .string("01.09.2026") }, ["start_date:date_invalid"]),
        ("start date impossible", { $0["start_date"] = .string("2026-02-30") }, ["start_date:date_invalid"]),
        ("start date before today", { $0["start_date"] = .string("2026-08-19") }, ["start_date:start_date_in_past"]),
        ("start date one day past the window", { $0["start_date"] = .string("2027-08-22") }, ["start_date:start_date_too_far_ahead"]),
        ("start date on the last day of the window", { $0["start_date"] = .string("2027-08-21") }, []),
        ("start date today", { $0["start_date"] = .string("2026-08-20") }, []),
        ("start date absent", { $0["start_date"] = nil }, []),
        ("terms oversize", { $0["terms"] = .string(String(repeating: "t", count: 4_001)) }, ["terms:too_long"]),
        ("terms with a NUL", { $0["terms"] = .string("a\u{0}b") }, ["terms:forbidden_character"]),
        (
            "everything wrong at once",
            { root in
                root["campaign_id"] = nil
                root["consumer"] = .object(["name": .string(""), "phone": .string("22123456"), "email": .string("x@y")])
                root["price"] = .object(["amount": .string("1.234"), "currency": .string("EUR"), "period": .string("daily")])
                root["binding_months"] = .integer(99)
                root["start_date"] = .string("tomorrow")
            },
            [
                "campaign_id:missing", "consumer.name:empty", "consumer.phone:phone_not_mobile", "consumer.email:email_invalid",
                "price.amount:amount_invalid", "price.currency:currency_unsupported", "price.period:period_unknown",
                "binding_months:binding_months_out_of_range", "start_date:date_invalid",
            ]
        ),
    ]

    @Test("each field rule names the field and a reason code", arguments: cases)
    func fieldRule(_ row: (name: String, edit: Edit, expected: [String])) throws {
        let input = try Self.body(row.edit)
        let today = try LocalDate(parsing: "2026-08-20")
        do throws(SaleValidationFailure) {
            _ = try SaleValidator.validate(input, today: today)
            #expect(row.expected.isEmpty, "\(row.name): expected problems")
        } catch {
            #expect(error.problems.map { "\($0.field):\($0.reason.code)" } == row.expected, "\(row.name)")
            #expect(error.problems.allSatisfy { !$0.reason.description.isEmpty && !$0.reason.norwegian.isEmpty })
        }
    }

    @Test("a body that is not a JSON object is refused as a whole")
    func notAnObject() throws {
        #expect(throws: SaleValidationFailure.self) { try SaleValidator.validate(try Self.decode("[1, 2]")) }
        let input = try Self.decode("\"x\"")
        do throws(SaleValidationFailure) { _ = try SaleValidator.validate(input) } catch { #expect(error.fields == ["$"]) }
    }

    @Test("the convenience initialiser builds the same body as the JSON")
    func convenienceInit() throws {
        let input = SaleInput(
            campaignID: "c1", consumerName: "Ola", phone: "91234567", product: "Avis", amount: "199",
            period: "month", bindingMonths: 6)
        let draft = try SaleValidator.validate(input)
        #expect(draft.price.amount.ore == 19_900)
        #expect(draft.consumer.email == nil)
    }

    @Test("problems encode as field, code and messages in both languages")
    func problemJSON() throws {
        let problem = SaleFieldProblem(field: "price.period", reason: .unknownPeriod("week"))
        let json = String(decoding: try JSONEncoder().encode(problem), as: UTF8.self)
        #expect(json.contains(#""field":"price.period""#))
        #expect(json.contains(#""code":"period_unknown""#))
        #expect(json.contains(#""message_nb""#))
    }

    static let emails: [(String, Bool)] = [
        ("kari@example.no", true), ("KARI.Nordmann+tm@Example.NO", true), ("a@b.co", true), ("x@xn--blbr-qoa.no", true),
        ("kari@blåbær.no", false), ("kari@example", false), ("kari@@example.no", false), ("@example.no", false),
        (".kari@example.no", false), ("ka..ri@example.no", false), ("kari@-x.no", false), ("kari@x.n0", false),
        ("kari nordmann@example.no", false), ("kari@example..no", false),
    ]

    @Test("e-mail shape", arguments: emails)
    func emailShape(_ row: (String, Bool)) {
        #expect(((try? EmailAddress(row.0)) != nil) == row.1, "\(row.0)")
    }

    @Test("an e-mail domain is lower-cased, the local part kept")
    func emailNormalised() throws {
        #expect(try EmailAddress(" Kari@Example.NO ").address == "Kari@example.no")
    }
}
