import ArgumentParser
import Foundation
import TMNormCore
import TMNormServer

/// `tmnorm evidence keygen | verify-proof | audit`: the evidence log's keys, receipts and audit
/// (docs/evidence-log.md).
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "The evidence log: make its key, check a receipt, audit the stored log.",
        subcommands: [Keygen.self, VerifyProof.self, Audit.self])

    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a signing key (set it as TMNORM_EVIDENCE_KEY) and print its verifier key.")

        @Option(help: "The log's name, e.g. the installation's host followed by /evidence.")
        var name = "tmnorm.example/evidence"

        func run() throws {
            guard let keys = EvidenceLogTools.keygen(name: name) else {
                throw ValidationError("a key name is printable, without spaces or '+'")
            }
            print("TMNORM_EVIDENCE_KEY=\(keys.signer)")
            print("verifier key: \(keys.verifier)")
        }
    }

    struct VerifyProof: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-proof", abstract: "Check a proof bundle offline: the checkpoint's signature and the leaf's inclusion.")

        @Argument(help: "The proof bundle file.")
        var file: String

        @Option(help: "The log's verifier key (name+keyid+key), or a file holding it.")
        var key: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            var keyText = key
            if !key.contains("+"), let keyFile = FileManager.default.contents(atPath: key) {
                keyText = String(decoding: keyFile, as: UTF8.self)
            }
            switch ProofBundle.check(file: Array(data), verifierKey: keyText) {
            case .success(let line): print(line)
            case .failure(let error):
                FileHandle.standardError.write(Data("refused: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the tree from the stored leaves; check every stored hash, the head and every checkpoint.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Verifier key to check checkpoints with (default: the configured key's).")
        var key: String?

        func run() async throws {
            let key = self.key
            let report = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await EvidenceLogTools.audit(app, verifierKey: key)
            }
            print("\(report.leaves) leaves, \(report.nodesChecked) stored hashes, \(report.checkpointsChecked) checkpoints checked")
            guard report.isSound else {
                for problem in report.problems { FileHandle.standardError.write(Data("problem: \(problem)\n".utf8)) }
                throw ExitCode(1)
            }
            print("ok")
        }
    }
}
