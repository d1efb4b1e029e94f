import Foundation
import Testing

@testable import TMNormCore

@Suite("Washing: finding the columns")
struct WashColumnTests {
    @Test(
        "the phone column is found by its header whatever the spelling",
        arguments: [
            "telefon", "Telefon", "TLF", "Tlf.nr", "tlf_nr", "Telefonnummer", "Mobil", "mobilnummer", "Mobil nr",
            "Mobiltelefon", "phone", "Phone Number", "phone_number", "MSISDN", " telefon ",
        ])
    func phoneHeader(_ name: String) throws {
        let result = try WashFixture.wash("id;\(name);navn\n1;91234567;Kari\n")
        #expect(result.summary.phoneColumnPosition == 2)
        #expect(result.summary.callable == 1)
    }

    @Test("--phone-column chooses by name or by 1-based position", arguments: [WashColumnSelector.name("Kontakt"), .position(3), .name("kontakt")])
    func selector(_ selector: WashColumnSelector) throws {
        let result = try WashFixture.wash("id;navn;Kontakt\n1;Kari;91234567\n", policy: WashPolicy(phoneColumn: selector))
        #expect(result.summary.phoneColumn == "Kontakt")
    }

    @Test("a selector text of digits is a position, anything else a name")
    func selectorParsing() {
        #expect(WashColumnSelector(parsing: "3") == .position(3))
        #expect(WashColumnSelector(parsing: "Telefon 2") == .name("Telefon 2"))
        #expect(WashColumnSelector(parsing: "0") == .name("0"))
    }

    @Test("no phone column, several, or a missing chosen one are clear errors")
    func columnErrors() {
        #expect(WashFixture.washError(bytes: Array("id;navn\n1;Kari\n".utf8)) == .noPhoneColumn(header: ["id", "navn"]))
        #expect(WashFixture.washError(bytes: Array("telefon;mobil\n1;2\n".utf8)) == .ambiguousPhoneColumn(["telefon", "mobil"]))
        #expect(
            WashFixture.washError(bytes: Array("telefon;mobil\n1;2\n".utf8), policy: WashPolicy(phoneColumn: .position(3)))
                == .phoneColumnNotFound("3", header: ["telefon", "mobil"]))
        #expect(
            WashFixture.washError(bytes: Array("telefon\n1\n".utf8), policy: WashPolicy(phoneColumn: .name("fax")))
                == .phoneColumnNotFound("fax", header: ["telefon"]))
    }

    @Test("person matching is on only when first name, last name, street and postcode columns exist")
    func personColumns() throws {
        let on = try WashFixture.wash("Fornavn;Etternavn;Adresse;Postnummer;Telefon\nKari;Nordmann;Storgata 1;0150;91234567\n")
        #expect(on.summary.personMatching)
        let off = try WashFixture.wash("Fornavn;Etternavn;Telefon\nKari;Nordmann;91234567\n")
        #expect(!off.summary.personMatching)
        #expect(off.summary.missingPersonColumns == ["street", "postcode", "house_number"])
    }

    @Test("an address column holding \"Storgata 12 B\" is split into street and house number")
    func addressSplit() throws {
        let register = WashFixture.register(persons: [WashFixture.person("Kari", "Nordmann", "Storgata", "12b", "0150")])
        let text = "Fornavn;Etternavn;Adresse;Postnr;Telefon\nKari;Nordmann;Storgata 12 B;0150;91234567\nKari;Nordmann;Storgata 14;0150;91234568\n"
        let result = try WashFixture.wash(text, register: register)
        #expect(WashFixture.reasons(result) == ["reserved_person"])
    }

    @Test("separate house number and letter columns are joined")
    func houseNumberColumns() throws {
        let register = WashFixture.register(persons: [WashFixture.person("Kari", "Nordmann", "Storgata", "12 B", "0150")])
        let text = "fornavn;etternavn;gate;husnr;husbokstav;postnr;mobil\nKari;Nordmann;Storgata;12;B;0150;91234567\n"
        let result = try WashFixture.wash(text, register: register)
        #expect(WashFixture.reasons(result) == ["reserved_person"])
    }
}
