import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Consumers block a business themselves, confirmed by a one-time code")
struct ConsumerBlockTests {
    /// The code as sent in the queued SMS.
    func sentCode(_ app: Application) async throws -> String {
        let message = try #require(try await OutboxMessageModel.query(on: app.db).sort(\.$createdAt, .descending).first())
        let range = try #require(message.body.range(of: #"\d{6}"#, options: .regularExpression))
        return String(message.body[range])
    }

    @Test("a consumer enters a mobile number, gets a code by SMS, confirms, and the business's block list has the number")
    func flow() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let page = try await app.get("/stop-calls", as: .anonymous)
            #expect(page.status == .ok)
            #expect(!page.text.contains("Kunde Alfa"))  // the page lists no one
            let unknown = try await app.postForm("/stop-calls", ["business": "Finnes Ikke AS", "phone": "+47 412 34 567"], as: .anonymous)
            #expect(unknown.status == .unprocessableEntity)
            let started = try await app.postForm("/stop-calls", ["business": "kunde alfa", "phone": "+47 412 34 567"], as: .anonymous)
            #expect(started.status == .seeOther)
            let path = try #require(started.headers.first(name: .location))
            let request = try #require(try await BlockRequestModel.query(on: app.db).first())
            let code = try await sentCode(app)
            #expect(request.codeHash != code)
            let wrong = try await app.postForm(path, ["code": code == "000000" ? "111111" : "000000"], as: .anonymous)
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await BlockListEntryModel.query(on: app.db).count() == 0)
            let done = try await app.postForm(path, ["code": code], as: .anonymous)
            #expect(done.status == .ok)
            #expect(done.text.contains("Nummeret er sperret"))
            let entry = try #require(try await BlockListEntryModel.query(on: app.db).first())
            #expect(entry.phone == "41234567")
            #expect(entry.sourceRaw == "consumer")
            #expect(entry.$organisation.id == world.client.id)
        }
    }

    @Test("a landline cannot receive the code and is refused with the reason")
    func landline() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "22334455"], as: .anonymous)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("må være et mobilnummer"))
        }
    }

    @Test("after five wrong codes the request is spent; three requests an hour per number at most")
    func limits() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let started = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "41234567"], as: .anonymous)
            let path = try #require(started.headers.first(name: .location))
            let code = try await sentCode(app)
            let wrongCode = code == "000000" ? "111111" : "000000"
            for _ in 0..<5 { _ = try await app.postForm(path, ["code": wrongCode], as: .anonymous) }
            let spent = try await app.postForm(path, ["code": code], as: .anonymous)
            #expect(spent.status == .gone)
            _ = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "41234567"], as: .anonymous)
            _ = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "41234567"], as: .anonymous)
            let limited = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "41234567"], as: .anonymous)
            #expect(limited.status == .tooManyRequests)
        }
    }
}
