import Foundation
import TMNormCore

/// One application: evidence per criterion with completeness, the case history, and the forms the
/// viewer's role may use (centre: evidence and submit; secretariat: return or send to the board;
/// board: recuse, vote, decide).
enum AuthorizationApplicationView {
    struct Model: Sendable {
        let id: UUID
        let application: AuthorizationApplication
        let fee: AuthorizationFeeRecord?
        let viewer: CurrentUser
        let uploadTypes: [String]
        let uploadLimit: Int
    }

    static func stateText(_ state: AuthorizationApplicationState) -> Phrase {
        switch state {
        case .draft: Phrase(nb: "Utkast", en: "Draft")
        case .submitted: Phrase(nb: "Sendt inn", en: "Submitted")
        case .returnedForCompletion: Phrase(nb: "Returnert for komplettering", en: "Returned for completion")
        case .underReview: Phrase(nb: "Til behandling i nemnda", en: "With the board")
        case .approved: Phrase(nb: "Godkjent", en: "Approved")
        case .rejected: Phrase(nb: "Avslått", en: "Rejected")
        case .withdrawn: Phrase(nb: "Trukket", en: "Withdrawn")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let app = model.application
        let role = model.viewer.role
        let memberID = model.viewer.id.uuidString.lowercased()
        let kind = AuthorizationWords.kind(app.kind)
        return Layout.page(title: context.t(Phrase(nb: "Søknad: \(app.applicantName)", en: "Application: \(app.applicantName)")), context: context) {
            el("p") {
                el("strong", .data("state", app.state.rawValue)) { context.t(stateText(app.state)) }
                " · " + context.t(kind) + " · "
                    + context.t(Phrase(nb: "kriteriekatalog \(app.catalogue.versionLabel)", en: "criteria catalogue \(app.catalogue.versionLabel)"))
            }
            if let comment = app.latestReturnComment, app.state == .returnedForCompletion {
                el("p", .class("alert")) { context.t(Phrase(nb: "Sekretariatets merknad: ", en: "Secretariat's comment: ")) + comment }
            }
            if let decision = app.decision {
                el("div", .class("card")) {
                    el("h2") { context.t(Phrase(nb: "Vedtak", en: "Decision")) }
                    el("p") {
                        context.t(decision.outcome == .approve ? Phrase(nb: "Godkjent", en: "Approved") : Phrase(nb: "Avslått", en: "Rejected")) + " "
                            + decision.decidedOn.norwegianFormatted
                    }
                    el("p") { decision.reasons }
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Klagefrist: \(decision.appealDeadline.norwegianFormatted)",
                                en: "Appeal deadline: \(decision.appealDeadline.norwegianFormatted)"))
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Kriterier og dokumentasjon", en: "Criteria and evidence")) }
            el("p") {
                let missing = app.completeness.missing.count
                context.t(
                    missing == 0
                        ? Phrase(nb: "Komplett.", en: "Complete.")
                        : Phrase(nb: "\(missing) kriterier mangler dokumentasjon.", en: "\(missing) criteria lack evidence."))
            }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Kriterium", en: "Criterion")),
                context.t(Phrase(nb: "Status", en: "Status")),
                context.t(Phrase(nb: "Dokumentasjon", en: "Evidence")),
            ]) {
                for row in app.completeness.rows {
                    el("tr", .id("criterion-\(row.criterion.id)")) {
                        el("td") { context.language == .nb ? row.criterion.titleNorwegian : row.criterion.titleEnglish }
                        el("td") { context.t(row.status == .provided ? Phrase(nb: "Levert", en: "Provided") : Phrase(nb: "Mangler", en: "Missing")) }
                        el("td") {
                            evidence(app.evidence[row.criterion.id], criterion: row.criterion.id, application: model.id, context: context)
                            if role == .callCentreAdmin && app.state.isEditable {
                                evidenceForm(row.criterion, model: model, context: context)
                            }
                        }
                    }
                }
            }
            actions(model, memberID: memberID, context: context)
            if let fee = model.fee {
                el("h2") { context.t(Phrase(nb: "Gebyr", en: "Fee")) }
                el("p", .data("fee-status", fee.status.rawValue)) { "\(fee.amount.formatted) · " + context.t(AuthorizationWords.fee(fee.status)) }
                if role == .associationAdmin && !fee.status.isSettled {
                    Form.post(SiteRoute.applicationFee(model.id).path, csrf: context.csrf) {
                        Form.select(
                            context.t(Phrase(nb: "Registrer", en: "Record")), name: "action",
                            options: [
                                ("invoiced", context.t(Phrase(nb: "Fakturert", en: "Invoiced"))),
                                ("paid", context.t(Phrase(nb: "Betalt", en: "Paid"))),
                                ("waived", context.t(Phrase(nb: "Frafalt", en: "Waived"))),
                            ])
                        Form.field(context.t(Phrase(nb: "Referanse eller begrunnelse", en: "Reference or reason")), name: "note", required: false)
                        Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Saksgang", en: "Case history")) }
            el("ol") {
                for event in app.events {
                    el("li") { NorwegianFormat.dateTime(event.at) + " — " + context.t(describe(event.kind, application: app)) }
                }
            }
        }
    }

    static func evidence(_ item: AuthorizationEvidence?, criterion: String, application: UUID, context: PageContext) -> Node {
        switch item {
        case .none: return text("—")
        case .document(let doc)?:
            return el("a", .href(SiteRoute.applicationEvidenceFile(application, criterion: criterion).path)) {
                "\(doc.fileName) (\(doc.byteCount / 1024 + 1) kB)"
            }
        case .statement(let words)?: return el("q") { words }
        case .platformFigure(_, let value, let asOf)?:
            return text(
                context.t(
                    Phrase(
                        nb: "\(value) (plattformens tall per \(asOf.norwegianFormatted))",
                        en: "\(value) (platform figure as of \(asOf.norwegianFormatted))")))
        }
    }

    static func evidenceForm(_ criterion: AuthorizationCriterion, model: Model, context: PageContext) -> Node {
        Form.post(SiteRoute.applicationEvidence(model.id).path, csrf: context.csrf, enctype: "multipart/form-data") {
            void("input", .type("hidden"), .name("criterion"), .value(criterion.id))
            switch criterion.evidence {
            case .document:
                Form.field(
                    context.t(Phrase(nb: "Fil", en: "File")), name: "file", type: "file",
                    hint: context.t(
                        Phrase(
                            nb: "\(model.uploadTypes.joined(separator: ", ")), inntil \(model.uploadLimit / 1_048_576) MB",
                            en: "\(model.uploadTypes.joined(separator: ", ")), up to \(model.uploadLimit / 1_048_576) MB")))
                Form.submit(context.t(Phrase(nb: "Last opp", en: "Upload")), class: "button secondary")
            case .statement:
                Form.field(context.t(Phrase(nb: "Erklæring", en: "Statement")), name: "statement")
                Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")), class: "button secondary")
            case .platformFigure:
                Form.submit(context.t(Phrase(nb: "Hent plattformens tall", en: "Use the platform's figure")), class: "button secondary")
            }
        }
    }

    static func actions(_ model: Model, memberID: String, context: PageContext) -> Node {
        let app = model.application
        return el("div", .class("cards")) {
            if model.viewer.role == .callCentreAdmin && app.state.isEditable {
                Form.post(SiteRoute.applicationSubmit(model.id).path, csrf: context.csrf) {
                    Form.submit(context.t(Phrase(nb: "Send inn søknaden", en: "Submit the application")))
                }
            }
            if model.viewer.role == .callCentreAdmin && !app.state.isFinal {
                Form.post(SiteRoute.applicationWithdraw(model.id).path, csrf: context.csrf) {
                    Form.submit(context.t(Phrase(nb: "Trekk søknaden", en: "Withdraw the application")), class: "button secondary")
                }
            }
            if model.viewer.role == .associationAdmin && app.state == .submitted {
                Form.post(SiteRoute.applicationReturn(model.id).path, csrf: context.csrf) {
                    Form.field(context.t(Phrase(nb: "Hva mangler?", en: "What is missing?")), name: "comment")
                    Form.submit(context.t(Phrase(nb: "Returner for komplettering", en: "Return for completion")), class: "button secondary")
                }
                Form.post(SiteRoute.applicationReview(model.id).path, csrf: context.csrf) {
                    Form.submit(context.t(Phrase(nb: "Send til nemnda", en: "Send to the board")))
                }
            }
            if app.state == .underReview, let board = app.board, board.isMember(memberID) {
                let tally = app.tally
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Stemmer: \(tally.approve) for, \(tally.reject) mot, \(tally.abstain) avstår; \(tally.required) trengs.",
                            en: "Votes: \(tally.approve) approve, \(tally.reject) reject, \(tally.abstain) abstain; \(tally.required) needed."))
                }
                if !app.votes.contains(where: { $0.memberID == memberID }) && !app.recusals.contains(where: { $0.memberID == memberID }) {
                    Form.post(SiteRoute.applicationVote(model.id).path, csrf: context.csrf) {
                        Form.select(
                            context.t(Phrase(nb: "Din stemme", en: "Your vote")), name: "choice",
                            options: [
                                ("approve", context.t(Phrase(nb: "Godkjenn", en: "Approve"))),
                                ("reject", context.t(Phrase(nb: "Avslå", en: "Reject"))),
                                ("abstain", context.t(Phrase(nb: "Avstår", en: "Abstain"))),
                            ])
                        Form.submit(context.t(Phrase(nb: "Stem", en: "Vote")))
                    }
                    Form.post(SiteRoute.applicationRecuse(model.id).path, csrf: context.csrf) {
                        Form.field(context.t(Phrase(nb: "Inhabil – begrunnelse", en: "Conflict of interest – reason")), name: "reason")
                        Form.submit(context.t(Phrase(nb: "Meld inhabilitet", en: "Recuse")), class: "button secondary")
                    }
                }
                Form.post(SiteRoute.applicationDecide(model.id).path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Nemndas vedtak", en: "The board's decision")), name: "outcome",
                        options: [
                            ("approve", context.t(Phrase(nb: "Godkjenn", en: "Approve"))), ("reject", context.t(Phrase(nb: "Avslå", en: "Reject"))),
                        ])
                    Form.field(context.t(Phrase(nb: "Begrunnelse", en: "Reasons")), name: "reasons")
                    Form.submit(context.t(Phrase(nb: "Fatt vedtak", en: "Decide")))
                }
            }
        }
    }

    /// One line of the case history in the page's language: criteria by their titles, board members by name.
    static func describe(_ kind: AuthorizationApplicationEvent.Kind, application: AuthorizationApplication) -> Phrase {
        func name(_ id: String) -> String {
            application.board?.members.first { $0.id == id }?.name ?? "—"
        }
        func criterion(_ id: String) -> Phrase {
            guard let found = application.catalogue.criteria.first(where: { $0.id == id }) else { return Phrase(stringLiteral: "—") }
            return Phrase(nb: found.titleNorwegian, en: found.titleEnglish)
        }
        switch kind {
        case .created: return Phrase(nb: "Søknaden ble opprettet", en: "Application created")
        case .evidenceAttached(let c):
            return Phrase(nb: "Dokumentasjon lagt ved: \(criterion(c).nb)", en: "Evidence attached: \(criterion(c).en)")
        case .evidenceRemoved(let c):
            return Phrase(nb: "Dokumentasjon fjernet: \(criterion(c).nb)", en: "Evidence removed: \(criterion(c).en)")
        case .submitted: return Phrase(nb: "Sendt inn", en: "Submitted")
        case .returnedForCompletion(let comment):
            return Phrase(nb: "Returnert for komplettering: \(comment)", en: "Returned for completion: \(comment)")
        case .reviewStarted: return Phrase(nb: "Sendt til nemnda", en: "Sent to the board")
        case .recused(let id, let reason): return Phrase(nb: "\(name(id)) erklærte seg inhabil (\(reason))", en: "\(name(id)) recused (\(reason))")
        case .voted(let id, let choice):
            let word = AuthorizationWords.vote(choice)
            return Phrase(nb: "\(name(id)) stemte: \(word.nb)", en: "\(name(id)) voted: \(word.en)")
        case .decided(let outcome):
            let word = AuthorizationWords.outcome(outcome)
            return Phrase(nb: "Vedtak: \(word.nb)", en: "Decision: \(word.en)")
        case .withdrawn: return Phrase(nb: "Søknaden ble trukket", en: "Application withdrawn")
        }
    }
}

