import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// The consumer's pages at /t/TOKEN: names and summary at the top, every answer asked once more on a page
/// of its own (no JavaScript needed), a receipt that says it worked, and the withdrawal form as a form.
@Suite("Consumer offer pages")
struct ConsumerOfferPagesTests {
    /// A sent offer: its id and link token.
    static func sentOffer(_ app: Application, _ world: TestWorld, key: String = "pages-1") async throws -> (id: UUID, token: String) {
        let campaign = try await SaleFixtures.campaign(app, world)
        let created = try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: key)
        #expect(created.status == .created, "\(created.text)")
        let id = try #require((try created.json()["id"] as? String).flatMap(UUID.init(uuidString:)))
        let sms = try #require(
            try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id.uuidString.lowercased()):offer:sms").first())
        let (token, _) = try #require(secrets(inSMS: sms.body))
        return (id, token)
    }

    static func state(_ app: Application, _ id: UUID) async throws -> String? {
        try await SaleModel.find(id, on: app.db)?.state
    }

    @Test(
        "the offer page names the client and the seller at the top, sums up price, total, binding and deadlines in Norwegian formats, and the full offer follows"
    )
    func offerPage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (_, token) = try await Self.sentOffer(app, world)
            let page = try await app.get("/t/\(token)", as: .anonymous)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<p class=\"offer-client\">Kunde Alfa</p>"))
            #expect(html.contains("Selger: Alfa Callsenter på vegne av Kunde Alfa"))
            #expect(html.contains("Til: Ola Nordmann"))
            #expect(!html.contains(">TMNorm<"), "the platform's name is not the page's brand")
            #expect(html.contains("<dd>399,00 kr per måned</dd>"))
            #expect(html.contains("<dd class=\"total\">4 788,00 kr</dd>"))
            #expect(html.contains("<dd>12 måneder</dd>"))
            #expect(html.contains("Svarfrist"))
            #expect(html.range(of: #"til og med \d\d\.\d\d\.\d{4}"#, options: .regularExpression) != nil)
            #expect(html.contains("<h3>Angrerett</h3>"))
            // The answer comes after the offer text, as a GET to the step that asks once more.
            let text = try #require(html.range(of: "Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig."))
            let answer = try #require(html.range(of: "<form method=\"get\" action=\"/t/\(token)/accept\""))
            #expect(text.lowerBound < answer.lowerBound)
            #expect(html.contains("<main id=\"main\""))
        }
    }

    @Test("'Jeg aksepterer tilbudet' leads to a page that says what the consumer binds themselves to and changes nothing; the POST there accepts")
    func acceptAsksOnce() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (id, token) = try await Self.sentOffer(app, world)
            // given the confirm step
            let confirm = try await app.get("/t/\(token)/accept?lang=nb", as: .anonymous)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Du binder deg nå til Strøm Fastpris 12 fra Kunde Alfa"))
            #expect(confirm.text.contains("<form method=\"post\" action=\"/t/\(token)/accept\""))
            #expect(confirm.text.contains("Ja, jeg aksepterer og binder meg"))
            #expect(try await Self.state(app, id) == "sent", "opening the confirm step accepts nothing")
            // when the consumer confirms (the form's fields as before: only the CSRF token)
            let receipt = try await app.postForm("/t/\(token)/accept", [:], as: .anonymous)
            // then the receipt says it worked, with the reference and where the copy went
            #expect(receipt.status == .ok)
            let sale = try #require(try await SaleModel.find(id, on: app.db))
            #expect(sale.state == "accepted")
            #expect(receipt.text.contains("Takk! Du har akseptert tilbudet."))
            #expect(receipt.text.contains("<strong>\(sale.reference)</strong>"))
            #expect(receipt.text.contains("En kopi er sendt på SMS til 912 34 567 og e-post til ola@example.no."))
            #expect(receipt.text.contains("Angrefrist"))
            // The confirm step is gone once answered: back to the receipt.
            let again = try await app.get("/t/\(token)/accept", as: .anonymous)
            #expect(again.status == .seeOther)
            #expect(again.headers.first(name: .location) == "/t/\(token)?lang=nb")
        }
    }

    @Test("the language link on the receipt (the POST's result) leads to the offer's page, and /t/TOKEN/accept?lang=en is no longer a 404")
    func languageLinkOnReceipt() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (_, token) = try await Self.sentOffer(app, world)
            let receipt = try await app.postForm("/t/\(token)/accept", [:], as: .anonymous)
            #expect(receipt.text.contains("href=\"/t/\(token)?lang=en\""))
            let english = try await app.get("/t/\(token)?lang=en", as: .anonymous)
            #expect(english.status == .ok)
            #expect(english.text.contains("Thank you! You have accepted the offer."))
            let old = try await app.get("/t/\(token)/accept?lang=en", as: .anonymous)
            #expect(old.status == .seeOther)
            #expect(old.headers.first(name: .location) == "/t/\(token)?lang=en")
        }
    }

    @Test("'Nei takk' asks once more; confirming declines, and the page says the consumer is not bound")
    func declineAsksOnce() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (id, token) = try await Self.sentOffer(app, world)
            let confirm = try await app.get("/t/\(token)/decline", as: .anonymous)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Du takker nei til tilbudet fra Kunde Alfa"))
            #expect(try await Self.state(app, id) == "sent")
            let declined = try await app.postForm("/t/\(token)/decline", [:], as: .anonymous)
            #expect(declined.status == .ok)
            #expect(declined.text.contains("Du har takket nei til tilbudet. Du er ikke bundet av noe."))
            #expect(try await Self.state(app, id) == "declined")
        }
    }

    @Test("the withdrawal form is a labelled form filled in from the agreement; sending it withdraws and keeps the message in the evidence")
    func withdrawalForm() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (id, token) = try await Self.sentOffer(app, world)
            // Before acceptance there is nothing to withdraw from: the offer's page.
            #expect(try await app.get("/t/\(token)/withdraw", as: .anonymous).status == .seeOther)
            #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .ok)
            let form = try await app.get("/t/\(token)/withdraw", as: .anonymous)
            #expect(form.status == .ok)
            #expect(form.text.contains("<label for=\"f-message\">Melding til Kunde Alfa (valgfritt)</label>"))
            #expect(form.text.contains("<textarea id=\"f-message\" name=\"message\""))
            #expect(form.text.contains("Jeg underretter herved om at jeg går fra avtalen om Strøm Fastpris 12."))
            #expect(form.text.contains("Send angreskjemaet"))
            #expect(try await Self.state(app, id) == "accepted")
            // A message over 500 characters comes back with the form; nothing changes.
            let long = try await app.postForm("/t/\(token)/withdraw", ["message": String(repeating: "x", count: 501)], as: .anonymous)
            #expect(long.status == .unprocessableEntity)
            #expect(long.text.contains("høyst 500 tegn"))
            #expect(try await Self.state(app, id) == "accepted")
            let sent = try await app.postForm("/t/\(token)/withdraw", ["message": "Ombestemte meg."], as: .anonymous)
            #expect(sent.status == .ok)
            #expect(sent.text.contains("Du har gått fra avtalen med angreretten."))
            #expect(try await Self.state(app, id) == "withdrawn")
            let withdrawn = try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == id).all().compactMap(\.entry).first {
                $0.event == .withdrawn
            }
            #expect(withdrawn?.detail == "withdrawal form message: Ombestemte meg.")
        }
    }

    @Test("the confirm steps of an unknown token are 404, and their POSTs still need the CSRF token")
    func unknownAndCSRF() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (id, token) = try await Self.sentOffer(app, world)
            for step in ["accept", "decline", "withdraw"] {
                #expect(try await app.get("/t/AAAAAAAAAAAAAAAAAAAAAAAA/\(step)", as: .anonymous).status == .notFound)
                #expect(try await app.postForm("/t/\(token)/\(step)", [:], as: .anonymous, csrf: false).status == .forbidden)
            }
            #expect(try await Self.state(app, id) == "sent")
        }
    }
}
