import Crypto
import Foundation
import SQLKit
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Evidence log: witnesses' cosignatures, the public page, receipts and every kind of evidence")
struct EvidenceCosignatureTests {
    /// The kinds of the log's leaves after moving everything queued into it, with each leaf's text.
    static func leaves(_ app: Application) async throws -> [(kind: String, text: String)] {
        let size = try await app.evidenceLog.flush(on: app.db, now: testNow)
        var out: [(String, String)] = []
        for index in 0..<size {
            let text = String(decoding: try #require(try await EvidenceLog.leaf(at: index, on: app.db)), as: UTF8.self)
            let kind = text.range(of: #""kind":"[a-z_]+""#, options: .regularExpression).map { String(text[$0].dropFirst(8).dropLast()) } ?? "?"
            out.append((kind, text))
        }
        return out
    }

    @Test("a named witness's cosignature is taken and shown beside its checkpoint and on the log's page; others are refused")
    func cosignatures() async throws {
        let witness = try #require(EvidenceLogTools.keygen(name: "forbrukertilsynet.test/witness"))
        let stranger = try #require(EvidenceLogTools.keygen(name: "stranger.test/witness"))
        try await withTestApp(adjust: { $0.evidenceWitnesses = [witness.cosignature] }) { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            try await EvidenceLogTests().sales(app, world, campaign: campaign, count: 2, from: 0)
            let key = EvidenceLogTools.verifierKey(app)
            // before any cosignature the page names the witness as not having cosigned
            let before = try await app.get("/bevislogg", as: .anonymous)
            #expect(
                before.status == .ok && before.text.contains("forbrukertilsynet.test/witness") && before.text.contains("Har ikke medsignert ennå"))
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("witness-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: state) }
            @Sendable func fetch(_ path: String) async throws -> (status: Int, body: [UInt8]) {
                let response = try await app.testing().sendRequest(.GET, path)
                return (Int(response.status.code), Array(response.text.utf8))
            }
            let outcome = try await EvidenceWitness.observe(
                verifierKey: key, stateDirectory: state, witnessKey: witness.signer, now: testNow, fetch: fetch)
            guard case .accepted(4, let cosigned?) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            let delivered = try await app.testing().sendRequest(.POST, "/api/v1/evidence/cosignatures") { request in
                request.headers.contentType = .plainText
                request.body = ByteBuffer(string: cosigned)
            }
            #expect(delivered.status == .ok, "\(delivered.text)")
            #expect(try delivered.json()["size"] as? Int == 4)
            // the checkpoint now carries the witness's line, which checks independently
            let checkpoint = try await app.testing().sendRequest(.GET, "/api/v1/evidence/checkpoint").text
            let line = try #require(checkpoint.split(separator: "\n").first { $0.hasPrefix("\u{2014} forbrukertilsynet.test/witness ") })
            let blob = try #require(Data(base64Encoded: String(line.split(separator: " ").last ?? "")))
            let publicKey = try #require(Data(base64Encoded: String(witness.cosignature.split(separator: "+", maxSplits: 2)[2])))
            let text = String(checkpoint[..<(checkpoint.range(of: "\n\n")?.lowerBound ?? checkpoint.endIndex)]) + "\n"
            let time = blob.dropFirst(4).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let verifier = try Curve25519.Signing.PublicKey(rawRepresentation: publicKey.dropFirst())
            #expect(verifier.isValidSignature(blob.dropFirst(12), for: Data(("cosignature/v1\ntime \(time)\n" + text).utf8)))
            // the log still verifies with its own key, the witness line being one more signature
            #expect(IndependentVerifier.checkpoint(checkpoint, key: key)?.1 == 4)
            let list = try await app.testing().sendRequest(.GET, "/api/v1/evidence/cosignatures")
            let items = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(items.count == 1 && items[0]["witness"] as? String == "forbrukertilsynet.test/witness" && items[0]["size"] as? Int == 4)
            let page = try await app.get("/bevislogg?lang=en", as: .anonymous)
            #expect(page.text.contains("Up to date") && page.text.contains(key))
            // the log grows: the witness is shown behind until it cosigns again
            try await EvidenceLogTests().sales(app, world, campaign: campaign, count: 1, from: 2)
            _ = try await app.testing().sendRequest(.GET, "/api/v1/evidence/checkpoint")
            #expect(try await app.get("/bevislogg", as: .anonymous).text.contains("2 oppføringer bak"))

            // a stranger's cosignature, a checkpoint the log never signed, and garbage are refused
            let foreign = try await EvidenceWitness.observe(
                verifierKey: key, stateDirectory: state + "-stranger", witnessKey: stranger.signer, now: testNow, fetch: fetch)
            defer { try? FileManager.default.removeItem(atPath: state + "-stranger") }
            guard case .accepted(_, let strangerNote?) = foreign else {
                Issue.record("\(foreign)")
                return
            }
            for (body, status) in [
                (strangerNote, HTTPStatus.forbidden),
                (cosigned.replacingOccurrences(of: "\n4\n", with: "\n3\n"), .badRequest),
                ("not a note", .badRequest), ("", .badRequest),
            ] {
                let answer = try await app.testing().sendRequest(.POST, "/api/v1/evidence/cosignatures") { request in
                    request.headers.contentType = .plainText
                    request.body = ByteBuffer(string: body)
                }
                #expect(answer.status == status, "\(body.prefix(40)): \(answer.status) \(answer.text)")
                #expect(answer.headers.contentType?.subType == "problem+json")
            }
        }
    }

    @Test("the consumer's receipt offers a proof of the answer, which verifies offline with the log's key")
    func receiptProof() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (id, token) = try await ConsumerOfferPagesTests.sentOffer(app, world)
            let receipt = try await app.postForm("/t/\(token)/accept", [:], as: .anonymous)
            #expect(receipt.status == .ok && receipt.text.contains("/t/\(token)/proof"))
            // straight after the answer: the proof is there without waiting for the log's job
            let proof = try await app.get("/t/\(token)/proof", as: .anonymous)
            #expect(proof.status == .ok)
            #expect(proof.headers.first(name: .contentDisposition)?.contains(".proof") == true)
            let check = ProofBundle.check(file: Array(proof.text.utf8), verifierKey: EvidenceLogTools.verifierKey(app))
            #expect((try? check.get())?.hasPrefix("ok: leaf") == true, "\(check)")
            let bundle = try ProofBundle.parse(Array(proof.text.utf8)).get()
            let leaf = String(decoding: bundle.leaf, as: UTF8.self)
            #expect(leaf.contains("\"event\":\"accepted\"") && leaf.contains(id.uuidString.lowercased()))
            #expect(try await app.get("/t/\(String(repeating: "x", count: token.count))/proof", as: .anonymous).status == .notFound)
        }
    }

