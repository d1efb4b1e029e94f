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
}
