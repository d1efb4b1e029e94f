import Crypto
import Fluent
import Foundation
import SQLKit
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// An RFC 6962 log verifier written from the RFC's definitions with swift-crypto alone, independent of the
/// production code: tree heads and proofs are recomputed from the leaves, checkpoint signatures checked
/// with Ed25519 and the signed-note key id.
enum IndependentVerifier {
    static func sha(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
    static func leafHash(_ leaf: [UInt8]) -> [UInt8] { sha([0] + leaf) }
    static func node(_ l: [UInt8], _ r: [UInt8]) -> [UInt8] { sha([1] + l + r) }
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[n]).
    static func mth(_ d: ArraySlice<[UInt8]>) -> [UInt8] {
        if d.isEmpty { return sha([]) }
        if d.count == 1 { return leafHash(d[d.startIndex]) }
        let k = split(d.count)
        return node(mth(d.prefix(k)), mth(d.dropFirst(k)))
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [[UInt8]] {
        if d.count <= 1 { return [] }
        let k = split(d.count)
        return m < k ? path(m, d.prefix(k)) + [mth(d.dropFirst(k))] : path(m - k, d.dropFirst(k)) + [mth(d.prefix(k))]
    }

    /// SUBPROOF(m, D[n], b).
    static func subproof(_ m: Int, _ d: ArraySlice<[UInt8]>, _ b: Bool) -> [[UInt8]] {
        if m == d.count { return b ? [] : [mth(d)] }
        let k = split(d.count)
        return m <= k
            ? subproof(m, d.prefix(k), b) + [mth(d.dropFirst(k))] : subproof(m - k, d.dropFirst(k), false) + [mth(d.prefix(k))]
    }

    /// The root an inclusion proof (nearest the leaf first) leads to, rebuilt top-down; nil if it does not fit.
    static func root(leafHash: [UInt8], index m: Int, size n: Int, proof: [[UInt8]]) -> [UInt8]? {
        var remaining = proof
        func build(_ m: Int, _ n: Int) -> [UInt8]? {
            if n == 1 { return leafHash }
            guard let sibling = remaining.popLast() else { return nil }
            let k = split(n)
            if m < k { return build(m, k).map { node($0, sibling) } }
            return build(m - k, n - k).map { node(sibling, $0) }
        }
        guard m < n, let root = build(m, n), remaining.isEmpty else { return nil }
        return root
    }

    /// Checks a signed checkpoint against a verifier key text; returns (origin, size, root).
    static func checkpoint(_ note: String, key: String) -> (String, Int, [UInt8])? {
        let keyParts = key.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard keyParts.count == 3, let raw = Data(base64Encoded: keyParts[2]), raw.count == 33, raw.first == 1,
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw.dropFirst())
        else { return nil }
        let name = keyParts[0]
        let keyID = Array(sha(Array(name.utf8) + [0x0A, 0x01] + Array(raw.dropFirst())).prefix(4))
        guard keyParts[1] == keyID.map({ String(format: "%02x", $0) }).joined() else { return nil }
        guard let blank = note.range(of: "\n\n", options: .backwards) else { return nil }
        let text = String(note[..<blank.lowerBound]) + "\n"
        let signatureLines = note[blank.upperBound...].split(separator: "\n")
        var signed = false
        for line in signatureLines where line.hasPrefix("\u{2014} \(name) ") {
            guard let blob = Data(base64Encoded: String(line.dropFirst(name.count + 3))), blob.count == 68 else { continue }
            if Array(blob.prefix(4)) == keyID && publicKey.isValidSignature(blob.dropFirst(4), for: Data(text.utf8)) { signed = true }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard signed, lines.count >= 4, lines[0] == name, let size = Int(lines[1]), let root = Data(base64Encoded: String(lines[2])),
            root.count == 32
        else { return nil }
        return (name, size, Array(root))
    }
}

@Suite("Evidence log over HTTP, checked by an independent verifier")
struct EvidenceLogTests {
    func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path)
    }

    func hashes(_ response: TestingHTTPResponse) throws -> [[UInt8]] {
        let json = try response.json()
        return ((json["hashes"] as? [String]) ?? []).map { Array(Data(base64Encoded: $0) ?? Data()) }
    }

    /// Registers `count` sales (two evidence entries each: registered, sent) and runs the log's job.
    func sales(_ app: Application, _ world: TestWorld, campaign: UUID, count: Int, from: Int) async throws {
        for n in from..<(from + count) {
            let response = try await app.postSale(
                SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "evidence-\(n)")
            #expect(response.status == .created, "\(response.text)")
        }
        let run = try await JobRunner.runNow("evidence-log", app: app)
        #expect(run.status == .done, "\(run.lastError ?? "")")
    }

    @Test("sale evidence lands in the log; checkpoint, leaves and every inclusion and consistency proof check independently")
    func endToEnd() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            try await sales(app, world, campaign: campaign, count: 3, from: 0)
            let key = try await get(app, "/api/v1/evidence/key").text.trimmingCharacters(in: .newlines)
            let first = try await get(app, "/api/v1/evidence/checkpoint")
            #expect(first.headers.contentType?.subType == "plain")
            let (origin, size1, root1) = try #require(IndependentVerifier.checkpoint(first.text, key: key))
            #expect(key.hasPrefix(origin + "+"))
            #expect(size1 == 6)
            // more sales: the job signs a newer checkpoint
            try await sales(app, world, campaign: campaign, count: 4, from: 3)
            let second = try await get(app, "/api/v1/evidence/checkpoint")
            let (_, size, root) = try #require(IndependentVerifier.checkpoint(second.text, key: key))
            #expect(size == 14)
            var leaves: [[UInt8]] = []
            for index in 0..<size {
                let entry = try await get(app, "/api/v1/evidence/entries/\(index)")
                #expect(entry.status == .ok)
                leaves.append(Array(entry.text.utf8))
                #expect(!entry.text.contains("Ola") && !entry.text.contains("91234567") && !entry.text.contains("example.no"))
                #expect(entry.text.hasPrefix("{\"at\":") && entry.text.contains("\"kind\":\"sale_evidence\""))
            }
            #expect(IndependentVerifier.mth(leaves[...]) == root)
            #expect(IndependentVerifier.mth(leaves.prefix(size1)) == root1)
            for n in 1...size {
                for m in 0..<n {
                    let response = try await get(app, "/api/v1/evidence/proof/inclusion?index=\(m)&size=\(n)")
                    let proof = try hashes(response)
                    #expect(proof == IndependentVerifier.path(m, leaves.prefix(n)), "\(m)@\(n)")
                    let rebuilt = IndependentVerifier.root(
                        leafHash: IndependentVerifier.leafHash(leaves[m]), index: m, size: n, proof: proof)
                    #expect(rebuilt == IndependentVerifier.mth(leaves.prefix(n)))
                }
                for m in 1..<n {
                    let response = try await get(app, "/api/v1/evidence/proof/consistency?from=\(m)&to=\(n)")
                    #expect(try hashes(response) == IndependentVerifier.subproof(m, leaves.prefix(n), true), "\(m)→\(n)")
                }
            }
            let between = try await get(app, "/api/v1/evidence/proof/consistency?from=\(size1)&to=\(size)")
            let json = try between.json()
            #expect(json["from"] as? Int == size1 && json["to"] as? Int == size)
            // the leaves of a sale are found by the sale, in its order
            let saleIDs = try await SaleModel.query(on: app.db).all().map { try $0.requireID() }
            for sale in saleIDs {
                let indexes = try await EvidenceLog.leafIndexes(subject: sale, on: app.db)
                #expect(indexes.keys.sorted() == [0, 1])
                if let a = indexes[0], let b = indexes[1] { #expect(a < b) }
            }
        }
    }

    @Test("bad proof requests get 400 problem documents, never a crash")
    func badInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            try await sales(app, world, campaign: campaign, count: 1, from: 0)
            for path in [
                "/api/v1/evidence/entries/2", "/api/v1/evidence/entries/x", "/api/v1/evidence/entries/-1",
                "/api/v1/evidence/entries/99999999999999999999999",
                "/api/v1/evidence/proof/inclusion?index=2&size=2", "/api/v1/evidence/proof/inclusion?index=0&size=3",
                "/api/v1/evidence/proof/inclusion?index=0&size=0", "/api/v1/evidence/proof/inclusion?index=a&size=1",
                "/api/v1/evidence/proof/inclusion?size=1", "/api/v1/evidence/proof/inclusion?index=0&size=1e3",
                "/api/v1/evidence/proof/consistency?from=2&to=1", "/api/v1/evidence/proof/consistency?from=0&to=3",
                "/api/v1/evidence/proof/consistency?from=x&to=1", "/api/v1/evidence/proof/consistency?from=%00&to=1",
                "/api/v1/evidence/bundle?index=5", "/api/v1/evidence/bundle",
            ] {
                let response = try await get(app, path)
                #expect(response.status == .badRequest, "\(path): \(response.status)")
                #expect(response.headers.contentType?.subType == "problem+json", "\(path)")
            }
            #expect(try await get(app, "/api/v1/evidence/proof/consistency?from=0&to=2").status == .ok)
            #expect(try await get(app, "/api/v1/evidence/proof/consistency?from=2&to=2").status == .ok)
        }
    }

    @Test("a proof bundle verifies offline; a changed leaf or another key is refused")
    func bundle() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            try await sales(app, world, campaign: campaign, count: 3, from: 0)
            let key = try await get(app, "/api/v1/evidence/key").text
            let response = try await get(app, "/api/v1/evidence/bundle?index=3")
            #expect(response.status == .ok)
            let file = Array(response.text.utf8)
            let result = ProofBundle.check(file: file, verifierKey: key)
            #expect((try? result.get())?.hasPrefix("ok: leaf 3 is in the log") == true, "\(result)")
            let tampered = response.text.replacingOccurrences(of: "\nleaf ", with: "\nleaf e30=\nignored ")
            #expect((try? ProofBundle.check(file: Array(tampered.utf8), verifierKey: key).get()) == nil)
            let bundle = try ProofBundle.parse(file).get()
            let swapped = ProofBundle(leaf: Array("{}".utf8), index: bundle.index, proof: bundle.proof, checkpoint: bundle.checkpoint)
            #expect((try? ProofBundle.check(file: Array(swapped.encoded.utf8), verifierKey: key).get()) == nil)
            let other = try #require(EvidenceLogTools.keygen(name: app.evidenceLog.signer.name))
            #expect((try? ProofBundle.check(file: file, verifierKey: other.verifier).get()) == nil)
        }
    }

    @Test("audit recomputes the tree: sound as written; a tampered leaf, a rewritten stored hash or a rolled-back log is found")
    func audit() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            try await sales(app, world, campaign: campaign, count: 3, from: 0)
            let sql = try #require(app.db as? any SQLDatabase)
            let sound = try await EvidenceLogTools.audit(app, verifierKey: nil)
            #expect(sound.isSound, "\(sound.problems)")
            #expect(sound.leaves == 6 && sound.checkpointsChecked == 1 && sound.nodesChecked == 6 + 3 + 1)

            let original = try #require(try await EvidenceLog.leaf(at: 2, on: app.db))
            let forged = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\"seq\":0", with: "\"seq\":9")
            try await sql.raw("UPDATE evidence_log_leaves SET leaf_json = \(bind: forged) WHERE leaf_index = 2").run()
            let afterLeaf = try await EvidenceLogTools.audit(app, verifierKey: nil)
            #expect(!afterLeaf.isSound)
            #expect(afterLeaf.problems.contains { $0.contains("leaves 2..<3") })
            #expect(afterLeaf.problems.contains { $0.contains("checkpoint at size 6 does not match") })
            try await sql.raw(
                "UPDATE evidence_log_leaves SET leaf_json = \(bind: String(decoding: original, as: UTF8.self)) WHERE leaf_index = 2"
            ).run()
            #expect(try await EvidenceLogTools.audit(app, verifierKey: nil).isSound)

            try await sql.raw(
                "UPDATE evidence_log_nodes SET hash = \(bind: String(repeating: "0", count: 64)) WHERE level = 1 AND node_index = 1"
            ).run()
            let afterNode = try await EvidenceLogTools.audit(app, verifierKey: nil)
            #expect(afterNode.problems == ["stored hash of leaves 2..<4 (level 1) differs from the recomputed one"])

            try await sql.raw("DELETE FROM evidence_log_leaves WHERE leaf_index = 5").run()
            let rolledBack = try await EvidenceLogTools.audit(app, verifierKey: nil)
            #expect(rolledBack.problems.contains { $0.contains("rolled-back") })
        }
    }

    @Test("a wash certificate and a may-call decision land in the log as leaves without the number in clear")
    func washAndDecision() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let response = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "+47 930 00 001")
            let decisionID = try #require((try response.json()["decision_id"] as? String).flatMap(UUID.init(uuidString:)))
            let size = try await app.evidenceLog.flush(on: app.db, now: testNow)
            var kinds: [String] = []
            for index in 0..<size {
                let leaf = String(decoding: try #require(try await EvidenceLog.leaf(at: index, on: app.db)), as: UTF8.self)
                #expect(!leaf.contains("93000001") && !leaf.contains("4793000001"))
                if let range = leaf.range(of: #""kind":"[a-z_]+""#, options: .regularExpression) { kinds.append(String(leaf[range])) }
            }
            // the campaign's register import, its wash and the decision
            #expect(kinds.sorted() == [#""kind":"may_call""#, #""kind":"register_import""#, #""kind":"wash_certificate""#])
            let indexes = try await EvidenceLog.leafIndexes(subject: decisionID, on: app.db)
            let index = try #require(indexes[-1])
            let leaf = String(decoding: try #require(try await EvidenceLog.leaf(at: index, on: app.db)), as: UTF8.self)
            #expect(leaf.contains("\"decision\":\"\(decisionID.uuidString.lowercased())\""))
            #expect(leaf.contains("\"allowed\":\"yes\"") && leaf.contains("\"reasons\":[\"ok\"]"))
            #expect(leaf.contains("\"number_key\":\""))
        }
    }

    @Test("the serve command's checks require an evidence key; the demo and tests sign with one derived from the secret")
    func key() async throws {
        try await withTestApp { app in
            let verifier = EvidenceLogTools.verifierKey(app)
            #expect(verifier.hasPrefix("tmnorm.test/tmnorm-evidence+"))
            let response = try await get(app, "/api/v1/evidence/checkpoint")
            let (_, size, root) = try #require(IndependentVerifier.checkpoint(response.text, key: verifier))
            #expect(size == 0 && root == IndependentVerifier.sha([]))
        }
    }

    /// Runs the built `tmnorm` with `arguments`; (status, stdout, stderr).
    func tmnorm(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = try #require(ServerProcess.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, mine in mine }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test(
        "tmnorm evidence verify-proof checks a served bundle offline and refuses a tampered one; audit finds a tampered leaf",
        .enabled(if: ServerProcess.binary != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs the built tmnorm"))
    func commandLine() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            try await sales(app, world, campaign: campaign, count: 2, from: 0)
            let key = EvidenceLogTools.verifierKey(app)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let good = directory.appendingPathComponent("good.proof")
            let bundle = try await get(app, "/api/v1/evidence/bundle?index=1").text
            try Data(bundle.utf8).write(to: good)
            let (status, out, _) = try tmnorm(["evidence", "verify-proof", good.path, "--key", key])
            #expect(status == 0 && out.hasPrefix("ok: leaf 1 is in the log"), "\(out)")
            let bad = directory.appendingPathComponent("bad.proof")
            let parsed = try ProofBundle.parse(Array(bundle.utf8)).get()
            let forged = ProofBundle(leaf: Array("{}".utf8), index: 1, proof: parsed.proof, checkpoint: parsed.checkpoint)
            try Data(forged.encoded.utf8).write(to: bad)
            let (badStatus, _, badErrors) = try tmnorm(["evidence", "verify-proof", bad.path, "--key", key])
            #expect(badStatus == 1 && badErrors.contains("is not in the tree"), "\(badErrors)")
            let (garbageStatus, _, garbageErrors) = try tmnorm(["evidence", "verify-proof", good.path, "--key", "not-a-key"])
            #expect(garbageStatus == 1 && garbageErrors.contains("verifier key"))

            let shared = ServerProcess.sharing(app.config, extra: [:])
            let (auditStatus, auditOut, auditErrors) = try tmnorm(
                ["evidence", "audit", "--key", key] + shared.arguments, environment: shared.environment)
            #expect(auditStatus == 0 && auditOut.contains("4 leaves"), "\(auditOut) \(auditErrors)")
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE evidence_log_leaves SET leaf_json = '{}' WHERE leaf_index = 3").run()
            let (tamperedStatus, _, tamperedErrors) = try tmnorm(
                ["evidence", "audit", "--key", key] + shared.arguments, environment: shared.environment)
            #expect(tamperedStatus == 1 && tamperedErrors.contains("problem: stored hash of leaves 3..<4"), "\(tamperedErrors)")
        }
    }
}