/// Words for the authorization scheme's codes, in both languages; pages never show the codes themselves.
enum AuthorizationWords {
    static func vote(_ choice: AuthorizationVoteChoice) -> Phrase {
        switch choice {
        case .approve: Phrase(nb: "godkjenn", en: "approve")
        case .reject: Phrase(nb: "avslå", en: "reject")
        case .abstain: Phrase(nb: "avstår", en: "abstain")
        }
    }

    static func outcome(_ outcome: AuthorizationOutcome) -> Phrase {
        switch outcome {
        case .approve: Phrase(nb: "godkjent", en: "approved")
        case .reject: Phrase(nb: "avslått", en: "rejected")
        }
    }

    static func fee(_ status: AuthorizationFeeStatus) -> Phrase {
        switch status {
        case .due: Phrase(nb: "til betaling", en: "due")
        case .invoiced: Phrase(nb: "fakturert", en: "invoiced")
        case .paid: Phrase(nb: "betalt", en: "paid")
        case .waived: Phrase(nb: "frafalt", en: "waived")
        }
    }

    static func kind(_ kind: AuthorizationApplicationKind) -> Phrase {
        switch kind {
        case .firstApproval: Phrase(nb: "første godkjenning", en: "first approval")
        case .continuation: Phrase(nb: "fornyelse", en: "continuation")
        }
    }
}
