import Crypto
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Evidence log witness")
struct EvidenceWitnessTests {
    @Test("the witness accepts a growing log and cosigns it; a forked or rolled-back checkpoint is refused and the state kept")
    func witness() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let helper = EvidenceLogTests()
            try await helper.sales(app, world, campaign: campaign, count: 2, from: 0)
            let key = EvidenceLogTools.verifierKey(app)
            let witnessKey = try #require(EvidenceLogTools.keygen(name: "board.test/witness")).signer
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("witness-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: state) }
            @Sendable func real(_ path: String) async throws -> (status: Int, body: [UInt8]) {
                let response = try await app.testing().sendRequest(.GET, path)
                return (Int(response.status.code), Array(response.text.utf8))
            }
            let first = try await EvidenceWitness.observe(verifierKey: key, stateDirectory: state, witnessKey: witnessKey, now: testNow, fetch: real)
            guard case .accepted(4, let cosigned?) = first else {
                Issue.record("first observation: \(first)")
                return
            }
            // The cosigned note carries the log's signature and the witness's, which checks with swift-crypto alone.
            let lines = cosigned.split(separator: "\n")
            let witnessLine = try #require(lines.last { $0.hasPrefix("\u{2014} board.test/witness ") })
            let blob = try #require(Data(base64Encoded: String(witnessLine.split(separator: " ").last ?? "")))
            let signer = try #require(try? NoteSigner.parse(witnessKey).get())
            let text = String(cosigned[..<(cosigned.range(of: "\n\n")?.lowerBound ?? cosigned.endIndex)]) + "\n"
            #expect(
                signer.verifier.publicKey.isValidSignature(
                    blob.dropFirst(12), for: Data(("cosignature/v1\ntime \(Int(testNow.timeIntervalSince1970))\n" + text).utf8)))

            try await helper.sales(app, world, campaign: campaign, count: 2, from: 2)
            let second = try await EvidenceWitness.observe(verifierKey: key, stateDirectory: state, witnessKey: nil, now: testNow, fetch: real)
            #expect(second == .accepted(size: 8, cosignedNote: nil))

            // The log lies: a checkpoint signed with its key for a tree that does not extend the one seen.
            let logSigner = app.evidenceLog.signer
            let forged = try logSigner.sign(Checkpoint(origin: logSigner.name, size: 10, root: Array(repeating: 7, count: 32)).text).encoded
            let forkedNote = try logSigner.sign(Checkpoint(origin: logSigner.name, size: 8, root: Array(repeating: 8, count: 32)).text).encoded
            let rolledBack = try logSigner.sign(Checkpoint(origin: logSigner.name, size: 6, root: Array(repeating: 9, count: 32)).text).encoded
            for (note, expected) in [(forged, "fork"), (forkedNote, "fork"), (rolledBack, "rollback")] {
                let outcome = try await EvidenceWitness.observe(verifierKey: key, stateDirectory: state, witnessKey: nil, now: testNow) { path in
                    if path.hasSuffix("/checkpoint") { return (200, Array(note.utf8)) }
                    // The consistency proof the real log gives for its own sizes (the forged size is past it).
                    let answer = try await real(path)
                    return answer.status == 200 ? answer : (200, Array(#"{"from":8,"to":10,"hashes":[]}"#.utf8))
                }
                guard case .refused(let reason) = outcome else {
                    Issue.record("accepted a \(expected): \(outcome)")
                    continue
                }
                #expect(reason.hasPrefix(expected), "\(reason)")
            }
            // The state is still the honest checkpoint of 8 entries.
            let stored = try #require(FileManager.default.contents(atPath: state + "/checkpoint"))
            #expect(String(decoding: stored, as: UTF8.self).contains("\n8\n"))
            let badKey = try await EvidenceWitness.observe(verifierKey: "nonsense", stateDirectory: state, witnessKey: nil, now: testNow, fetch: real)
            guard case .refused = badKey else {
                Issue.record("a malformed key was accepted")
                return
            }
        }
    }
}
