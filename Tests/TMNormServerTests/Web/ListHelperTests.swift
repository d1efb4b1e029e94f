import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Lists: search, filters, paging and CSV")
struct ListHelperTests {
    @Test("paging cuts pages of the given size, clamps past the end and reports the range")
    func paging() {
        let rows = Array(1...120)
        let first = ListQuery(page: 1, pageSize: 50).page(rows)
        #expect(first.rows == Array(1...50))
        #expect(first.total == 120 && first.pageCount == 3)
        let last = ListQuery(page: 3, pageSize: 50).page(rows)
        #expect(last.rows == Array(101...120))
        let beyond = ListQuery(page: 99, pageSize: 50).page(rows)
        #expect(beyond.page == 3 && beyond.rows == Array(101...120))
        let empty = ListQuery().page([Int]())
        #expect(empty.rows.isEmpty && empty.pageCount == 1)
    }

    @Test("search needs every word somewhere in the row, ignoring letter case")
    func search() {
        let query = ListQuery(search: "kunde ALFA")
        #expect(query.matches(["Kunde Alfa", "948757494"]))
        #expect(!query.matches(["Kunde Beta", "911862522"]))
        #expect(ListQuery().matches(["anything"]))
    }

    @Test("links keep the search and filters, and the page number only past the first")
    func links() {
        let query = ListQuery(search: "Alfa & co", filters: ["kind": "client"], page: 2)
        #expect(query.queryString(page: 3) == "?q=Alfa%20%26%20co&kind=client&page=3")
        #expect(query.queryString(page: 1) == "?q=Alfa%20%26%20co&kind=client")
        #expect(query.queryString(csv: true) == "?q=Alfa%20%26%20co&kind=client&format=csv")
        #expect(ListQuery().queryString() == "")
    }

    @Test("CSV cells are quoted when needed and formulas are neutralised")
    func csvCells() {
        #expect(CSVExport.cell("Kunde Alfa") == "Kunde Alfa")
        #expect(CSVExport.cell("A;B") == "\"A;B\"")
        #expect(CSVExport.cell("Si \"hei\"") == "\"Si \"\"hei\"\"\"")
        #expect(CSVExport.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVExport.cell("+4791234567") == "'+4791234567")
        let text = CSVExport.text(headings: ["Navn", "Org.nr."], rows: [["Kunde Alfa", "948 757 494"]])
        #expect(text == "\u{FEFF}Navn;Org.nr.\r\nKunde Alfa;948 757 494\r\n")
    }

