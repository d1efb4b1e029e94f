import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Steps of a complaint through HTTP, shared by the handling tests.
struct ComplaintSteps {
    let app: Application
    let world: TestWorld
    var centre: Browser { world.browser(.callCentreAdmin) }
    var secretariat: Browser { world.browser(.associationAdmin) }
    var board: Browser { world.browser(.boardMember) }
    static let pdf: [UInt8] = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".utf8)

    /// A complaint about Alfa forwarded by a consumer authority; returns its id, reference and the authority's key.
    func forward(text: String = "De ringte meg selv om jeg er reservert.") async throws -> (id: UUID, reference: String, key: String) {
        let authority = try await ComplaintAPITests().authority(app)
        return try await forward(key: authority.key, text: text)
    }

    func forward(key: String, text: String = "De ringte meg.") async throws -> (id: UUID, reference: String, key: String) {
        let body: [String: Any] = [
            "business_orgnr": world.callCentre.orgnr, "number": "+47 912 34 567", "called_at": OsloTime.iso8601(testNow.addingTimeInterval(-3600)),
            "reasons": ["reserved"], "text": text, "contact": ["name": "Kari Nordmann", "email": "kari@example.no", "phone": "41234567"],
        ]
        let response = try await app.api(
            .POST, "/api/v1/complaints", key: key, json: String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self))
        #expect(response.status == .created, "\(response.text)")
        let json = try response.json()
        let raw = try #require(json["id"] as? String)
        let id = try #require(UUID(uuidString: raw))
        return (id, try #require(json["reference"] as? String), key)
    }

    func path(_ id: UUID) -> String { "/complaints/\(id.uuidString.lowercased())" }

    func answer(_ id: UUID, text: String = "Vi beklager; nummeret var ikke vasket.", file: (name: String, bytes: [UInt8])? = nil) async throws
        -> TestingHTTPResponse
    {
        try await app.postMultipart(path(id) + "/answer", fields: ["text": text], file: file, as: centre)
    }

    func act(_ id: UUID, _ action: String, _ fields: [String: String] = [:], as browser: Browser) async throws -> TestingHTTPResponse {
        try await app.postForm(path(id) + "/" + action, fields, as: browser)
    }

    func stored(_ id: UUID) async throws -> ComplaintModel { try #require(try await ComplaintModel.find(id, on: app.db)) }

    func boardMemberID() async throws -> String {
        try #require(try await UserModel.query(on: app.db).filter(\.$email == "nemnd@nemnda.test").first()?.requireID()).uuidString.lowercased()
    }

    /// Alfa approved 100 days ago.
    func approveCentre() async throws {
        try await AuthorizationFixture.record(app, world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 100)) }
    }

    /// Answered, sent to the board, voted and proposed with `outcome`.
    func toProposal(_ id: UUID, outcome: String, reasons: String, until: String = "") async throws {
        #expect(try await answer(id).status == .seeOther)
        #expect(try await act(id, "board", as: secretariat).status == .seeOther)
        #expect(try await act(id, "vote", ["choice": outcome], as: board).status == .seeOther)
        let proposed = try await act(id, "decide", ["outcome": outcome, "reasons": reasons, "until": until], as: board)
        #expect(proposed.status == .seeOther, "\(proposed.text)")
    }
}

