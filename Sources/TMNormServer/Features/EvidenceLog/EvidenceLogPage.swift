import Foundation
import TMNormCore
import Vapor

/// `/bevislogg`: the evidence log as anyone can see it — its size and latest signed checkpoint, the key to
/// check it with, the witnesses that cosigned it, and how to check a receipt offline (docs/evidence-log.md).
struct EvidenceLogWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.evidenceLog, use: page)
    }

    func page(req: Request) async throws -> Response {
        let note = try await req.application.evidenceLog.signCheckpoint(on: req.db, now: req.now)
        guard case .success(let parsed) = SignedNote.parse(Array(note.utf8)), case .success(let checkpoint) = Checkpoint.parse(parsed.text)
        else { throw Abort(.internalServerError, reason: "the evidence log's checkpoint is unusable") }
        let signedAt = try await EvidenceLog.latestCheckpointTime(on: req.db) ?? req.now
        let model = EvidenceLogPage.Model(
            baseURL: req.application.config.publicBaseURL,
            checkpoint: checkpoint, signedAt: signedAt, verifierKey: req.application.evidenceLog.signer.verifier.encoded,
            witnesses: try await EvidenceCosignatures.latest(app: req.application, on: req.db),
            namedWitnesses: EvidenceCosignatures.witnesses(req.application.config).map(\.name))
        return .html(EvidenceLogPage.render(model, context: req.pageContext))
    }
}

