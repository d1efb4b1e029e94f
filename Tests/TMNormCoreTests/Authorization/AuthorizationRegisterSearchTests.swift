import Testing
import TMNormCore

/// Searches of the public register that once trapped or matched wrongly (found by fuzz/run query).
@Suite("Public register search: queries with NUL and other odd characters")
struct AuthorizationRegisterSearchTests {
    static func entries() throws -> [AuthorizationRegisterEntry] {
        [
            AuthorizationRegisterEntry(
                orgnr: try OrganisationNumber("974760673"), name: "Brønnøysundregistrene", status: .approved, validUntil: nil),
            AuthorizationRegisterEntry(
                orgnr: try OrganisationNumber("923609016"), name: "Telemarketing AS", status: .suspended, validUntil: nil),
        ]
    }

    @Test("a NUL in the query neither traps nor is read as the end of the query")
    func nul() throws {
        let entries = try Self.entries()
        // Foundation's `contains` on Linux trapped here (a name with non-ASCII letters)…
        #expect(AuthorizationPublicRegister.search("e\u{0}", in: entries).isEmpty)
        // …and matched "registrene" / "tele" as if the query ended at the NUL.
        #expect(AuthorizationPublicRegister.search("registrene\u{0}x", in: entries).isEmpty)
        #expect(AuthorizationPublicRegister.search("tele\u{0}", in: entries).isEmpty)
        #expect(AuthorizationPublicRegister.search("\u{0}", in: entries).isEmpty)
    }

    @Test(
        "ordinary searches still find names and numbers",
        arguments: [
            ("registrene", ["Brønnøysundregistrene"]), ("BRØNNØY", ["Brønnøysundregistrene"]), ("tele as", ["Telemarketing AS"]),
            ("974 760", ["Brønnøysundregistrene"]), ("609016", ["Telemarketing AS"]), ("", ["Brønnøysundregistrene", "Telemarketing AS"]),
            ("e", ["Brønnøysundregistrene", "Telemarketing AS"]), ("x", []),
        ])
    func ordinary(query: String, names: [String]) throws {
        #expect(AuthorizationPublicRegister.search(query, in: try Self.entries()).map(\.name) == names)
    }

}
