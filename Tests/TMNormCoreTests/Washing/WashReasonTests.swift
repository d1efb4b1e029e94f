import Foundation
import Testing

@testable import TMNormCore

@Suite("Washing: reasons, block lists, exemptions")
struct WashReasonTests {
    static let header = "fornavn;etternavn;adresse;postnr;telefon\n"

    @Test("each kind of row gets its reason code")
    func eachReason() throws {
        // given
        let register = WashFixture.register(
            numbers: ["91111111"], persons: [WashFixture.person("Per", "Hansen", "Vei", "1", "5003")])
        let blocked = InternalBlockList(owner: "client 974760673", version: "v7", numberKeys: [WashFixture.key("92222222")])
        let rows = [
            ("Kari;Nordmann;Gata 1;0150;91234567", nil),
            (";;;;", "blank_row"),
            ("Ola;Nordmann;Gata 1;0150", "malformed_row"),
            ("Ola;Nordmann;Gata 1;0150;", "missing_phone"),
            ("Ola;Nordmann;Gata 1;0150;12ab", "invalid_number"),
            ("Ola;Nordmann;Gata 1;0150;42123456", "invalid_number"),
            ("Ola;Nordmann;Gata 1;0150;+46 70 123 45 67", "foreign_number"),
            ("Ola;Nordmann;Gata 1;0150;800 12 345", "special_number"),
            ("Ola;Nordmann;Gata 1;0150;02000", "special_number"),
            ("Ola;Nordmann;Gata 1;0150;580012345678", "special_number"),
            ("Ola;Nordmann;Gata 1;0150;+47 912 34 567", "duplicate"),
            ("Ola;Nordmann;Gata 1;0150;92222222", "internal_block_list"),
            ("Ola;Nordmann;Gata 1;0150;0047 91111111", "reserved_phone"),
            ("Per;Hansen;Vei 1;5003;93333333", "reserved_person"),
        ]
        let text = Self.header + rows.map { $0.0 + "\n" }.joined()
        // when
        let result = try WashFixture.wash(text, register: register, policy: WashPolicy(blockLists: [blocked]))
        // then
        #expect(WashFixture.reasons(result) == rows.compactMap(\.1))
        #expect(result.summary.rows == rows.count)
        #expect(result.summary.callable == 1)
        #expect(result.summary.blockListVersions == ["client 974760673": "v7"])
        for reason in WashReason.allCases {
            #expect(result.summary.count(reason) == rows.filter { $0.1 == reason.code }.count, "\(reason)")
        }
    }

    @Test("a duplicate is reported as duplicate even when its first occurrence was reserved")
    func duplicateBeforeRegister() throws {
        let result = try WashFixture.wash("telefon\n91111111\n911 11 111\n", register: WashFixture.register(numbers: ["91111111"]))
        #expect(WashFixture.reasons(result) == ["reserved_phone", "duplicate"])
    }

    @Test("an exemption lets a reserved number or person be called")
    func exemptions() throws {
        let person = WashFixture.person("Per", "Hansen", "Vei", "1", "5003")
        let register = WashFixture.register(numbers: ["91111111", "92222222"], persons: [person])
        let exemptions = WashExemptions(numberKeys: [WashFixture.key("91111111")], personKeys: [person])
        let text = Self.header + "A;B;Gata 1;0150;91111111\nA;B;Gata 1;0150;92222222\nPer;Hansen;Vei 1;5003;93333333\n"
        let result = try WashFixture.wash(text, register: register, policy: WashPolicy(exemptions: exemptions))
        #expect(WashFixture.reasons(result) == ["reserved_phone"])
        #expect(result.summary.exempted == 2)
        #expect(result.summary.callable == 2)
    }

    @Test("an exemption never lifts an internal block list")
    func exemptionDoesNotLiftBlock() throws {
        let key = WashFixture.key("91111111")
        let policy = WashPolicy(
            blockLists: [InternalBlockList(owner: "call centre", version: "3", numberKeys: [key])],
            exemptions: WashExemptions(numberKeys: [key]))
        let result = try WashFixture.wash("telefon\n91111111\n", policy: policy)
        #expect(WashFixture.reasons(result) == ["internal_block_list"])
        #expect(result.summary.exempted == 0)
    }

    @Test("a person on a block list is blocked whatever number the row has")
    func blockedPerson() throws {
        let person = WashFixture.person("Kari", "Nordmann", "Storgata", "1", "0150")
        let policy = WashPolicy(blockLists: [InternalBlockList(owner: "client", version: "1", personKeys: [person])])
        let result = try WashFixture.wash(Self.header + "Kari;Nordmann;Storgata 1;0150;41234567\n", policy: policy)
        #expect(WashFixture.reasons(result) == ["internal_block_list"])
    }

    @Test("for a voluntary organisation only reservations that cover voluntary organisations apply")
    func voluntary() throws {
        let covering = WashFixture.person("Per", "Hansen", "Vei", "1", "5003")
        let notCovering = WashFixture.person("Kari", "Nordmann", "Storgata", "1", "0150")
        let register = WashFixture.register(
            numbers: ["91111111"], voluntaryNumbers: ["92222222"], persons: [notCovering], voluntaryPersons: [covering])
        let text =
            Self.header
            + "A;B;Gata 1;0150;91111111\nA;B;Gata 1;0150;92222222\nPer;Hansen;Vei 1;5003;93333333\nKari;Nordmann;Storgata 1;0150;94444444\n"
        let ordinary = try WashFixture.wash(text, register: register)
        #expect(WashFixture.reasons(ordinary) == ["reserved_phone", "reserved_phone", "reserved_person", "reserved_person"])
        let charity = try WashFixture.wash(text, register: register, policy: WashPolicy(isVoluntaryOrganisation: true))
        #expect(WashFixture.reasons(charity) == ["reserved_phone", "reserved_person"])
        #expect(charity.summary.voluntaryOrganisation)
    }

    @Test("the summary names the register copy and the list's SHA-256")
    func summaryRecords() throws {
        let text = "telefon\n91234567\n"
        let result = try WashFixture.wash(text)
        #expect(result.summary.register.id == "reg-test")
        #expect(result.summary.register.obtainedAt == WashFixture.obtainedAt)
        #expect(result.summary.listSHA256 == "a0b83e918411668bf5f285f0170d9a9336b5bbfe68e48db6d8baab7c6f437101")
        #expect(result.summary.listBytes == text.utf8.count)
    }
}
