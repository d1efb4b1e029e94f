import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Background jobs")
struct JobRunnerTests {
    /// A job that fails while `failing` is set and counts its runs.
    final class Probe: Sendable {
        let runs = NIOLockedValueBox(0)
        let failing = NIOLockedValueBox(true)

        func definition(maxAttempts: Int = 3) -> JobDefinition {
            JobDefinition(
                name: "probe", summary: Phrase(nb: "Prøvejobb", en: "Probe job"), schedule: .every(seconds: 60), maxAttempts: maxAttempts,
                retry: RetrySchedule(initialDelay: 30, multiplier: 2, maximumDelay: 3600, maximumAttempts: maxAttempts), lease: 120
            ) { [self] _ in
                runs.withLockedValue { $0 += 1 }
                if failing.withLockedValue({ $0 }) { throw Abort(.internalServerError, reason: "the probe failed on purpose") }
                return "probed"
            }
        }
    }

    @Test("each recurring job runs once per slot: a second pass in the same slot runs nothing, the next slot runs again")
    func oncePerSlot() async throws {
        try await withTestApp { app in
            let first = try await JobRunner.runDue(app, now: testNow)
            #expect(Set(first.map(\.kind)) == Set(JobList.all.map(\.name)))
            #expect(first.allSatisfy { $0.status == .done })
            #expect(try await JobRunner.runDue(app, now: testNow.addingTimeInterval(1)).isEmpty)
            // 5 s later only the 5-second jobs have a new slot.
            let later = try await JobRunner.runDue(app, now: testNow.addingTimeInterval(5))
            #expect(Set(later.map(\.kind)) == ["offer-expiry", "evidence-log"])
        }
    }

    @Test("two processes running the jobs at the same moment run each job once between them")
    func twoProcesses() async throws {
        try await withTestApp { app in
            try await withSecondProcess(of: app) { other in
                for round in 0..<3 {
                    let now = testNow.addingTimeInterval(Double(round) * 3600)
                    async let one = JobRunner.runDue(app, now: now)
                    async let two = JobRunner.runDue(other, now: now)
                    let ran = try await one + two
                    let expected = round == 0 ? JobList.all.count : JobList.all.filter { if case .every = $0.schedule { true } else { false } }.count
                    #expect(ran.count == expected, "round \(round)")
                    #expect(Set(ran.map(\.kind)).count == ran.count, "no job twice in round \(round)")
                }
                let done = try await JobModel.query(on: app.db).filter(\.$kind == "offer-expiry").count()
                #expect(done == 3)
            }
        }
    }

    @Test("a failing job is retried after 30 s and 60 s, runs no new slot meanwhile, and is dead after its last attempt")
    func retriesThenDead() async throws {
        try await withTestApp { app in
            let probe = Probe()
            app.jobs = JobRegistry([probe.definition()])
            let first = try await JobRunner.runDue(app, now: testNow)
            #expect(first.first?.status == .queued)
            #expect(first.first?.lastError?.contains("on purpose") == true)
            #expect(try await JobRunner.runDue(app, now: testNow.addingTimeInterval(29)).isEmpty)
            // The next minute's slot is not scheduled while the failed run waits for its retry.
            #expect(try await JobRunner.runDue(app, now: testNow.addingTimeInterval(30)).map(\.attempts) == [2])
            #expect(try await JobRunner.runDue(app, now: testNow.addingTimeInterval(89)).isEmpty)
            let last = try await JobRunner.runDue(app, now: testNow.addingTimeInterval(90))
            #expect(last.map(\.status) == [.dead])
            #expect(probe.runs.withLockedValue { $0 } == 3)
            #expect(try await JobModel.query(on: app.db).count() == 1)
        }
    }

    @Test("the association's administrators see a dead job on /jobs, can queue it again and run a job now; others may not")
    func administratorsPage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let probe = Probe()
            app.jobs = JobRegistry(JobList.all + [probe.definition(maxAttempts: 1)])
            _ = try await JobRunner.runDue(app, now: testNow)
            let admin = world.browser(.associationAdmin)
            let page = try await app.get("/jobs", as: admin)
            #expect(page.status == .ok)
            #expect(page.text.contains("Stoppet (forsøk brukt opp)"))
            #expect(page.text.contains("the probe failed on purpose"))
            #expect(page.text.contains("Lar tilbud som ikke er besvart innen fristen, utløpe."))
            #expect(page.text.contains("hvert 5. sekund"))
            #expect(page.text.contains("daglig kl. 03:30"))
            for role in [Role.callCentreAdmin, .agent, .clientUser, .boardMember] {
                #expect(try await app.get("/jobs", as: world.browser(role)).status == .forbidden, "\(role)")
            }
            let dead = try #require(try await JobModel.query(on: app.db).filter(\.$kind == "probe").first())
            #expect(
                try await app.postForm(SiteRoute.requeueJob(try dead.requireID()).path, [:], as: world.browser(.callCentreAdmin)).status == .forbidden
            )
            #expect(try await app.postForm(SiteRoute.requeueJob(try dead.requireID()).path, [:], as: admin).status == .seeOther)
            probe.failing.withLockedValue { $0 = false }
            let rerun = try await JobRunner.runDue(app, now: testNow.addingTimeInterval(1))
            #expect(rerun.map(\.status) == [.done])
            #expect(rerun.first?.result == "probed")
            let now = try await app.postForm(SiteRoute.runJob("offer-expiry").path, [:], as: admin)
            #expect(now.status == .ok)
            #expect(now.text.contains("Jobben er kjørt"))
            #expect(try await app.postForm(SiteRoute.runJob("no-such-job").path, [:], as: admin).status == .notFound)
        }
    }

    @Test("a run whose worker stopped is taken over when its lease runs out, and counts as an attempt")
    func leaseTakeover() async throws {
        try await withTestApp { app in
            let probe = Probe()
            probe.failing.withLockedValue { $0 = false }
            app.jobs = JobRegistry([probe.definition()])
            try await JobRunner.schedule(app, now: testNow)
            // A worker claims the run and dies before running it.
            #expect(try await JobRunner.claim(app, now: testNow, limit: 10).count == 1)
            #expect(try await JobRunner.runDue(app, now: testNow.addingTimeInterval(60)).isEmpty, "still leased, and no new slot while it is open")
            let taken = try await JobRunner.runDue(app, now: testNow.addingTimeInterval(121))
            #expect(taken.map(\.status) == [.done])
            #expect(taken.map(\.attempts) == [2])
            #expect(probe.runs.withLockedValue { $0 } == 1)
        }
    }

    @Test("one-off runs queued by a feature run once when due, whatever the number of times they were queued")
    func oneOff() async throws {
        try await withTestApp { app in
            let probe = Probe()
            probe.failing.withLockedValue { $0 = false }
            let oneOff = JobDefinition(name: "one-off", summary: "x", schedule: nil) { context in
                struct Payload: Decodable { let n: Int }
                return "n=\(try context.decode(Payload.self).n)"
            }
            app.jobs = JobRegistry([oneOff])
            for _ in 0..<3 {
                try await JobQueue.enqueue(
                    "one-off", payload: ["n": 7], runAt: testNow.addingTimeInterval(10), uniqueKey: "one-off:7", on: app.db, now: testNow)
            }
            #expect(try await JobRunner.runDue(app, now: testNow).isEmpty)
            let ran = try await JobRunner.runDue(app, now: testNow.addingTimeInterval(10))
            #expect(ran.map(\.result) == ["n=7"])
        }
    }
}