    @Test("the organisation list searches, filters by kind, pages and downloads as CSV, within what the person may see")
    func organisations() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.associationAdmin)
            let all = try await app.get("/organisations", as: admin)
            #expect(all.text.contains("Viser 1–6 av 6"))
            let searched = try await app.get("/organisations?q=kunde", as: admin)
            #expect(searched.text.contains("Kunde Alfa") && searched.text.contains("Kunde Beta Hemmelig"))
            #expect(!searched.text.contains(">Alfa Callsenter<"))
            #expect(searched.text.contains("value=\"kunde\""))
            let centres = try await app.get("/organisations?kind=call_centre", as: admin)
            #expect(centres.text.contains("Alfa Callsenter") && !centres.text.contains(">Kunde Alfa<"))
            let nothing = try await app.get("/organisations?q=finnesikke", as: admin)
            #expect(nothing.text.contains("Ingen treff"))
            let csv = try await app.get("/organisations?q=kunde&format=csv", as: admin)
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.headers.first(name: .contentDisposition)?.contains("organisasjoner.csv") == true)
            #expect(csv.text.contains("Kunde Alfa;948 757 494;"))
            #expect(!csv.text.contains("Alfa Callsenter"))
            // A tenant's CSV holds only what its page shows.
            let tenant = try await app.get("/organisations?format=csv", as: world.browser(.callCentreAdmin))
            for secret in world.foreignSecrets { #expect(!tenant.text.contains(secret), "leaked \(secret)") }
            #expect(try await app.get("/organisations?page=abc", as: admin).status == .ok)
        }
    }

    @Test("the outbox filters by status, searches and pages; dead letters show a red badge")
    func outbox() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for index in 0..<55 {
                let row = OutboxMessageModel()
                row.idempotencyKey = "list-\(index)"
                row.kindRaw = MessageKind.email.rawValue
                row.recipient = "person\(index)@example.test"
                row.subject = index == 0 ? "Ga opp" : "Melding \(index)"
                row.body = "x"
                row.bodySHA256 = String(repeating: "0", count: 64)
                row.organisationID = world.callCentre.id
                row.statusRaw = index == 0 ? "dead" : "sent"
                row.attempts = 1
                row.nextAttemptAt = testNow
                row.createdAt = testNow.addingTimeInterval(Double(index))
                try await row.create(on: app.db)
            }
            let admin = world.browser(.callCentreAdmin)
            let first = try await app.get("/outbox", as: admin)
            #expect(first.text.contains("Viser 1–50 av 55"))
            #expect(first.text.contains("rel=\"next\""))
            let second = try await app.get("/outbox?page=2", as: admin)
            #expect(second.text.contains("Viser 51–55 av 55"))
            let dead = try await app.get("/outbox?status=dead", as: admin)
            #expect(dead.text.contains("Viser 1–1 av 1"))
            #expect(dead.text.contains("badge tone-bad"))
            let csv = try await app.get("/outbox?status=dead&format=csv", as: admin)
            #expect(csv.text.contains("Ga opp"))
            #expect(!csv.text.contains("Melding 3"))
        }
    }

    @Test("the wash form's column preview names the columns the wash will use, in the page's language, before the list is sent")
    func washColumnPreview() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.callCentreAdmin)
            let head = Data("Fornavn;Etternavn;Mobil;Kundenr\nKari;Nordmann;41234567;7\n".utf8).base64EncodedString()
            let answer = try await app.postForm("/washes/columns", ["head": head], as: admin)
            #expect(answer.status == .ok)
            let json = try answer.json()
            let columns = try #require(json["columns"] as? [[String: Any]])
            #expect(columns.map { $0["name"] as? String } == ["Fornavn", "Etternavn", "Mobil", "Kundenr"])
            #expect(columns.map { $0["role"] as? String } == ["Fornavn", "Etternavn", "Telefonnummer", nil])
            #expect((json["summary"] as? String)?.contains("Bare nummeret sjekkes") == true)
            let english = try await app.postForm("/washes/columns?lang=en", ["head": head], as: admin)
            #expect(try #require(try english.json()["columns"] as? [[String: Any]])[2]["role"] as? String == "Phone number")
            let none = try await app.postForm("/washes/columns", ["head": Data("navn;adresse\n".utf8).base64EncodedString()], as: admin)
            #expect((try none.json()["problem"] as? String)?.isEmpty == false)
            #expect(try await app.postForm("/washes/columns", ["head": "not base64!"], as: admin).status == .unprocessableEntity)
            #expect(try await app.postForm("/washes/columns", ["head": head], as: admin, csrf: false).status == .forbidden)
            #expect(try await app.postForm("/washes/columns", ["head": head], as: world.browser(.clientUser)).status == .forbidden)
            let form = try await app.get("/washes", as: admin)
            #expect(form.text.contains("data-column-preview=\"/washes/columns\""))
            #expect(form.text.contains("data-progress"))
        }
    }

    @Test("the campaign list searches, filters by status and downloads as CSV, never with another tenant's campaigns")
    func campaigns() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            _ = try await world.foreignCampaign(app)
            let admin = world.browser(.callCentreAdmin)
            let created = try await app.postForm(
                "/campaigns",
                [
                    "client_id": world.client.id.uuidString, "name": "Alfa Vinter", "product_category": "strøm", "caller_id": "22334455",
                    "caller_id_listed": "on", "starts_on": "2026-11-01", "ends_on": "2026-12-31",
                ], as: admin)
            #expect(created.status == .seeOther)
            let drafts = try await app.get("/campaigns?status=draft", as: admin)
            #expect(drafts.text.contains("Alfa Vinter"))
            #expect(drafts.text.contains("badge tone-info"))
            #expect(try await app.get("/campaigns?status=active", as: admin).text.contains("Ingen kampanjer å vise"))
            #expect(try await app.get("/campaigns?q=vinter", as: admin).text.contains("Alfa Vinter"))
            let csv = try await app.get("/campaigns?format=csv", as: admin)
            #expect(csv.text.contains("Alfa Vinter;Kunde Alfa;Alfa Callsenter;01.11.2026;31.12.2026;"))
            for secret in world.foreignSecrets { #expect(!csv.text.contains(secret), "leaked \(secret)") }
            // The form's checkboxes have their labels beside them.
            #expect(drafts.text.contains("<div class=\"field checkbox\"><input id=\"f-caller_id_listed\""))
        }
    }
}
