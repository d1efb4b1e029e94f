import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Refused actions answer with a clear status and change nothing.
@Suite("Authorization scheme: bad input and actions out of order")
struct AuthorizationBadInputTests {
    /// Everything the scheme stores, to compare before and after a refused request.
    static func snapshot(_ app: Application) async throws -> [String] {
        let applications = try await AuthorizationApplicationModel.query(on: app.db).all().map { "\($0.state)|\($0.applicationJSON)" }
        let records = try await AuthorizationRecordModel.query(on: app.db).all().map(\.recordJSON)
        let files = try await AuthorizationEvidenceFileModel.query(on: app.db).all().map { "\($0.criterionID)|\($0.sha256)" }
        let fees = try await AuthorizationFeeModel.query(on: app.db).all().map(\.feeJSON)
        return (applications + records + files + fees).sorted()
    }

    /// The first criterion of the demo catalogue that asks for a document.
    static func documentCriterion() throws -> String {
        try #require(try AuthorizationCriteriaCatalogue.demo().criteria.first { $0.evidence == .document }?.id)
    }

    @Test("evidence of the wrong type, with a lying extension, empty or too large is refused (415, 415, 422, 413) and nothing is stored")
    func uploads() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            let path = try await steps.open()
            let criterion = try Self.documentCriterion()
            let before = try await Self.snapshot(app)
            let executable: [UInt8] = [0x4D, 0x5A, 0x90, 0x00] + Array(repeating: 0, count: 60)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            let cases: [(name: String, bytes: [UInt8], status: HTTPStatus, says: String)] = [
                ("rapport.pdf", executable, .unsupportedMediaType, "rapport.pdf"),
                ("skjermbilde.pdf", png, .unsupportedMediaType, "skjermbilde.pdf"),
                ("tom.pdf", [], .unprocessableEntity, "tom.pdf"),
                (
                    "stor.pdf", AuthorizationSteps.pdf + Array(repeating: 0x20, count: AuthorizationUploadPolicy.standard.maximumBytes),
                    .payloadTooLarge, "stor.pdf"
                ),
            ]
            for upload in cases {
                let response = try await app.postMultipart(
                    path + "/evidence", fields: ["criterion": criterion], file: (upload.name, upload.bytes), as: steps.centre)
                #expect(response.status == upload.status, "\(upload.name): \(response.status)")
                #expect(response.text.contains(upload.says), "\(upload.name): the answer names the file")
            }
            let unknown = try await app.postMultipart(
                path + "/evidence", fields: ["criterion": "no-such-criterion"], file: ("a.pdf", AuthorizationSteps.pdf), as: steps.centre)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.text.contains("criterion"))
            #expect(try await Self.snapshot(app) == before)
            #expect(try await AuthorizationEvidenceFileModel.query(on: app.db).count() == 0)
        }
    }

    @Test("only board members vote, recuse and decide: the secretariat, the centre and an agent get 403 and nothing changes")
    func votesByOutsiders() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            let path = try await steps.open()
            try await steps.attachAll(path)
            #expect(try await app.postForm(path + "/submit", [:], as: steps.centre).status == .seeOther)
            #expect(try await app.postForm(path + "/review", [:], as: steps.secretariat).status == .seeOther)
            let before = try await Self.snapshot(app)
            for outsider in [steps.secretariat, steps.centre, world.browser(.agent)] {
                #expect(try await app.postForm(path + "/vote", ["choice": "approve"], as: outsider).status.code >= 403)
                #expect(try await app.postForm(path + "/recuse", ["reason": "inhabil"], as: outsider).status.code >= 403)
                #expect(try await app.postForm(path + "/decide", ["outcome": "approve", "reasons": "ok"], as: outsider).status.code >= 403)
            }
            #expect(try await app.postForm(path + "/vote", ["choice": "approve"], as: steps.secretariat).status == .forbidden)
            #expect(try await app.postForm(path + "/decide", ["outcome": "approve", "reasons": "ok"], as: steps.centre).status == .forbidden)
            #expect(try await Self.snapshot(app) == before)
        }
    }

    @Test("a decision without reasons is 422 naming the field, an unknown outcome or vote is 422, and the case stays under review")
    func decisionsWithoutReasons() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            let path = try await steps.open()
            try await steps.attachAll(path)
            #expect(try await app.postForm(path + "/submit", [:], as: steps.centre).status == .seeOther)
            #expect(try await app.postForm(path + "/review", [:], as: steps.secretariat).status == .seeOther)
            #expect(try await app.postForm(path + "/vote", ["choice": "approve"], as: steps.board).status == .seeOther)
            let before = try await Self.snapshot(app)
            for reasons in ["", "   "] {
                let response = try await app.postForm(path + "/decide", ["outcome": "approve", "reasons": reasons], as: steps.board)
                #expect(response.status == .unprocessableEntity)
                #expect(response.text.contains("reasons"))
            }
            #expect(try await app.postForm(path + "/decide", ["outcome": "maybe", "reasons": "x"], as: steps.board).status == .unprocessableEntity)
            #expect(try await app.postForm(path + "/vote", ["choice": "perhaps"], as: steps.board).status == .unprocessableEntity)
            #expect(try await app.postForm(path + "/vote", ["choice": "reject"], as: steps.board).status == .conflict, "a member votes once")
            #expect(try await Self.snapshot(app) == before)
            #expect(try await steps.status() == "under_review")
        }
    }

    @Test("actions out of order are 409 and change nothing: review, vote and decide before submission, submitting twice, attaching after submission")
    func actionsOutOfOrder() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            let path = try await steps.open()
            try await steps.attachAll(path)
            var before = try await Self.snapshot(app)
            #expect(try await app.postForm(path + "/review", [:], as: steps.secretariat).status == .conflict)
            #expect(try await app.postForm(path + "/return", ["comment": "Mangler"], as: steps.secretariat).status == .conflict)
            #expect(try await app.postForm(path + "/vote", ["choice": "approve"], as: steps.board).status == .conflict)
            #expect(try await app.postForm(path + "/decide", ["outcome": "approve", "reasons": "Alt i orden."], as: steps.board).status == .conflict)
            #expect(try await Self.snapshot(app) == before)
            #expect(try await app.api(.GET, "/api/v1/register/\(world.callCentre.orgnr)", key: nil).status == .notFound, "never approved")

            #expect(try await app.postForm(path + "/submit", [:], as: steps.centre).status == .seeOther)
            before = try await Self.snapshot(app)
            #expect(try await app.postForm(path + "/submit", [:], as: steps.centre).status == .conflict)
            #expect(
                try await app.postForm(path + "/decide", ["outcome": "approve", "reasons": "Alt i orden."], as: steps.board).status == .conflict,
                "not yet sent to the board")
            let late = try await app.postMultipart(
                path + "/evidence", fields: ["criterion": try Self.documentCriterion()], file: ("ny.pdf", AuthorizationSteps.pdf), as: steps.centre)
            #expect(late.status == .conflict)
            #expect(try await Self.snapshot(app) == before)
        }
    }

    @Test(
        "sanctions: dates out of order or malformed, no reasons, unknown kinds, no running approval and non-board users are refused; the record is unchanged"
    )
    func sanctions() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            // No approval yet: nothing to sanction.
            #expect(try await steps.sanction(["kind": "warning", "reasons": "Brudd."]).status == .conflict)

            try await AuthorizationFixture.record(app, world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 100)) }
            #expect(
                try await steps.sanction([
                    "kind": "warning", "reasons": "Samtaler etter kl. 21.", "effective_from": AuthorizationFixture.today.description,
                ]).status == .seeOther)
            let before = try await Self.snapshot(app)
            let today = AuthorizationFixture.today
            let refused: [(fields: [String: String], status: HTTPStatus, field: String)] = [
                (
                    [
                        "kind": "suspension", "reasons": "Brudd.", "effective_from": today.adding(days: 10).description,
                        "until": today.adding(days: 5).description,
                    ], .unprocessableEntity, "until"
                ),
                (
                    [
                        "kind": "suspension", "reasons": "Brudd.", "effective_from": today.adding(days: 10).description,
                        "until": today.adding(days: 10).description,
                    ], .unprocessableEntity, "until"
                ),
                (
                    ["kind": "warning", "reasons": "Brudd.", "effective_from": today.adding(days: -30).description], .unprocessableEntity,
                    "effective_from"
                ),
                (["kind": "warning", "reasons": "Brudd.", "effective_from": "31.02.2026"], .unprocessableEntity, "effective_from"),
                (["kind": "suspension", "reasons": "Brudd.", "until": "i morgen"], .unprocessableEntity, "until"),
                (["kind": "warning", "reasons": ""], .unprocessableEntity, "reasons"),
                (["kind": "fine", "reasons": "Brudd."], .unprocessableEntity, "kind"),
                (["kind": "reinstatement", "reasons": "Ikke suspendert."], .conflict, ""),
            ]
            for attempt in refused {
                let response = try await steps.sanction(attempt.fields)
                #expect(response.status == attempt.status, "\(attempt.fields): \(response.status) \(response.text.prefix(300))")
                if !attempt.field.isEmpty { #expect(response.text.contains(attempt.field), "\(attempt.fields) names \(attempt.field)") }
            }
            for outsider in [steps.secretariat, steps.centre] {
                #expect(
                    try await app.postForm(steps.centrePath + "/sanctions", ["kind": "revocation", "reasons": "x"], as: outsider).status == .forbidden
                )
            }
            #expect(try await Self.snapshot(app) == before)
            #expect(try await steps.status() == "approved")
        }
    }
}