@Suite("Complaint handling: the businesses answer, the board decides, the decision is published")
struct ComplaintHandlingTests {
    @Test(
        "a forwarded complaint asks the centre to answer by a deadline; it sees the case without the consumer's contact details and answers with a PDF"
    )
    func answerWithAttachment() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            let (id, reference, _) = try await steps.forward()
            // given the notice through the outbox, with the deadline 14 days on
            let notice = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "leder@alfa.test").first())
            #expect(notice.subject?.contains("14.12.2026") == true)
            #expect(notice.body.contains(reference) && !notice.body.contains("kari@example.no"))
            // the centre sees the case in its list and on its page, without the contact details
            let list = try await app.get("/complaints", as: steps.centre)
            #expect(list.status == .ok && list.text.contains(reference))
            let page = try await app.get(steps.path(id), as: steps.centre)
            #expect(page.status == .ok)
            #expect(page.text.contains("14.12.2026") && page.text.contains("Venter på svar"))
            for secret in ["kari@example.no", "Kari Nordmann", "412 34 567"] { #expect(!page.text.contains(secret), "\(secret)") }
            #expect(!page.text.contains(id.uuidString.lowercased() + "<"), "no ids as text")
            // the centre's start page lists the complaint it must answer, with the case and the deadline; the
            // foreign centre's does not
            let start = try await app.get("/dashboard", as: steps.centre)
            #expect(start.text.contains("Klager dere må svare på") && start.text.contains(steps.path(id)), "the answer is on the to-do list")
            #expect(start.text.contains("Sak \(reference) · frist 14.12.2026"))
            #expect(!(try await app.get("/dashboard", as: steps.world.foreignAdmin)).text.contains(reference))
            // the board sees them
            let boardPage = try await app.get(steps.path(id), as: steps.board)
            #expect(boardPage.text.contains("kari@example.no") && boardPage.text.contains("412 34 567"))
            // others do not see the case
            #expect(try await app.get(steps.path(id), as: steps.world.foreignAdmin).status == .notFound)
            #expect(try await app.get(steps.path(id), as: steps.world.browser(.clientUser)).status == .notFound)
            #expect(try await app.get(steps.path(id), as: steps.world.browser(.agent)).status == .forbidden)
            // when the centre answers with a PDF
            let answered = try await steps.answer(id, file: ("svar.pdf", ComplaintSteps.pdf))
            #expect(answered.status == .seeOther, "\(answered.text)")
            #expect(try await steps.stored(id).state == .answered)
            let file = try #require(try await ComplaintAttachmentModel.query(on: app.db).first())
            #expect(file.mediaType == "application/pdf")
            let download = try await app.get(steps.path(id) + "/attachments/\(try file.requireID().uuidString.lowercased())", as: steps.board)
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(Array(download.body.readableBytesView) == ComplaintSteps.pdf)
            let shown = try await app.get(steps.path(id) + "?lang=en", as: steps.secretariat)
            #expect(shown.text.contains("svar.pdf") && shown.text.contains("The call centre"))
            // a second answer from the same side is refused, and nothing more is stored
            #expect(try await steps.answer(id).status == .conflict)
            #expect(try await ComplaintAnswerModel.query(on: app.db).count() == 1)
        }
    }

    @Test("an oversized, wrongly typed or mislabelled attachment and an empty answer are refused in both languages; nothing is stored")
    func badAttachments() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            let (id, _, _) = try await steps.forward()
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
            let big = ComplaintSteps.pdf + [UInt8](repeating: 0x20, count: 5 * 1024 * 1024)
            let cases: [((String, [UInt8])?, String, UInt)] = [
                (("svar.pdf", big), "Vårt svar", 413),
                (("svar.exe", Array("MZ\u{90}\u{0}".utf8)), "Vårt svar", 415),
                (("svar.pdf", Array("<html>".utf8)), "Vårt svar", 415),
                (("bilde.pdf", png), "Vårt svar", 415),
                (nil, "   ", 422),
            ]
            for (file, text, status) in cases {
                let response = try await steps.answer(id, text: text, file: file.map { (name: $0.0, bytes: $0.1) })
                #expect(response.status.code == status, "\(file?.0 ?? "no file"): \(response.status)")
                #expect(response.text.contains("Klage "), "the case page comes back")
                #expect(response.text.contains("id=\"e-"), "the problem is by its field")
                if text != "   " { #expect(response.text.contains("Vårt svar"), "the text typed is kept") }
            }
            #expect(try await ComplaintAnswerModel.query(on: app.db).count() == 0)
            #expect(try await ComplaintAttachmentModel.query(on: app.db).count() == 0)
            #expect(try await steps.stored(id).state == .awaitingAnswer)
            let folder = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("complaints")
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
            #expect(files.filter { !$0.hasSuffix("/") && $0.contains("/") }.isEmpty, "no file left behind: \(files)")
            let english = try await app.postMultipart(
                steps.path(id) + "/answer?lang=en", fields: ["text": "x"], file: ("bilde.pdf", png), as: steps.centre)
            #expect(english.status == .unsupportedMediaType)
        }
    }

    @Test("a reminder goes out before the deadline, once; a late answer is marked overdue and flagged to the board")
    func remindersAndOverdue() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            let (id, reference, _) = try await steps.forward()
            func reminders() async throws -> Int {
                try await OutboxMessageModel.query(on: app.db).all().filter { $0.idempotencyKey.hasPrefix("complaint-reminder:") }.count
            }
            // nothing ten days before
            try await ComplaintJobs.runDeadlines(app, now: testNow.addingTimeInterval(4 * 86_400))
            #expect(try await reminders() == 0)
            // three days before: one reminder, not repeated by the next run
            try await ComplaintJobs.runDeadlines(app, now: testNow.addingTimeInterval(11.5 * 86_400))
            try await ComplaintJobs.runDeadlines(app, now: testNow.addingTimeInterval(12 * 86_400))
            #expect(try await reminders() == 1)
            let reminder = try #require(
                try await OutboxMessageModel.query(on: app.db).all().first { $0.idempotencyKey.hasPrefix("complaint-reminder:") })
            #expect(reminder.recipient == "leder@alfa.test" && reminder.body.contains("14.12.2026"))
            // after the deadline: overdue, and the board is told
            try await ComplaintJobs.runDeadlines(app, now: testNow.addingTimeInterval(15 * 86_400))
            #expect(try await steps.stored(id).state == .overdue)
            let flagged = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "nemnd@nemnda.test").all()
            #expect(flagged.count == 1 && flagged[0].body.contains(reference))
            // the board's list filters by overdue and by state
            let overdue = try await app.get("/complaints?overdue=1", as: steps.board)
            #expect(overdue.text.contains(reference))
            let answered = try await app.get("/complaints?state=answered", as: steps.board)
            #expect(!answered.text.contains(reference))
            let byCentre = try await app.get("/complaints?centre=\(steps.world.foreignCallCentre.id.uuidString.lowercased())", as: steps.board)
            #expect(!byCentre.text.contains(reference))
            // an overdue case can go to the board without an answer
            #expect(try await steps.act(id, "board", as: steps.secretariat).status == .seeOther)
            #expect(try await steps.stored(id).state == .withBoard)
        }
    }

    @Test(
        "the board: rapporteur, stop-the-clock shown on the case, a non-board vote refused, reasons required, confirmation before anything is sent; a warning reaches the public register and the decision is published anonymised"
    )
    func boardToWarning() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            try await steps.approveCentre()
            let (id, reference, key) = try await steps.forward()
            #expect(try await steps.answer(id).status == .seeOther)
            #expect(try await steps.act(id, "board", as: steps.secretariat).status == .seeOther)
            let member = try await steps.boardMemberID()
            #expect(try await steps.act(id, "rapporteur", ["member": member], as: steps.secretariat).status == .seeOther)
            #expect(try await steps.stored(id).handling()?.rapporteurID == member)
            // stop-the-clock, shown on the case, then restarted
            #expect(
                try await steps.act(id, "clock", ["clock": "stop", "reason": "Venter på lydopptak fra callsenteret"], as: steps.board).status
                    == .seeOther)
            let stopped = try await app.get(steps.path(id), as: steps.board)
            #expect(stopped.text.contains("Klokken står") && stopped.text.contains("Venter på lydopptak"))
            #expect(try await steps.act(id, "clock", ["clock": "resume"], as: steps.board).status == .seeOther)
            // a vote by someone not on the board is refused with a clear error
            let notBoard = try await steps.act(id, "vote", ["choice": "warning"], as: steps.secretariat)
            #expect(notBoard.status == .forbidden)
            #expect(notBoard.text.contains("Bare medlemmer av nemnda"))
            #expect(try await steps.act(id, "vote", ["choice": "warning"], as: steps.centre).status == .forbidden)
            #expect(try await steps.stored(id).handling()?.votes.isEmpty == true)
            #expect(try await steps.act(id, "vote", ["choice": "warning"], as: steps.board).status == .seeOther)
            // a decision without reasons is refused; the page keeps the form and says why
            let noReasons = try await steps.act(id, "decide", ["outcome": "warning", "reasons": "  "], as: steps.board)
            #expect(noReasons.status == .unprocessableEntity)
            #expect(noReasons.text.contains("Vedtaket må begrunnes"))
            #expect(try await steps.stored(id).handling()?.decision == nil)
            let agent = "Test agent"
            let reasons = "Nummeret 912 34 567 var reservert, og selger \(agent) ringte uten ringesjekk. Kari Nordmann klaget."
            #expect(try await steps.act(id, "decide", ["outcome": "warning", "reasons": reasons], as: steps.board).status == .seeOther)
            // proposed, not yet sent: the register shows no warning and nobody is told
            let before = try await app.get("/register/\(steps.world.callCentre.orgnr)", as: .anonymous)
            #expect(!before.text.contains("Advarsler fra nemnda"))
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "kari@example.no").count() == 0)
            // confirmed: recorded, told, published
            #expect(try await steps.act(id, "confirm", as: steps.board).status == .seeOther)
            #expect(try await steps.stored(id).state == .decided)
            let register = try await app.get("/register/\(steps.world.callCentre.orgnr)", as: .anonymous)
            #expect(register.text.contains("Advarsler fra nemnda") && register.text.contains("30.11.2026"))
            #expect(!register.text.contains("912 34 567") && !register.text.contains(agent) && !register.text.contains("Kari"))
            let record = try #require(try await AuthorizationCases.recordModel(organisationID: steps.world.callCentre.id, on: app.db)).record()
            #expect(record.sanctions.map(\.kind) == [.warning])
            let toConsumer = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "kari@example.no").all()
            #expect(toConsumer.count == 1 && toConsumer[0].body.contains("advarsel") && toConsumer[0].body.contains("Begrunnelse"))
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "+4741234567").count() == 1)
            #expect(
                try await OutboxMessageModel.query(on: app.db).all().filter {
                    $0.idempotencyKey.hasPrefix("complaint-decision:") && $0.recipient == "leder@alfa.test"
                }.count == 1)
            // published anonymised, with search
            let published = try await app.get("/klage/avgjorelser", as: .anonymous)
            #expect(published.status == .ok && published.text.contains(reference) && published.text.contains("Advarsel"))
            for secret in ["912 34 567", agent, "Kari", "kari@example.no", "41234567"] { #expect(!published.text.contains(secret), "\(secret)") }
            #expect(try await app.get("/klage/avgjorelser?q=alfa", as: .anonymous).text.contains(reference))
            #expect(!(try await app.get("/klage/avgjorelser?q=ingen+slik", as: .anonymous).text.contains(reference)))
            #expect(try await app.get("/klage/avgjorelser?lang=en", as: .anonymous).text.contains("Warning"))
            // the authority's CSV has its case and the outcome; another authority's and a centre's key do not
            let csv = try await app.api(.GET, "/api/v1/complaints/export", key: key)
            #expect(csv.status == .ok && csv.text.contains(reference) && csv.text.contains("warning") && csv.text.contains("30.11.2026"))
            let other = try await ComplaintAPITests().authority(app, orgnr: "971526920", name: "Annet tilsyn")
            #expect(!(try await app.api(.GET, "/api/v1/complaints/export", key: other.key).text.contains(reference)))
            #expect(try await app.api(.GET, "/api/v1/complaints/export", key: steps.world.callCentreKey).status == .forbidden)
            // closed: no more steps
            #expect(try await steps.act(id, "close", as: steps.secretariat).status == .seeOther)
            #expect(try await steps.act(id, "vote", ["choice": "dismissed"], as: steps.board).status == .conflict)
        }
    }

    @Test(
        "a complaint from the public form ends in a suspension: the register shows the centre suspended, never approved, and the follow page shows the outcome"
    )
    func webComplaintToSuspension() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            try await steps.approveCentre()
            let web = ComplaintWebTests()
            let sent = try await web.post(app, "/klage", web.valid())
            let location = try #require(sent.headers.first(name: .location))
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "+4791234567").first())
            let code = try #require(sms.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(sms.body[$0]) })
            let confirmed = try await web.post(app, location, [("code", code)])
            let follow = try #require(
                confirmed.text.range(of: #"/klage/sak/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(confirmed.text[$0]) })
            let complaint = try #require(try await ComplaintModel.query(on: app.db).first())
            let id = try complaint.requireID()
            #expect(complaint.callCentreID == steps.world.callCentre.id, "the business named on the form is asked to answer")
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "leder@alfa.test").count() == 1)
            let approved = try await app.get("/register/\(steps.world.callCentre.orgnr)", as: .anonymous)
            #expect(approved.text.contains("data-status=\"approved\""))
            // a suspension needs its end
            #expect(try await steps.answer(id).status == .seeOther)
            #expect(try await steps.act(id, "board", as: steps.secretariat).status == .seeOther)
            #expect(try await steps.act(id, "vote", ["choice": "suspension"], as: steps.board).status == .seeOther)
            let noEnd = try await steps.act(id, "decide", ["outcome": "suspension", "reasons": "Gjentatte brudd."], as: steps.board)
            #expect(noEnd.status == .unprocessableEntity && noEnd.text.contains("Oppgi når suspensjonen slutter"))
            #expect(noEnd.text.contains("Gjentatte brudd."), "the reasons typed are kept")
            #expect(
                try await steps.act(id, "decide", ["outcome": "suspension", "reasons": "Gjentatte brudd.", "until": "2027-03-01"], as: steps.board)
                    .status == .seeOther)
            #expect(try await steps.act(id, "confirm", as: steps.board).status == .seeOther)
            let register = try await app.get("/register/\(steps.world.callCentre.orgnr)", as: .anonymous)
            #expect(register.text.contains("data-status=\"suspended\"") && !register.text.contains("data-status=\"approved\""))
            let list = try await app.get("/register?q=Alfa", as: .anonymous)
            #expect(!list.text.contains("status-approved"), "a suspended centre never shows as approved")
            let followed = try await app.get(follow, as: .anonymous)
            #expect(followed.text.contains("Avgjørelse") && followed.text.contains("Suspensjon") && followed.text.contains("Gjentatte brudd."))
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "kari@example.no").count() == 1)
        }
    }

    @Test("a sanction on a centre without a running approval is refused at confirmation and nothing is stored half")
    func sanctionWithoutApproval() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            let (id, _, _) = try await steps.forward()
            try await steps.toProposal(id, outcome: "revocation", reasons: "Alvorlige brudd.")
            let refused = try await steps.act(id, "confirm", as: steps.board)
            #expect([409, 422].contains(refused.status.code), "\(refused.status)")
            let stored = try await steps.stored(id)
            #expect(stored.state == .withBoard && stored.outcome == nil && stored.publishedReasons == nil)
            #expect(try stored.handling()?.decision?.confirmedAt == nil)
            #expect(try await OutboxMessageModel.query(on: app.db).all().filter { $0.idempotencyKey.hasPrefix("complaint-decision:") }.isEmpty)
            #expect(try await AuthorizationCases.recordModel(organisationID: steps.world.callCentre.id, on: app.db) == nil)
        }
    }

    @Test("the contact details are erased the retention period after closing; the case and the published decision remain")
    func erasure() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            let (id, reference, _) = try await steps.forward()
            try await steps.toProposal(id, outcome: "dismissed", reasons: "Samtalen var innenfor ringetiden og nummeret var vasket.")
            #expect(try await steps.act(id, "confirm", as: steps.board).status == .seeOther)
            #expect(try await steps.act(id, "close", as: steps.secretariat).status == .seeOther)
            let threeYears = Double(3 * 365) * 86_400
            #expect(try await ComplaintJobs.runErasure(app, now: testNow.addingTimeInterval(threeYears - 86_400)) == 0)
            #expect(try await steps.stored(id).contactEmail == "kari@example.no")
            #expect(try await ComplaintJobs.runErasure(app, now: testNow.addingTimeInterval(threeYears + 86_400)) == 1)
            let erased = try await steps.stored(id)
            #expect(erased.contactName == nil && erased.contactEmail == nil && erased.contactPhone == nil && erased.number == nil)
            #expect(erased.state == .closed && erased.outcome == "dismissed" && !erased.numberHash.isEmpty)
            let page = try await app.get(steps.path(id), as: steps.board)
            #expect(page.status == .ok && page.text.contains("Slettet etter oppbevaringstiden") && !page.text.contains("kari@example.no"))
            #expect(try await app.get("/klage/avgjorelser", as: .anonymous).text.contains(reference))
            #expect(try await ComplaintJobs.runErasure(app, now: testNow.addingTimeInterval(threeYears + 2 * 86_400)) == 0)
        }
    }

    @Test("the follow-up report is pre-filled with the complaints about the centre in the approval year: direct and via the consumer authority")
    func followUpFigures() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            try await AuthorizationFixture.record(app, steps.world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 370)) }
            let authority = try await ComplaintAPITests().authority(app)
            let inYear = testNow.addingTimeInterval(-10 * 86_400)
            func draft(_ number: String) -> ComplaintDraft {
                ComplaintDraft(
                    businessOrgnr: steps.world.callCentre.orgnr, number: number, calledAt: inYear.addingTimeInterval(-3600), reasons: ["reserved"],
                    contactEmail: "kari@example.no")
            }
            for number in ["91234567", "41234567"] {
                _ = try await ComplaintService.intake(draft(number), source: .authority(authority.id), app: app, on: app.db, now: inYear)
            }
            let web = try await ComplaintService.intake(draft("93000004"), source: .web, app: app, on: app.db, now: inYear)
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "+4793000004").first())
            let code = try #require(sms.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(sms.body[$0]) })
            _ = try await ComplaintService.confirm(try web.requireID(), code: code, app: app, on: app.db, now: inYear)
            // after the year ended: not counted in year 1
            _ = try await steps.forward(key: authority.key)
            let form = try await app.get("/authorization/centres/\(steps.world.callCentre.id.uuidString.lowercased())/follow-ups/1", as: steps.centre)
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"complaints_direct\" type=\"number\" value=\"1\""), "\(form.text)")
            #expect(form.text.contains("name=\"complaints_via_consumer_authority\" type=\"number\" value=\"2\""))
        }
    }

    @Test("a board member recuses with a reason and may then not vote; a recusal without a reason is refused")
    func recusal() async throws {
        try await withTestApp { app in
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            let (id, _, _) = try await steps.forward()
            #expect(try await steps.answer(id).status == .seeOther)
            #expect(try await steps.act(id, "board", as: steps.secretariat).status == .seeOther)
            let empty = try await steps.act(id, "recuse", ["recusal": " "], as: steps.board)
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Oppgi grunnen til inhabiliteten"))
            #expect(try await steps.act(id, "recuse", ["recusal": "Tidligere ansatt i callsenteret"], as: steps.board).status == .seeOther)
            let vote = try await steps.act(id, "vote", ["choice": "warning"], as: steps.board)
            #expect(vote.status == .conflict && vote.text.contains("Du er inhabil i saken"))
            let page = try await app.get(steps.path(id), as: steps.secretariat)
            #expect(page.text.contains("inhabil — Tidligere ansatt i callsenteret"))
            #expect(try await steps.stored(id).handling()?.votes.isEmpty == true)
        }
    }
}