enum EvidenceLogPage {
    struct Model: Sendable {
        let baseURL: String
        let checkpoint: Checkpoint
        let signedAt: Date
        let verifierKey: String
        let witnesses: [EvidenceCosignatures.Stored]
        /// Every witness the installation names, also those that have not cosigned yet.
        let namedWitnesses: [String]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Bevisloggen", en: "The evidence log")), context: context) {
            el("p", .class("lead")) {
                context.t(
                    Phrase(
                        nb: """
                            Alt TMNorm fører som bevis — tilbud og svar i telefonsalg, vaskesertifikater, svar på «kan jeg ringe?», \
                            registerimporter, godkjenningsvedtak og nemndas avgjørelser — står i én logg som bare kan vokse. \
                            Loggen signeres med jevne mellomrom, og hvem som helst kan kontrollere at en kvittering står i den, \
                            og at loggen ikke er skrevet om.
                            """,
                        en: """
                            Everything TMNorm keeps as evidence — offers and answers in telephone sales, wash certificates, \
                            may-call answers, register imports, authorization decisions and the board's decisions — is in one log \
                            that can only grow. The log is signed every few seconds, and anyone can check that a receipt is in it \
                            and that the log has not been rewritten.
                            """))
            }
            el("p") {
                context.t(
                    Phrase(
                        nb: "Loggen inneholder ingen navn, telefonnumre eller adresser: bare id-er, tidspunkt og sjekksummer.",
                        en: "The log holds no names, phone numbers or addresses: only ids, times and checksums."))
            }
            el("h2") { context.t(Phrase(nb: "Siste kontrollpunkt", en: "Latest checkpoint")) }
            el("dl", .class("facts")) {
                el("dt") { context.t(Phrase(nb: "Oppføringer", en: "Entries")) }
                el("dd", .id("log-size")) { grouped(model.checkpoint.size) }
                el("dt") { context.t(Phrase(nb: "Signert", en: "Signed")) }
                el("dd") { NorwegianFormat.dateTime(model.signedAt) }
                el("dt") { context.t(Phrase(nb: "Loggens navn", en: "Log name")) }
                el("dd") { el("code") { model.checkpoint.origin } }
                el("dt") { context.t(Phrase(nb: "Rot-hash", en: "Root hash")) }
                el("dd") { el("code") { Base64.encode(model.checkpoint.root) } }
                el("dt") { context.t(Phrase(nb: "Kontrollnøkkel", en: "Verifier key")) }
                el("dd") { el("code", .id("verifier-key")) { model.verifierKey } }
            }
            el("p") {
                el("a", .href("/api/v1/evidence/checkpoint")) {
                    context.t(Phrase(nb: "Det signerte kontrollpunktet som tekst", en: "The signed checkpoint as text"))
                }
                " · "
                el("a", .href("/api/v1/evidence/key")) { context.t(Phrase(nb: "Kontrollnøkkelen", en: "The verifier key")) }
            }
            witnesses(model, context: context)
            el("h2") { context.t(Phrase(nb: "Slik kontrollerer du en kvittering", en: "How to check a receipt")) }
            el("ol") {
                el("li") {
                    context.t(
                        Phrase(
                            nb: "Last ned beviset fra kvitteringen eller salgets bevisside (filen slutter på .proof).",
                            en: "Download the proof from the receipt or the sale's evidence page (the file ends in .proof)."))
                }
                el("li") {
                    context.t(
                        Phrase(
                            nb: "Kontroller den uten nett, med kontrollnøkkelen over:",
                            en: "Check it offline, with the verifier key above:"))
                    el("pre") { "tmnorm evidence verify-proof kvittering.proof --key '\(model.verifierKey)'" }
                }
                el("li") {
                    context.t(
                        Phrase(
                            nb: "Et vitne (for eksempel Forbrukertilsynet eller nemnda) følger loggen fra egen maskin og medsignerer:",
                            en: "A witness (the consumer authority or the board, say) follows the log from its own machine and cosigns:"))
                    el("pre") {
                        "tmnorm evidence witness --log \(model.baseURL) --key '\(model.verifierKey)' --state vitne --witness-key vitne.key"
                    }
                }
            }
        }
    }

    private static func witnesses(_ model: Model, context: PageContext) -> Node {
        el("section", .aria("label", context.t(Phrase(nb: "Vitner", en: "Witnesses")))) {
            el("h2") { context.t(Phrase(nb: "Vitner", en: "Witnesses")) }
            if model.namedWitnesses.isEmpty {
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Installasjonen har ikke navngitt noen vitner ennå.",
                            en: "The installation has not named any witnesses yet."))
                }
            } else {
                el("div", .class("table-wrap")) {
                    el("table", .id("witnesses")) {
                        el("thead") {
                            el("tr") {
                                el("th", .init("scope", "col")) { context.t(Phrase(nb: "Vitne", en: "Witness")) }
                                el("th", .init("scope", "col")) { context.t(Phrase(nb: "Medsignert til", en: "Cosigned up to")) }
                                el("th", .init("scope", "col")) { context.t(Phrase(nb: "Når", en: "When")) }
                                el("th", .init("scope", "col")) { context.t(Phrase(nb: "Status", en: "Status")) }
                            }
                        }
                        el("tbody") {
                            for name in model.namedWitnesses {
                                let stored = model.witnesses.first { $0.witnessName == name }
                                el("tr") {
                                    el("td") { name }
                                    el("td") { stored.map { grouped($0.size) } ?? "–" }
                                    el("td") { stored.map { NorwegianFormat.dateTime($0.cosignedAt) } ?? "–" }
                                    el("td") { context.t(status(stored, size: model.checkpoint.size)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func status(_ stored: EvidenceCosignatures.Stored?, size: UInt64) -> Phrase {
        guard let stored else { return Phrase(nb: "Har ikke medsignert ennå", en: "Has not cosigned yet") }
        if stored.size >= size { return Phrase(nb: "À jour", en: "Up to date") }
        let behind = grouped(size - stored.size)
        return Phrase(nb: "\(behind) oppføringer bak", en: "\(behind) entries behind")
    }

    /// "12 345": digits grouped by three with a space, as Norwegian numbers are written.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value).utf8)
        var out: [UInt8] = []
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(UInt8(ascii: " ")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where an event is shown, its place in the evidence log: "entry 1 234 · download proof", or that it is
/// on its way (the sequencer moves queued leaves within seconds).
enum EvidenceLogLink {
    static func node(_ index: UInt64?, context: PageContext) -> Node {
        el("span", .class("evidence-log-link")) {
            if let index {
                context.t(Phrase(nb: "Oppføring ", en: "Entry ")) + EvidenceLogPage.grouped(index) + " · "
                el("a", .href("/api/v1/evidence/bundle?index=\(index)"), .data("log-index", "\(index)")) {
                    context.t(Phrase(nb: "last ned bevis", en: "download proof"))
                }
            } else {
                context.t(Phrase(nb: "Føres inn i bevisloggen om noen sekunder", en: "Goes into the evidence log within seconds"))
            }
        }
    }
}
