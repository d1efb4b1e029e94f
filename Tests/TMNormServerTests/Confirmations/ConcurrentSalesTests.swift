import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Sales under concurrency")
struct ConcurrentSalesTests {
    @Test("60 sales registered at once all succeed, and their consumers all accept at once; no request fails on a locked database")
    func concurrentRegistrationAndAcceptance() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        let body = SaleFixtures.body(campaign, phone: "+47 41 00 00 \(String(format: "%02d", i))", email: nil)
                        return try await app.postSale(body, key: world.callCentreKey, idempotencyKey: "concurrent-\(i)").status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 201 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
            let tokens = try await OutboxMessageModel.query(on: app.db).all()
                .filter { $0.idempotencyKey.hasSuffix(":offer:sms") }.compactMap { secrets(inSMS: $0.body)?.token }
            #expect(tokens.count == 60)
            let answers = try await withThrowingTaskGroup(of: UInt.self) { group in
                for token in tokens {
                    group.addTask { try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: answers, by: { $0 }).mapValues(\.count))")
            #expect(try await SaleModel.query(on: app.db).filter(\.$state == "accepted").count() == 60)
        }
    }

    @Test("ten retries of one sale racing each other (same Idempotency-Key, same body) make one sale and one offer; every answer names it")
    func racingRetries() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let body = SaleFixtures.body(campaign)
            let answers = try await withThrowingTaskGroup(of: (UInt, String?).self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        let response = try await app.postSale(body, key: world.callCentreKey, idempotencyKey: "retry-race")
                        return (response.status.code, try? response.json()["id"] as? String)
                    }
                }
                return try await group.reduce(into: [(UInt, String?)]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == 200 || $0.0 == 201 }, "\(answers.map(\.0))")
            #expect(Set(answers.compactMap(\.1)).count == 1)
            #expect(try await SaleModel.query(on: app.db).count() == 1)
            #expect(try await OutboxMessageModel.query(on: app.db).all().filter { $0.idempotencyKey.hasSuffix(":offer:sms") }.count == 1)
        }
    }

    @Test(
        "accept and decline pressed at the same moment, twenty times over: exactly one answer wins, the chain stays intact with one answer in it, and nobody gets a server error"
    )
    func racingAnswers() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let created = try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "race")
            let id = try #require((try created.json()["id"] as? String).flatMap(UUID.init(uuidString:)))
            let sms = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id.uuidString.lowercased()):offer:sms").first())
            let (token, _) = try #require(secrets(inSMS: sms.body))
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await app.postForm("/t/\(token)/\(i.isMultiple(of: 2) ? "accept" : "decline")", [:], as: .anonymous).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses)")
            let sale = try #require(try await SaleModel.find(id, on: app.db))
            let entries = try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == id).sort(\.$sequence).all().compactMap(\.entry)
            let answers = entries.filter { $0.event == .accepted || $0.event == .declined }
            #expect(answers.count == 1, "\(entries.map(\.event))")
            #expect(answers.first?.event.rawValue == sale.state)
            #expect(EvidenceChainVerifier.verify(entries, saleID: id.uuidString.lowercased(), expectedHead: sale.evidenceHead).isIntact)
            let receipts = try await OutboxMessageModel.query(on: app.db).all().filter { $0.idempotencyKey.contains(":receipt:") }
            #expect(
                !receipts.isEmpty && receipts.allSatisfy { $0.idempotencyKey.contains(":receipt:\(sale.state):") },
                "receipts only for the answer that won")
        }
    }
}
