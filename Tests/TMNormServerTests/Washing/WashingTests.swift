import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// A register delivery: Kari Nordmann reserved by number and person; Ola Hansen by person only.
let testRegisterCSV = """
    reservation_id;first_name;last_name;street;house_number;postcode;city;phones;telephone;addressed_mail;voluntary_orgs
    1;Kari;Nordmann;Storgata;12 B;0155;Oslo;91234567;y;n;y
    2;Ola;Hansen;Fjordveien;3;5003;Bergen;;y;y;n
    3;Broken;Row

    """

/// Imports `csv` as the installation's register copy, obtained at the test clock's now.
@discardableResult
func importTestRegister(_ app: Application, csv: String = testRegisterCSV, ownerID: UUID? = nil) async throws -> RegisterSnapshotModel {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID()).csv").path
    try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await RegisterImportService.importFile(
        path: path, fileName: "register.csv", ownerID: ownerID, obtainedAt: testNow, plainVoluntary: false, app: app)
}

@Suite("Register import and washing through HTTP")
struct WashingTests {
    let list = """
        fornavn;etternavn;adresse;postnummer;telefon
        Kari;Nordmann;Storgata 12b;0155;912 34 567
        Ola;Hansen;Fjordvegen 3;5003;41234567
        Per;Olsen;Kirkegata 1;0150;+47 93 00 00 01
        Per;Olsen;Kirkegata 1;0150;93000001
        Ukjent;Nummer;Vei 1;0150;12345678
        Anne;Berg;Torget 2;0150;95555555

        """

