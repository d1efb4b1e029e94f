import Testing
@testable import TMNormCore

@Suite("Person identity")
struct PersonIdentityTests {
    @Test("an identity keeps the normalised parts and only the first given name")
    func parts() throws {
        let person = try #require(
            PersonIdentity(firstName: "Kari Anne", lastName: "Sæther", street: "Storgt.", houseNumber: "12 B", postcode: "0150"))
        #expect(person.firstName == "kari")
        #expect(person.lastName == "saether")
        #expect(person.street == "storgate")
        #expect(person.houseNumber == "12b")
        #expect(person.postcode == "0150")
        #expect(person.canonicalForm == "v1\u{1F}saether\u{1F}kari\u{1F}0150\u{1F}storgate\u{1F}12b")
    }

    static let incomplete: [(first: String, last: String, street: String, postcode: String)] = [
        ("", "Nordmann", "Storgata", "0150"),
        ("Ola", " - ", "Storgata", "0150"),
        ("Ola", "Nordmann", "", "0150"),
        ("Ola", "Nordmann", "Storgata", "150"),
        ("Ola", "Nordmann", "Storgata", "abcd"),
    ]

    @Test("a row without a required part has no identity", arguments: incomplete)
    func incompleteRow(_ row: (first: String, last: String, street: String, postcode: String)) {
        #expect(PersonIdentity(firstName: row.first, lastName: row.last, street: row.street, houseNumber: "1", postcode: row.postcode) == nil)
    }

    @Test("an address without a house number is an identity that matches only another without one")
    func noHouseNumber() {
        let bare = PersonIdentity(firstName: "Ola", lastName: "Nordmann", street: "Gården", houseNumber: "", postcode: "2100")
        let numbered = PersonIdentity(firstName: "Ola", lastName: "Nordmann", street: "Gården", houseNumber: "1", postcode: "2100")
        #expect(bare != nil)
        #expect(bare != numbered)
    }

    @Test("the key is stable across runs and versions: first 8 bytes of SHA-256 of the canonical form")
    func keyIsStable() throws {
        let person = try #require(
            PersonIdentity(firstName: "Kari", lastName: "Nordmann", street: "Storgata", houseNumber: "12 B", postcode: "0150"))
        // SHA-256("v1␟nordmann␟kari␟0150␟storgate␟12b"), computed independently with Python's hashlib.
        #expect(person.key == 0x05ad_3b11_6322_75d8)
    }

    @Test("different people get different keys")
    func keysDiffer() throws {
        var keys = Set<UInt64>()
        for number in 1...2_000 {
            let person = try #require(
                PersonIdentity(firstName: "Kari", lastName: "Nordmann", street: "Storgata", houseNumber: String(number), postcode: "0150"))
            keys.insert(person.key)
        }
        #expect(keys.count == 2_000)
    }
}
