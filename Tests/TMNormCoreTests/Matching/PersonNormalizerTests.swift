import Testing
@testable import TMNormCore

@Suite("Person normalisation")
struct PersonNormalizerTests {
    static let names: [(input: String, normalised: String)] = [
        ("Kari", "kari"),
        ("  KARI   ANNE ", "kari anne"),
        ("Kari-Anne", "kari anne"),
        ("Bjørn Æsøy", "bjoern aesoey"),
        ("Åse Ødegård", "aase oedegaard"),
        ("Bjoern Aesoey", "bjoern aesoey"),
        ("Björn Säther", "bjoern saether"),
        ("José Müller", "jose muller"),
        ("Jose\u{0301}", "jose"),
        ("François Nuñez", "francois nunez"),
        ("O'Neill", "oneill"),
        ("O’Neill", "oneill"),
        ("J.R. Hansen", "j r hansen"),
        ("Ánde Márjá Sámi Ŋ", "ande marja sami n"),
        ("Straße", "strasse"),
        ("Łukasz", "lukasz"),
        ("Иван", "иван"),
        ("Ola\u{00A0}Nordmann", "ola nordmann"),
        ("", ""),
        (" - ", ""),
    ]

    @Test("a name folds to lowercase ASCII words", arguments: names)
    func name(_ row: (input: String, normalised: String)) {
        #expect(PersonNormalizer.name(row.input) == row.normalised)
    }

    static let firstGivenNames: [(input: String, normalised: String)] = [
        ("Kari Anne", "kari"), ("Kari-Anne", "kari"), ("  Åse  ", "aase"), ("", ""), ("-Per", "per"),
    ]

    @Test("the first given name is the first word of the normalised first name", arguments: firstGivenNames)
    func firstGivenName(_ row: (input: String, normalised: String)) {
        #expect(PersonNormalizer.firstGivenName(row.input) == row.normalised)
    }

    @Test("a very long or unusual input folds without crashing")
    func hostileInput() {
        let long = String(repeating: "Ærlig-Åse ", count: 20_000)
        #expect(PersonNormalizer.name(long).utf8.count == 20_000 * 12 - 1)  // "aerlig aase " per repetition
        #expect(PersonNormalizer.street(String(repeating: "İ", count: 5_000) + " gt.").hasSuffix("iiigate"))
        #expect(PersonNormalizer.name("\u{0}\u{FFFD}🙂 Ola \u{200B}") == "ola")
        #expect(PersonNormalizer.houseNumber(String(repeating: "0", count: 1_000)) == "0")
    }

    static let streets: [(input: String, normalised: String)] = [
        ("Storgata", "storgate"), ("Storgate", "storgate"), ("Storgaten", "storgate"),
        ("Storgt.", "storgate"), ("Storgt", "storgate"), ("Kongens gate", "kongensgate"),
        ("Kongens gt.", "kongensgate"), ("Parkveien", "parkvei"), ("Parkvei", "parkvei"),
        ("Parkvegen", "parkvei"), ("Parkveg", "parkvei"), ("Parkvn.", "parkvei"), ("Park vn", "parkvei"),
        ("Parkv.", "parkvei"), ("Park v.", "parkvei"), ("Park v", "parkvei"), ("Parkv", "parkv"),
        ("Havn", "havn"), ("Torgplassen", "torgplass"), ("Torgpl.", "torgplass"), ("Torg pl", "torgplass"),
        ("Frognerallé", "frogneralle"), ("Frogneralle", "frogneralle"), ("Frogneralleen", "frogneralle"),
        ("St. Olavs gate", "stolavsgate"), ("Gata", "gate"), ("Åsvegen", "aasvei"), ("", ""),
    ]

    @Test("a street folds, joins its words and writes the street type one way", arguments: streets)
    func street(_ row: (input: String, normalised: String)) {
        #expect(PersonNormalizer.street(row.input) == row.normalised)
    }

    static let houseNumbers: [(input: String, normalised: String)] = [
        ("12 B", "12b"), ("12b", "12b"), ("12-b", "12b"), ("12B", "12b"), (" 12 ", "12"),
        ("012", "12"), ("0", "0"), ("00", "0"), ("", ""),
    ]

    @Test("a house number keeps digits and letters only", arguments: houseNumbers)
    func houseNumber(_ row: (input: String, normalised: String)) {
        #expect(PersonNormalizer.houseNumber(row.input) == row.normalised)
    }

    static let postcodes: [(input: String, normalised: String?)] = [
        ("0150", "0150"), (" 0150 ", "0150"), ("01 50", "0150"), ("150", nil), ("01500", nil), ("O150", nil), ("", nil),
    ]

    @Test("a postcode is exactly four digits", arguments: postcodes)
    func postcode(_ row: (input: String, normalised: String?)) {
        #expect(PersonNormalizer.postcode(row.input) == row.normalised)
    }

    static let addresses: [(input: String, street: String, number: String)] = [
        ("Storgata 12 B", "Storgata", "12 B"),
        ("Storgata 12B", "Storgata", "12B"),
        ("Storgata 12-b", "Storgata", "12-b"),
        ("Storgata 12 - b", "Storgata", "12-b"),
        ("Kongens gate 5", "Kongens gate", "5"),
        ("Torggata 1, H0201", "Torggata", "1"),
        ("7. juni-plassen 3", "7. juni-plassen", "3"),
        ("Storgata", "Storgata", ""),
        ("  Storgata   5 ", "Storgata", "5"),
        ("", "", ""),
    ]

    @Test("an address field splits into street and house number", arguments: addresses)
    func splitAddress(_ row: (input: String, street: String, number: String)) {
        let split = PersonIdentity.splitStreetAndNumber(row.input)
        #expect(split.street == row.street)
        #expect(split.houseNumber == row.number)
    }
}
