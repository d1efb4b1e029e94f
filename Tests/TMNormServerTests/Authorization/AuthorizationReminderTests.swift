import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Reminders before follow-up and renewal deadlines")
struct AuthorizationReminderTests {
    /// Noon in Oslo on a day.
    static func noon(_ day: LocalDate) -> Date { OsloTime.startOfDay(day).addingTimeInterval(12 * 3600) }

    /// The e-mails the reminder job queued, as (recipient, subject, text).
    static func reminderMails(_ app: Application) async throws -> [(to: String, subject: String, text: String)] {
        try await OutboxMessageModel.query(on: app.db).filter(\.$kindRaw == MessageKind.email.rawValue).all()
            .filter { $0.idempotencyKey.hasPrefix("authorization-reminder:") }
            .map { ($0.recipient, $0.subject ?? "", $0.body) }
    }

    /// Keeps the test log-ins valid while the clock moves over months.
    static func extendSessions(_ app: Application) async throws {
        for session in try await SessionModel.query(on: app.db).all() {
            session.expiresAt = testNow.addingTimeInterval(5 * 366 * 86_400)
            try await session.save(on: app.db)
        }
    }

    @Test("14 and 3 days before a follow-up is due the centre's administrators get one e-mail each, never twice, and the centre page lists it")
    func followUpReminders() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let record = try await AuthorizationFixture.record(app, world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 360)) }
            let due = try #require(record.approvals.first?.followUps().first)

            #expect(try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -15))).isEmpty)
            let first = try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -14)))
            #expect(first.map(\.key) == ["AP-1/follow-up-1/14"])
            var mails = try await Self.reminderMails(app)
            #expect(mails.map(\.to) == ["leder@alfa.test"], "only the centre's own administrator, not its agent or another centre")
            #expect(mails.first?.text.contains(due.dueOn.norwegianFormatted) == true)
            #expect(mails.first?.text.contains("http://tmnorm.test/authorization/centres/") == true)

            // A second pass the same day, and the next day, send nothing more.
            #expect(try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -14)).addingTimeInterval(3600)).isEmpty)
            #expect(try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -13))).isEmpty)
            let last = try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -3)))
            #expect(last.map(\.key) == ["AP-1/follow-up-1/3"])
            mails = try await Self.reminderMails(app)
            #expect(mails.count == 2)

            let page = try await app.get("/authorization/centres/\(world.callCentre.id.uuidString.lowercased())", as: world.browser(.callCentreAdmin))
            #expect(page.text.components(separatedBy: "data-reminder=\"follow-up-1\"").count == 3)
            #expect(page.text.contains("Påminnelser sendt"))
        }
    }

    @Test("a follow-up report already filed stops its remaining reminders")
    func filedReportStopsReminders() async throws {
        let time = MovableClock()
        try await withTestApp(clock: time.clock) { app in
            let world = try await TestWorld.make(app)
            try await Self.extendSessions(app)
            let record = try await AuthorizationFixture.record(app, world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 360)) }
            let due = try #require(record.approvals.first?.followUps().first)
            #expect(try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -14))).count == 1)

            let days = Int((Self.noon(due.dueOn.adding(days: -10)).timeIntervalSince(time.now) / 86_400).rounded(.down))
            time.advance(days: days)
            let filed = try await app.postForm(
                "/authorization/centres/\(world.callCentre.id.uuidString.lowercased())/follow-ups/1",
                [
                    "still_meets_application": "yes", "complaints_direct": "0", "complaints_via_consumer_authority": "0",
                    "answered_calls": "500", "connected_calls": "400", "complaints_by_caller": "",
                ], as: world.browser(.callCentreAdmin))
            #expect(filed.status == .seeOther, "\(filed.text.prefix(300))")
            #expect(try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -3))).isEmpty)
        }
    }

    @Test("90 and 30 days before an approval expires the centre is reminded to renew, unless it has applied for continuation")
    func renewalReminders() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            // Approved 2 years and 10 months ago: follow-ups filed, renewal ahead.
            let record = try await AuthorizationFixture.record(app, world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 1000)) }
            let approval = try #require(record.approvals.first)
            let sent = try await AuthorizationReminderJob.run(app, now: Self.noon(approval.validUntil.adding(days: -90)))
            #expect(sent.map(\.key).contains("AP-1/renewal/90"))
            #expect(try await Self.reminderMails(app).contains { $0.subject.contains(approval.validUntil.norwegianFormatted) })

            // The centre applies for continuation; the 30-day reminder is not sent.
            let applied = Self.noon(approval.validUntil.adding(days: -60))
            let id = UUID()
            var application = try AuthorizationApplication(
                id: id.uuidString.lowercased(), applicant: record.centre, applicantName: record.name, kind: .continuation,
                catalogue: try AuthorizationCriteriaCatalogue.demo(), createdAt: applied)
            try application.submit(at: applied)
            try await AuthorizationApplicationModel(id: id, organisationID: world.callCentre.id, application: application, at: applied).create(
                on: app.db)
            let later = try await AuthorizationReminderJob.run(app, now: Self.noon(approval.validUntil.adding(days: -30)))
            #expect(!later.map(\.key).contains("AP-1/renewal/30"))
        }
    }

    @Test("a suspended centre and a centre without an approval get no reminders")
    func noRemindersWithoutRunningApproval() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let record = try await AuthorizationFixture.record(app, world.callCentre) { record in
                try record.add(AuthorizationFixture.approval(record, daysAgo: 360))
                try record.record(
                    AuthorizationSanctionDecision(
                        id: "S-1", centre: record.centre, kind: .suspension(.untilCondition("ny opplæring")),
                        decidedOn: AuthorizationFixture.today.adding(days: -1), reasons: "Brudd på ringetidene"))
            }
            try await AuthorizationFixture.record(app, world.foreignCallCentre) { $0.pendingApplicationSince = AuthorizationFixture.today }
            let due = try #require(record.approvals.first?.followUps().first)
            #expect(try await AuthorizationReminderJob.run(app, now: Self.noon(due.dueOn.adding(days: -14))).isEmpty)
            #expect(try await Self.reminderMails(app).isEmpty)
        }
    }
}
