import Fluent
import Foundation
import SQLKit
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("May-call under concurrency: group-committed decision log and one-statement lookups")
struct DecisionLogWriterTests {
    static func decision(_ i: Int) -> DecisionRecord {
        DecisionRecord(
            id: UUID(), campaignID: UUID(), callCentreID: UUID(), clientID: UUID(), numberHash: "hash-\(i)",
            allowed: i.isMultiple(of: 2), reasons: "ok", registerSnapshotID: i.isMultiple(of: 3) ? nil : "reg-\(i)",
            ruleSet: "mfl-2009-06-01", askedAt: testNow.addingTimeInterval(Double(i)), decidedAt: testNow, askedBy: "test")
    }

    @Test("a written decision reads back through the model exactly: ids, flags, optional snapshot and instants")
    func roundTrip() async throws {
        try await withTestApp { app in
            let written = [Self.decision(1), Self.decision(3)]
            try await DecisionRecord.insert(written, on: app.db)
            for record in written {
                let model = try #require(try await DecisionModel.find(record.id, on: app.db))
                #expect(model.campaignID == record.campaignID && model.callCentreID == record.callCentreID && model.clientID == record.clientID)
                #expect(model.numberHash == record.numberHash && model.allowed == record.allowed && model.reasons == record.reasons)
                #expect(model.registerSnapshotID == record.registerSnapshotID)
                #expect(model.askedAt == record.askedAt && model.decidedAt == record.decidedAt && model.askedBy == record.askedBy)
            }
            // The log is searched by time range; instants written raw must compare as Fluent's do.
            let later = try await DecisionModel.query(on: app.db).filter(\.$askedAt > testNow.addingTimeInterval(2)).all()
            #expect(later.map(\.numberHash) == ["hash-3"])
        }
    }

    @Test("200 concurrent writers each return after their own rows are stored, and every row is stored once")
    func concurrentWriters() async throws {
        try await withTestApp { app in
            let writer = DecisionLogWriter()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<200 {
                    group.addTask {
                        let rows = [Self.decision(i * 3), Self.decision(i * 3 + 1), Self.decision(i * 3 + 2)]
                        try await writer.record(rows, on: app.db)
                        // On record before the caller goes on.
                        let stored = try await DecisionModel.query(on: app.db).filter(\.$id ~~ rows.map(\.id)).count()
                        #expect(stored == 3)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await DecisionModel.query(on: app.db).count() == 600)
            let distinct = Set(try await DecisionModel.query(on: app.db).all().map(\.numberHash))
            #expect(distinct.count == 600)
        }
    }

    @Test("when the write fails every waiting caller gets the error, and the writer recovers for the next ones")
    func failedWrite() async throws {
        try await withTestApp { app in
            let writer = DecisionLogWriter()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("ALTER TABLE may_call_decisions RENAME TO may_call_decisions_away").run()
            let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        do { try await writer.record([Self.decision(i)], on: app.db); return false } catch { return true }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(failures == 50)
            try await sql.raw("ALTER TABLE may_call_decisions_away RENAME TO may_call_decisions").run()
            try await writer.record([Self.decision(1000)], on: app.db)
            #expect(try await DecisionModel.query(on: app.db).count() == 1)
        }
    }

    @Test("100 concurrent may-call questions through HTTP get 100 distinct logged decisions")
    func concurrentQuestions() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for i in 0..<100 {
                    group.addTask {
                        let response = try await MayCallTests().mayCall(
                            app, key: world.callCentreKey, campaign: campaign, number: String(93_100_000 + i))
                        return try response.json()["decision_id"] as? String
                    }
                }
                return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
            }
            #expect(Set(ids).count == 100)
            #expect(try await DecisionModel.query(on: app.db).count() == 100)
        }
    }

    @Test("block lists that cannot be read make the answer 'not allowed' (fail closed)")
    func blockListUnreadable() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("ALTER TABLE block_list_entries RENAME TO block_list_entries_away").run()
            let response = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001")
            #expect(response.status == .ok)
            #expect(try response.json()["allowed"] as? Bool == false)
            #expect((try response.json()["reasons"] as? [String])?.contains("check_failed") == true)
            try await sql.raw("ALTER TABLE block_list_entries_away RENAME TO block_list_entries").run()
        }
    }

    @Test("a number on both block lists, a customer of another category and a consent to the client are told apart in one lookup")
    func combinedLookup() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let model = try #require(try await CampaignModel.find(campaign, on: app.db))
            for organisation in [world.client.id, world.callCentre.id] {
                try await BlockListEntryModel(
                    organisationID: organisation, phone: "93000002", personKey: nil, source: .administrator, addedByID: nil, createdAt: testNow
                ).create(on: app.db)
            }
            try await BlockListEntryModel(
                organisationID: world.foreignClient.id, phone: "93000003", personKey: nil, source: .administrator, addedByID: nil, createdAt: testNow
            ).create(on: app.db)
            try await CustomerModel(clientID: world.client.id, phone: "93000004", personKey: nil, category: "Forsikring", createdAt: testNow).create(
                on: app.db)
            try await CustomerModel(clientID: world.client.id, phone: "93000005", personKey: nil, category: "STRØM", createdAt: testNow).create(
                on: app.db)
            let person = try #require(PersonIdentity(firstName: "Kari", lastName: "Nordmann", street: "Storgata", houseNumber: "1", postcode: "0155"))
            try await BlockListEntryModel(
                organisationID: world.client.id, phone: nil, personKey: person.storedKey, source: .administrator, addedByID: nil, createdAt: testNow
            ).create(on: app.db)
            let lookups = try await MayCallLookups.load(for: model, blockLists: app.blockListLookup, exemptions: app.exemptionLookup, on: app.db)
            #expect(lookups.clientBlockList.contains(number: 93_000_002, person: nil))
            #expect(lookups.callCentreBlockList.contains(number: 93_000_002, person: nil))
            #expect(!lookups.clientBlockList.contains(number: 93_000_003, person: nil), "another client's list")
            #expect(lookups.clientBlockList.contains(number: 99_999_999, person: person), "a person on the list, whatever number they have")
            #expect(!lookups.callCentreBlockList.contains(number: 99_999_999, person: person))
            #expect(
                lookups.exemptions.isCustomer(number: 93_000_005, person: nil, category: campaignCategory(model)),
                "same category, compared without regard to case (Ø too)")
            #expect(!lookups.exemptions.isCustomer(number: 93_000_004, person: nil, category: campaignCategory(model)))
            #expect(!lookups.exemptions.hasConsent(number: 93_000_004))
        }
    }

    private func campaignCategory(_ campaign: CampaignModel) -> String { campaign.productCategory }
}
