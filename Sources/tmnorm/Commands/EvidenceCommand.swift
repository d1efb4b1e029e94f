import ArgumentParser
import Foundation
import TMNormCore
import TMNormServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `tmnorm evidence keygen | verify-proof | audit`: the evidence log's keys, receipts and audit
/// (docs/evidence-log.md).
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "The evidence log: make its key, check a receipt, audit the stored log.",
        subcommands: [Keygen.self, VerifyProof.self, Audit.self, Witness.self])

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
            print("witness key (for TMNORM_EVIDENCE_WITNESSES when this key is a witness's): \(keys.cosignature)")
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

extension EvidenceCommand {
    struct Witness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the log's latest checkpoint against the one seen last (refusing a fork or rollback) and cosign it.",
            discussion: """
                Exit status 1 and the reason when the log is refused; the state directory is then left as it was. With a witness key the \
                checkpoint is cosigned and the cosignature delivered to the log (exit status 2 when the log does not take it).
                """)

        @Option(help: "The log's base URL, e.g. https://tmnorm.example.") var log: String
        @Option(help: "The log's verifier key (name+keyid+key), or a file holding it.") var key: String
        @Option(help: "Where the last accepted checkpoint (and the cosigned one) are kept.") var state: String
        @Option(
            name: .customLong("witness-key"),
            help: "A file holding this witness's signing key (tmnorm evidence keygen); without it nothing is cosigned.")
        var witnessKey: String?

        func run() async throws {
            var keyText = key
            if !key.contains("+"), let data = FileManager.default.contents(atPath: key) { keyText = String(decoding: data, as: UTF8.self) }
            var signingKey: String?
            if let witnessKey {
                guard let data = FileManager.default.contents(atPath: witnessKey) else { throw ValidationError("cannot read \(witnessKey)") }
                let text = String(decoding: data, as: UTF8.self)
                signingKey = text.split(separator: "\n").first { $0.contains("PRIVATE+KEY+") }.map {
                    String($0.hasPrefix("TMNORM_EVIDENCE_KEY=") ? $0.dropFirst("TMNORM_EVIDENCE_KEY=".count) : $0)
                }
            }
            let base = log.hasSuffix("/") ? String(log.dropLast()) : log
            let outcome = try await EvidenceWitness.observe(
                verifierKey: keyText, stateDirectory: state, witnessKey: signingKey, now: Date()
            ) { path in
                guard let url = URL(string: base + path) else { throw ValidationError("not a URL: \(base)") }
                let (data, response) = try await URLSession.shared.data(from: url)
                return ((response as? HTTPURLResponse)?.statusCode ?? 0, Array(data))
            }
            switch outcome {
            case .accepted(let size, let cosigned):
                print("ok: the log has \(size) entries and extends what this witness saw before")
                if let cosigned {
                    print(cosigned, terminator: "")
                    guard let url = URL(string: base + "/api/v1/evidence/cosignatures") else { throw ValidationError("not a URL: \(base)") }
                    var request = URLRequest(url: url)
                    request.httpMethod = "POST"
                    request.setValue("text/plain; charset=utf-8", forHTTPHeaderField: "Content-Type")
                    request.httpBody = Data(cosigned.utf8)
                    let (data, response) = try await URLSession.shared.data(for: request)
                    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                    if (200..<300).contains(status) {
                        print("cosignature delivered to the log")
                    } else {
                        // The checkpoint was checked and the state kept; only the delivery failed.
                        FileHandle.standardError.write(
                            Data(
                                "the log did not take the cosignature (status \(status)): \(String(decoding: data.prefix(500), as: UTF8.self))\n".utf8
                            ))
                        throw ExitCode(2)
                    }
                }
            case .refused(let reason):
                FileHandle.standardError.write(Data("refused: \(reason)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