    @Test("register imports, authorization decisions and the board's confirmed complaint decisions land in the log without personal data")
    func everyKind() async throws {
        try await withTestApp { app in
            try await importTestRegister(app)
            let steps = ComplaintSteps(app: app, world: try await TestWorld.make(app))
            try await steps.approveCentre()
            let (id, _, _) = try await steps.forward()
            #expect(try await steps.answer(id).status == .seeOther)
            #expect(try await steps.act(id, "board", as: steps.secretariat).status == .seeOther)
            #expect(try await steps.act(id, "vote", ["choice": "warning"], as: steps.board).status == .seeOther)
            let reasons = "Nummeret 912 34 567 var reservert. Kari Nordmann klaget."
            #expect(try await steps.act(id, "decide", ["outcome": "warning", "reasons": reasons], as: steps.board).status == .seeOther)
            #expect(try await steps.act(id, "confirm", as: steps.board).status == .seeOther)
            let leaves = try await Self.leaves(app)
            let kinds = Dictionary(grouping: leaves, by: \.kind).mapValues(\.count)
            #expect(kinds["register_import"] == 1, "\(kinds)")
            #expect(kinds["complaint_decision"] == 1, "\(kinds)")
            // the warning changes the centre's record
            #expect(kinds["authorization_record"] == 1, "\(kinds)")
            let decision = try #require(leaves.first { $0.kind == "complaint_decision" }?.text)
            #expect(
                decision.contains("\"outcome\":\"warning\"") && decision.contains("\"sanction\":\"warning\"") && decision.contains("reasons_sha256"))
            for leaf in leaves {
                for secret in ["912 34 567", "91234567", "Kari", "Nordmann", "kari@example.no"] { #expect(!leaf.text.contains(secret)) }
            }
        }
    }

    @Test("each state an authorization application moves through, and the approval on the centre's record, land in the log")
    func authorizationDecisions() async throws {
        try await withTestApp { app in
            let steps = AuthorizationSteps(app: app, world: try await TestWorld.make(app))
            let path = try await steps.open()
            try await steps.attachAll(path)
            try await steps.approve(path)
            let leaves = try await Self.leaves(app)
            let states = leaves.filter { $0.kind == "authorization_application" }.compactMap { leaf in
                leaf.text.range(of: #""state":"[a-z_]+""#, options: .regularExpression).map { String(leaf.text[$0].dropFirst(9).dropLast()) }
            }
            // one test clock: the three were queued in the same millisecond, so their order in the log is the queue's
            #expect(states.sorted() == ["approved", "submitted", "under_review"], "\(states)")
            let records = leaves.filter { $0.kind == "authorization_record" }.map(\.text)
            #expect(records.contains { $0.contains("\"state\":\"approved\"") && $0.contains("document_sha256") }, "\(records)")
            #expect(!records.contains { $0.contains(steps.world.callCentre.orgnr) })
        }
    }
}
