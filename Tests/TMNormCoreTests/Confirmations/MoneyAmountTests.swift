import Foundation
import Testing
@testable import TMNormCore

@Suite("Money amounts")
struct MoneyAmountTests {
    static let valid: [(text: String, ore: Int64)] = [
        ("199", 19_900),
        ("1234.5", 123_450),
        ("1234,50", 123_450),
        ("1234.05", 123_405),
        (" 0 ", 0),
        ("0,99", 99),
        ("007", 700),
        ("1000000", 100_000_000),
        ("1000000.00", 100_000_000),
    ]

    @Test("a decimal string with '.' or ',' and up to 2 decimals is read exactly into øre", arguments: valid)
    func parsesValid(_ row: (text: String, ore: Int64)) throws {
        #expect(try MoneyAmount(parsing: row.text).ore == row.ore)
    }

    static let invalid: [(text: String, problem: MoneyProblem)] = [
        ("", .empty),
        ("   ", .empty),
        ("-5", .negative("-5")),
        ("-0,50", .negative("-0,50")),
        ("+5", .malformed("+5")),
        ("1.234,50", .malformed("1.234,50")),
        ("1 234,50", .malformed("1 234,50")),
        (".5", .malformed(".5")),
        ("5.", .malformed("5.")),
        ("12a", .malformed("12a")),
        ("1e3", .malformed("1e3")),
        ("kr 199", .malformed("kr 199")),
        ("١٢٣", .malformed("١٢٣")),
        ("1.234", .tooManyDecimals("1.234", decimals: 3)),
        ("0,001", .tooManyDecimals("0,001", decimals: 3)),
        ("1000000.01", .tooLarge("1000000.01", maximumOre: MoneyAmount.defaultMaximumOre)),
        ("99999999999999999999", .tooLarge("99999999999999999999", maximumOre: MoneyAmount.defaultMaximumOre)),
    ]

    @Test("malformed, negative, over-precise and oversize amounts are refused with the reason", arguments: invalid)
    func refusesInvalid(_ row: (text: String, problem: MoneyProblem)) {
        #expect(throws: row.problem) { try MoneyAmount(parsing: row.text) }
    }

    @Test("the maximum is a parameter, not a constant in the parser")
    func maximumIsAParameter() throws {
        #expect(try MoneyAmount(parsing: "5000000", maximumOre: 500_000_000).ore == 500_000_000)
        #expect(throws: MoneyProblem.tooLarge("501", maximumOre: 50_000)) { try MoneyAmount(parsing: "501", maximumOre: 50_000) }
    }

    static let formatTable: [(ore: Int64, norwegian: String, english: String)] = [
        (0, "0,00 kr", "NOK 0.00"),
        (5, "0,05 kr", "NOK 0.05"),
        (19_900, "199,00 kr", "NOK 199.00"),
        (123_450, "1 234,50 kr", "NOK 1,234.50"),
        (100_000, "1 000,00 kr", "NOK 1,000.00"),
        (12_345_678_901, "123 456 789,01 kr", "NOK 123,456,789.01"),
    ]

    @Test("amounts are written '1 234,50 kr' in Norwegian and 'NOK 1,234.50' in English", arguments: formatTable)
    func formats(_ row: (ore: Int64, norwegian: String, english: String)) throws {
        let amount = try MoneyAmount(ore: row.ore)
        #expect(amount.norwegianFormatted == row.norwegian)
        #expect(amount.englishFormatted == row.english)
        #expect(amount.formatted(.norwegian) == row.norwegian)
        #expect(amount.formatted(.english) == row.english)
    }

    @Test(
        "currency NOK is accepted in any case; every other currency is refused by name",
        arguments: [("NOK", true), ("nok", true), (" NOK ", true), ("SEK", false), ("EUR", false), ("kr", false), ("", false)])
    func currency(_ row: (String, Bool)) {
        if row.1 {
            #expect(throws: Never.self) { try MoneyAmount.checkCurrency(row.0) }
        } else {
            #expect(throws: MoneyProblem.unsupportedCurrency(row.0.trimmingCharacters(in: .whitespaces))) {
                try MoneyAmount.checkCurrency(row.0)
            }
        }
    }

    @Test("a negative number of øre is refused")
    func negativeOre() {
        #expect(throws: MoneyProblem.negative("-1")) { try MoneyAmount(ore: -1) }
    }

    @Test("JSON carries the canonical decimal string and reads it back")
    func codable() throws {
        let amount = try MoneyAmount(parsing: "1234,5")
        let data = try JSONEncoder().encode([amount])
        #expect(String(decoding: data, as: UTF8.self) == #"["1234.50"]"#)
        #expect(try JSONDecoder().decode([MoneyAmount].self, from: data) == [amount])
    }

    static let priceTable: [(period: PricePeriod, norwegian: String, english: String, short: String)] = [
        (.once, "1 234,50 kr (engangsbeløp)", "NOK 1,234.50 (one-off payment)", "1 234,50 kr"),
        (.month, "1 234,50 kr per måned", "NOK 1,234.50 per month", "1 234,50 kr/mnd"),
        (.year, "1 234,50 kr per år", "NOK 1,234.50 per year", "1 234,50 kr/år"),
    ]

    @Test("a price says how often it is charged", arguments: priceTable)
    func priceText(_ row: (period: PricePeriod, norwegian: String, english: String, short: String)) throws {
        let price = OfferPrice(amount: try MoneyAmount(ore: 123_450), period: row.period)
        #expect(price.formatted(.norwegian) == row.norwegian)
        #expect(price.formatted(.english) == row.english)
        #expect(price.shortFormatted(.norwegian) == row.short)
    }

    @Test(
        "periods are read from the API strings, case-insensitively",
        arguments: [("once", PricePeriod.once), ("Month", .month), (" year ", .year), ("weekly", nil), ("", nil)])
    func periodParsing(_ row: (String, PricePeriod?)) {
        #expect(PricePeriod(apiValue: row.0) == row.1)
    }

    @Test("a monthly price is totalled over the binding months; other periods are not")
    func totalOverBinding() throws {
        let monthly = OfferPrice(amount: try MoneyAmount(ore: 19_900), period: .month)
        #expect(monthly.totalOverBinding(months: 12)?.ore == 238_800)
        #expect(monthly.totalOverBinding(months: 0) == nil)
        #expect(OfferPrice(amount: try MoneyAmount(ore: 19_900), period: .year).totalOverBinding(months: 12) == nil)
    }
}