    private func wash(_ app: Application, key: String, csv: String, query: String = "") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: key)
        headers.contentType = HTTPMediaType(type: "text", subType: "csv")
        return try await app.testing().sendRequest(.POST, "/api/v1/washes" + query, headers: headers, body: ByteBuffer(string: csv))
    }

    @Test("a register import records counts and rejected rows with line numbers")
    func importHistory() async throws {
        try await withTestApp { app in
            let model = try await importTestRegister(app)
            #expect(model.status == .active)
            #expect(model.numbers == 1)
            #expect(model.persons == 2)
            #expect(model.rejectedRows == 1)
            #expect(RegisterImportService.problems(of: model).first?.line == 4)
        }
    }

    @Test("a failed import is recorded and the previous snapshot stays active")
    func failedImportKeepsPrevious() async throws {
        try await withTestApp { app in
            let first = try await importTestRegister(app)
            await #expect(throws: RegisterImportService.Failure.self) {
                try await importTestRegister(app, csv: "")
            }
            let active = try await RegisterSelection.activeModel(for: nil, on: app.db)
            #expect(active?.id == first.id)
            #expect(try await RegisterSnapshotModel.query(on: app.db).filter(\.$statusRaw == "failed").count() == 1)
        }
    }

    @Test("a call centre washes a list through the API: every row ends in exactly one file with a reason")
    func washThroughAPI() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let response = try await wash(app, key: world.callCentreKey, csv: list)
            #expect(response.status == .created)
            let body = try response.json()
            #expect(body["rows"] as? Int == 6)
            #expect(body["callable"] as? Int == 2)
            #expect(body["rejected"] as? Int == 4)
            let reasons = try #require(body["by_reason"] as? [String: Int])
            #expect(reasons["reserved_phone"] == 1)
            #expect(reasons["reserved_person"] == 1)
            #expect(reasons["duplicate"] == 1)
            #expect(reasons["invalid_number"] == 1)
            let links = try #require(body["links"] as? [String: String])
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: world.callCentreKey)
            let callable = try await app.testing().sendRequest(.GET, try #require(links["callable"]), headers: headers)
            #expect(callable.status == .ok)
            #expect(callable.text.hasPrefix("fornavn;etternavn;adresse;postnummer;telefon\n"))
            #expect(callable.text.contains("Per;Olsen;Kirkegata 1;0150;+47 93 00 00 01"))
            #expect(callable.text.contains("Anne;Berg"))
            let rejected = try await app.testing().sendRequest(.GET, try #require(links["rejected"]), headers: headers)
            #expect(rejected.text.hasPrefix("fornavn;etternavn;adresse;postnummer;telefon;reason;reason_text\n"))
            #expect(rejected.text.contains(";reserved_person;\"personen er reservert i Reservasjonsregisteret\""))
            // another call centre cannot fetch the results
            var foreign = HTTPHeaders()
            foreign.bearerAuthorization = BearerAuthorization(token: world.foreignKey)
            let stolen = try await app.testing().sendRequest(.GET, try #require(links["rejected"]), headers: foreign)
            #expect(stolen.status == .notFound)
        }
    }

    @Test("without an imported register a wash is refused, never passed through")
    func noRegister() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await wash(app, key: world.callCentreKey, csv: list)
            #expect(response.status == .conflict)
            #expect(try await WashRecordModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a number on the client's block list is rejected for every call centre calling for that client")
    func clientBlockList() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: world.callCentreKey)
            headers.contentType = .json
            let added = try await app.testing().sendRequest(
                .POST, "/api/v1/block-list", headers: headers,
                body: ByteBuffer(string: #"{"phones":["95555555","not a number"],"client":"\#(world.client.orgnr)"}"#))
            #expect(added.status == .created)
            #expect(try added.json()["added"] as? Int == 1)
            #expect((try added.json()["errors"] as? [[String: String]])?.first?["field"] == "phones[1]")
            let withClient = try await wash(app, key: world.callCentreKey, csv: list, query: "?client=\(world.client.orgnr)")
            #expect((try withClient.json()["by_reason"] as? [String: Int])?["internal_block_list"] == 1)
            let withoutClient = try await wash(app, key: world.callCentreKey, csv: list)
            #expect((try withoutClient.json()["by_reason"] as? [String: Int])?["internal_block_list"] == nil)
        }
    }

    @Test("existing customers are exempt from the register only for campaigns of the same category")
    func existingCustomers() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            try await CustomerModel(clientID: world.client.id, phone: "91234567", personKey: nil, category: "strøm", createdAt: testNow).create(
                on: app.db)
            let same = try await wash(app, key: world.callCentreKey, csv: list, query: "?client=\(world.client.orgnr)&category=str%C3%B8m")
            #expect((try same.json()["by_reason"] as? [String: Int])?["reserved_phone"] == nil)
            let other = try await wash(app, key: world.callCentreKey, csv: list, query: "?client=\(world.client.orgnr)&category=forsikring")
            #expect((try other.json()["by_reason"] as? [String: Int])?["reserved_phone"] == 1)
        }
    }

    @Test("a JSON body, a client the call centre does not work for, or a client key are refused")
    func badInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let json = try await app.api(.POST, "/api/v1/washes", key: world.callCentreKey, json: "{}")
            #expect(json.status == .unsupportedMediaType)
            let foreignClient = try await wash(app, key: world.callCentreKey, csv: list, query: "?client=\(world.foreignClient.orgnr)")
            #expect(foreignClient.status == .unprocessableEntity)
            let empty = try await wash(app, key: world.callCentreKey, csv: "")
            #expect(empty.status == .badRequest)
            let binary = try await wash(app, key: world.callCentreKey, csv: "\u{0}\u{1}\u{2}PK\u{3}\u{4}")
            #expect(binary.status == .unprocessableEntity)
            #expect(try await WashRecordModel.query(on: app.db).count() == 0)
        }
    }

    @Test("an agent blocks a number after a call; a bad number is refused with the reason")
    func agentBlocks() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let ok = try await app.postForm(
                "/block-list", ["phone": "+47 412 34 567", "organisation_id": world.client.id.uuidString], as: world.browser(.agent))
            #expect(ok.status == .ok)
            let entry = try #require(try await BlockListEntryModel.query(on: app.db).first())
            #expect(entry.phone == "41234567")
            #expect(entry.$organisation.id == world.client.id)
            #expect(entry.sourceRaw == "agent")
            let bad = try await app.postForm("/block-list", ["phone": "123"], as: world.browser(.agent))
            #expect(bad.status == .unprocessableEntity)
            let foreign = try await app.postForm(
                "/block-list", ["phone": "41234567", "organisation_id": world.foreignClient.id.uuidString], as: world.browser(.agent))
            #expect(foreign.status == .forbidden)
        }
    }

    @Test("block-list CSV import reports bad lines by number and keeps the good ones")
    func blockListImport() {
        let numbers = BlockListService.numbers(fromCSV: "navn;telefon\nKari;91234567\nOla;xyz\n")
        #expect(numbers.map(\.label) == ["line 2", "line 3"])
        #expect(numbers.map(\.raw) == ["91234567", "xyz"])
    }
}
