import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Answers written in batches")
struct SaleAnswerWriterTests {
    /// Three registered sales, read back.
    func threeSales(_ app: Application) async throws -> [SaleModel] {
        let world = try await TestWorld.make(app)
        let campaign = try await SaleFixtures.campaign(app, world)
        for i in 0..<3 {
            let body = SaleFixtures.body(campaign, phone: "+47 41 00 01 \(String(format: "%02d", i))", email: nil)
            #expect(try await app.postSale(body, key: world.callCentreKey, idempotencyKey: "batch-\(i)").status == .created)
        }
        return try await SaleModel.query(on: app.db).sort(\.$consumerPhone).all()
    }

    func write(_ sale: SaleModel, expectedHead: String? = nil, head: String, at: Date) throws -> SaleAnswerWrite {
        SaleAnswerWrite(
            saleID: try sale.requireID(), expectedHead: expectedHead ?? sale.evidenceHead, state: .declined, lifecycleJSON: sale.lifecycleJSON,
            entry: nil, cancelKeys: [], cancelReason: "", messages: [], at: at)
    }

    @Test(
        "one statement updates every sale whose head is unchanged; a stale head and a second answer to the same sale lose, and nothing of theirs is stored"
    )
    func guardsPerSale() async throws {
        try await withTestApp { app in
            let sales = try await threeSales(app)
            let at = testNow.addingTimeInterval(60)
            let writes = [
                try write(sales[0], head: "h0", at: at),
                try write(sales[0], head: "h0-again", at: at),
                try write(sales[1], expectedHead: "stale", head: "h1", at: at),
                try write(sales[2], head: "h2", at: at),
            ]
            let won = try await SaleAnswerWriter.write(writes, on: app.db)
            #expect(won == [true, false, false, true])
            let after = try await SaleModel.query(on: app.db).sort(\.$consumerPhone).all()
            #expect(after.map(\.state) == ["declined", "sent", "declined"])
            #expect(after[0].evidenceHead == sales[0].evidenceHead, "no entry given: the head stays")
            #expect(after[1].evidenceHead == sales[1].evidenceHead)
            #expect(abs(after[2].updatedAt.timeIntervalSince(at)) < 0.001)
        }
    }

    @Test("a batch that fails is written again one answer at a time, so only the bad answer fails")
    func failingBatchSplits() async throws {
        try await withTestApp { app in
            let sales = try await threeSales(app)
            let at = testNow.addingTimeInterval(60)
            let saleKey = try sales[1].requireID().uuidString.lowercased()
            // The second answer's evidence link takes a sequence number its chain already has: the unique
            // (sale, sequence) key refuses it, and the whole batch's transaction with it.
            let clash = EvidenceEntry.make(
                afterSequence: 0, previousHash: "x", saleID: saleKey, event: .declined, at: at, offerTextSHA256: nil, channel: "link",
                fingerprint: nil, detail: nil)
            let bad = SaleAnswerWrite(
                saleID: try sales[1].requireID(), expectedHead: sales[1].evidenceHead, state: .declined, lifecycleJSON: sales[1].lifecycleJSON,
                entry: clash, cancelKeys: [], cancelReason: "", messages: [], at: at)
            let writes = [try write(sales[0], head: "h0", at: at), bad, try write(sales[2], head: "h2", at: at)]
            await #expect(throws: (any Error).self) { try await SaleAnswerWriter.write(writes, on: app.db) }
            let results = try await SaleAnswerWriter.writeBatch(writes, on: app.db)
            #expect((try? results[0].get()) == true)
            #expect((try? results[1].get()) == nil, "the bad answer fails")
            #expect((try? results[2].get()) == true)
            let after = try await SaleModel.query(on: app.db).sort(\.$consumerPhone).all()
            #expect(after.map(\.state) == ["declined", "sent", "declined"])
        }
    }
}
