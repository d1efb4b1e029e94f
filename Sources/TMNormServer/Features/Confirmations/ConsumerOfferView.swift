import Foundation
import TMNormCore

/// The consumer's offer pages, measured against a signing product: who offers what at the top, a summary
/// card, the full offer text in readable type, then the answer; every answer asks once more before it is
/// given (a page of its own, so it works without JavaScript), and the result is a receipt.
enum ConsumerOfferView {
    struct Model: Sendable {
        let state: OfferState
        let token: String
        let reference: String
        /// The call centre that called, on the client's behalf.
        let sellerName: String
        /// The business the agreement is with.
        let clientName: String
        let consumerName: String
        /// The figures in the page's language; nil for sales stored without an offer.
        let summary: OfferSummary?
        /// The offer text as sent, in the page's language.
        let text: String
        let acceptByDay: LocalDate?
        let acceptedAt: Date?
        let withdrawalLastDay: LocalDate?
        let canWithdraw: Bool
        /// Where the consumer's copy went: "SMS til 412 34 567", "e-post til kari@example.no".
        let copySentTo: [Phrase]
        let notice: String?
    }

    /// Which page of the offer: the offer itself or one of the confirm steps.
    enum Step: Sendable { case offer, confirmAccept, confirmDecline, withdrawForm }

    static func render(_ model: Model, context: PageContext, step: Step = .offer) -> String {
        let title: Phrase =
            switch step {
            case .offer:
                switch model.state {
                case .accepted: Phrase(nb: "Kvittering: tilbudet er akseptert", en: "Receipt: offer accepted")
                case .exempt: Phrase(nb: "Bekreftelse av avtalen", en: "Confirmation of the agreement")
                case .declined: Phrase(nb: "Du har takket nei", en: "You declined")
                case .withdrawn: Phrase(nb: "Du har gått fra avtalen", en: "You withdrew from the agreement")
                case .expired: Phrase(nb: "Svarfristen har gått ut", en: "The deadline has passed")
                default: Phrase(nb: "Tilbud fra \(model.clientName)", en: "Offer from \(model.clientName)")
                }
            case .confirmAccept: Phrase(nb: "Bekreft at du aksepterer", en: "Confirm that you accept")
            case .confirmDecline: Phrase(nb: "Vil du takke nei?", en: "Do you want to decline?")
            case .withdrawForm: Phrase(nb: "Angreskjema", en: "Withdrawal form")
            }
        let languagePath =
            switch step {
            case .offer: SiteRoute.offer(token: model.token).path
            case .confirmAccept: SiteRoute.offerAccept(token: model.token).path
            case .confirmDecline: SiteRoute.offerDecline(token: model.token).path
            case .withdrawForm: SiteRoute.offerWithdraw(token: model.token).path
            }
        return document(title: context.t(title), model: model, context: context, languagePath: languagePath) {
            if let notice = model.notice { el("p", .class("notice"), .init("role", "alert")) { notice } }
            switch step {
            case .offer: offerPage(model, context: context, preview: nil)
            case .confirmAccept: confirmAccept(model, context: context)
            case .confirmDecline: confirmDecline(model, context: context)
            case .withdrawForm: withdrawForm(model, context: context)
            }
        }
    }

    /// The page as the consumer will see it, inside the agent's preview (no answer forms, a banner above).
    static func preview(_ model: Model, context: PageContext, banner: Node) -> String {
        document(
            title: context.t(Phrase(nb: "Tilbud fra \(model.clientName)", en: "Offer from \(model.clientName)")), model: model, context: context,
            languagePath: context.path, banner: banner
        ) {
            offerPage(model, context: context, preview: banner)
        }
    }

    // MARK: - Shell

    /// The consumer's pages carry the seller's and client's names at the top, not the platform's.
    static func document(
        title: String, model: Model, context: PageContext, languagePath: String, banner: Node? = nil, @NodeBuilder content: () -> [Node]
    ) -> String {
        let nb = context.language == .nb
        let page = el("html", .lang(nb ? "nb" : "en")) {
            el("head") {
                void("meta", .init("charset", "utf-8"))
                void("meta", .name("viewport"), .init("content", "width=device-width, initial-scale=1"))
                void("meta", .name("robots"), .init("content", "noindex"))
                el("title") { title.contains(model.clientName) ? title : "\(title) · \(model.clientName)" }
                void("link", .init("rel", "stylesheet"), .href(SiteRoute.stylesheet.path))
            }
            el("body", .class("offer-page")) {
                el("a", .class("skip"), .href("#main")) { context.t(Phrase(nb: "Hopp til innhold", en: "Skip to content")) }
                if let banner { banner }
                el("header", .class("offer-head")) {
                    el("div", .class("offer-head-inner")) {
                        el("p", .class("offer-client")) { model.clientName }
                        if !model.sellerName.isEmpty && model.sellerName != model.clientName {
                            el("p", .class("offer-seller")) {
                                context.t(
                                    Phrase(
                                        nb: "Selger: \(model.sellerName) på vegne av \(model.clientName)",
                                        en: "Seller: \(model.sellerName) on behalf of \(model.clientName)"))
                            }
                        }
                        if !model.consumerName.isEmpty {
                            el("p", .class("offer-to")) { context.t(Phrase(nb: "Til: ", en: "To: ")) + model.consumerName }
                        }
                    }
                }
                el("main", .id("main"), .class("offer-main")) {
                    el("h1") { title }
                    content()
                }
                el("footer", .class("offer-foot")) {
                    el("p", .class("lang-switch")) {
                        if nb {
                            el("a", .href(languagePath + "?lang=en"), .lang("en")) { "Show in English" }
                        } else {
                            el("a", .href(languagePath + "?lang=nb"), .lang("nb")) { "Vis på norsk" }
                        }
                    }
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Sendt gjennom TMNorm, bransjens ordning for skriftlig bekreftelse av telefonsalg.",
                                en: "Sent through TMNorm, the industry's scheme for written confirmation of telephone sales."))
                    }
                }
            }
        }
        return "<!doctype html>" + page.render()
    }

    // MARK: - The offer and its states

    @NodeBuilder
    static func offerPage(_ model: Model, context: PageContext, preview: Node?) -> [Node] {
        switch model.state {
        case .sent:
            el("p", .class("offer-lead")) {
                context.t(
                    Phrase(
                        nb: "Les tilbudet. Du er bare bundet hvis du aksepterer skriftlig, her eller på SMS.",
                        en: "Read the offer. You are bound only if you accept in writing, here or by SMS."))
            }
            summaryCard(model, context: context)
            fullText(model, context: context)
            answerSection(model, context: context, preview: preview != nil)
        case .accepted:
            receipt(
                model, context: context,
                headline: Phrase(nb: "Takk! Du har akseptert tilbudet.", en: "Thank you! You have accepted the offer."),
                when: model.acceptedAt.map {
                    Phrase(nb: "Akseptert \(NorwegianFormat.dateTime($0)).", en: "Accepted \(NorwegianFormat.dateTime($0)).")
                })
            summaryCard(model, context: context)
            withdrawSection(model, context: context)
            fullText(model, context: context)
        case .exempt:
            receipt(
                model, context: context,
                headline: Phrase(
                    nb: "Avtalen ble inngått i telefonsamtalen. Her er vilkårene og angreretten din.",
                    en: "The agreement was made in the telephone call. Here are its terms and your right of withdrawal."),
                when: model.acceptedAt.map {
                    Phrase(nb: "Inngått \(NorwegianFormat.dateTime($0)).", en: "Made \(NorwegianFormat.dateTime($0)).")
                })
            summaryCard(model, context: context)
            withdrawSection(model, context: context)
            fullText(model, context: context)
        case .declined:
            closed(
                model, context: context,
                Phrase(
                    nb: "Du har takket nei til tilbudet. Du er ikke bundet av noe.", en: "You declined the offer. You are not bound by anything."))
            fullText(model, context: context)
        case .withdrawn:
            closed(
                model, context: context,
                Phrase(
                    nb:
                        "Du har gått fra avtalen med angreretten. \(model.clientName) skal betale tilbake det du eventuelt har betalt innen 14 dager.",
                    en: "You withdrew from the agreement. \(model.clientName) must refund anything you paid within 14 days."))
            fullText(model, context: context)
        case .expired:
            closed(
                model, context: context,
                Phrase(
                    nb: "Svarfristen har gått ut. Du er ikke bundet, og tilbudet kan ikke lenger aksepteres.",
                    en: "The deadline has passed. You are not bound and the offer can no longer be accepted."))
            fullText(model, context: context)
        case .draft:
            el("p") { context.t(Phrase(nb: "Det finnes ikke noe tilbud å svare på.", en: "There is no offer to answer.")) }
        }
    }

    /// What, how much, how long, and the deadlines, in Norwegian formats.
    static func summaryCard(_ model: Model, context: PageContext) -> Node {
        el("section", .class("offer-summary"), .aria("labelledby", "summary-title")) {
            el("h2", .id("summary-title")) { context.t(Phrase(nb: "Kort fortalt", en: "In short")) }
            el("dl") {
                if let summary = model.summary {
                    row(context.t(Phrase(nb: "Hva", en: "What")), summary.product)
                    row(context.t(Phrase(nb: "Pris", en: "Price")), summary.price)
                    if let total = summary.total {
                        row(
                            context.t(
                                summary.totalKind == .overBinding
                                    ? Phrase(nb: "Totalt i bindingstiden", en: "Total over the binding period")
                                    : Phrase(nb: "Totalpris", en: "Total price")), total, emphasis: true)
                    }
                    row(context.t(Phrase(nb: "Bindingstid", en: "Binding period")), summary.binding)
                }
                if model.state == .sent, let day = model.acceptByDay {
                    row(
                        context.t(Phrase(nb: "Svarfrist", en: "Answer by")),
                        context.t(Phrase(nb: "til og med ", en: "until ")) + day.norwegianFormatted)
                }
                if let last = model.withdrawalLastDay {
                    row(
                        context.t(Phrase(nb: "Angrefrist", en: "Withdrawal deadline")),
                        context.t(Phrase(nb: "til og med ", en: "until ")) + last.norwegianFormatted)
                } else if let days = model.summary?.withdrawalPeriodDays {
                    row(
                        context.t(Phrase(nb: "Angrerett", en: "Right of withdrawal")),
                        model.state == .sent
                            ? context.t(Phrase(nb: "\(days) dager etter at du har akseptert", en: "\(days) days after you accept"))
                            : context.t(Phrase(nb: "\(days) dager fra du mottar leveransen", en: "\(days) days from when you receive the delivery")))
                }
                row(context.t(Phrase(nb: "Referanse", en: "Reference")), model.reference)
            }
        }
    }

    /// A term and its value; `dl` holds them directly (no wrapping elements), as screen readers expect.
    private static func row(_ term: String, _ value: String, emphasis: Bool = false) -> Node {
        .fragment([el("dt") { term }, emphasis ? el("dd", .class("total")) { value } : el("dd") { value }])
    }

    /// The offer text line for line as sent, set as a document: headings, paragraphs, the form.
    static func fullText(_ model: Model, context: PageContext) -> Node {
        el("section", .class("offer-document"), .aria("labelledby", "document-title")) {
            el("h2", .id("document-title")) {
                context.t(
                    model.state == .exempt
                        ? Phrase(nb: "Hele bekreftelsen", en: "The full confirmation") : Phrase(nb: "Hele tilbudet", en: "The full offer"))
            }
            el("article", .class("offer-text"), .lang(context.language == .nb ? "nb" : "en")) {
                for (index, block) in blocks(of: model.text).enumerated() {
                    if index == 0 && block.lines.count == 1 {
                        el("h3", .class("doc-title")) { block.lines[0] }
                    } else if block.heading, let first = block.lines.first {
                        el("h3") { first }
                        for line in block.lines.dropFirst() { el("p") { line } }
                    } else {
                        for line in block.lines { el("p") { line } }
                    }
                }
            }
        }
    }

    /// Paragraph blocks of the text (split at blank lines); a block whose short first line ends without a
    /// full stop or colon is a heading (the renderer's "Tilbudet", "Slik svarer du", "Angrerett", …).
    static func blocks(of text: String) -> [(heading: Bool, lines: [String])] {
        var blocks: [(heading: Bool, lines: [String])] = []
        var current: [String] = []
        func flush() {
            guard let first = current.first else { return }
            let last = first.last
            let heading = current.count > 1 && first.count <= 60 && last != "." && last != ":" && last != ")" && !first.contains(": ")
            blocks.append((heading, current))
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flush() } else { current.append(line) }
        }
        flush()
        return blocks
    }

    /// The answer comes after the offer; each button leads to a page that asks once more.
    static func answerSection(_ model: Model, context: PageContext, preview: Bool) -> Node {
        el("section", .class("offer-answer"), .aria("labelledby", "answer-title")) {
            el("h2", .id("answer-title")) { context.t(Phrase(nb: "Ditt svar", en: "Your answer")) }
            if let day = model.acceptByDay {
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Svar innen \(day.norwegianFormatted). Svarer du ikke, er du ikke bundet.",
                            en: "Answer by \(day.norwegianFormatted). If you do not answer, you are not bound."))
                }
            }
            el("div", .class("answer-buttons")) {
                if preview {
                    el("span", .class("button primary inert"), .aria("disabled", "true")) { context.t(acceptLabel) }
                    el("span", .class("button secondary inert"), .aria("disabled", "true")) { context.t(declineLabel) }
                } else {
                    step(SiteRoute.offerAccept(token: model.token).path, label: context.t(acceptLabel), class: "button primary", context: context)
                    step(SiteRoute.offerDecline(token: model.token).path, label: context.t(declineLabel), class: "button secondary", context: context)
                }
            }
        }
    }

    static let acceptLabel = Phrase(nb: "Jeg aksepterer tilbudet", en: "I accept the offer")
    static let declineLabel = Phrase(nb: "Nei takk", en: "No thanks")

    /// A button to the next step: a GET form, so it works without JavaScript and changes nothing yet.
    private static func step(_ action: String, label: String, class className: String, context: PageContext) -> Node {
        el("form", .method("get"), .action(action), .class("inline")) {
            void("input", .type("hidden"), .name("lang"), .value(context.language.rawValue))
            Form.submit(label, class: className)
        }
    }

    /// The page after an answer: a clear "it worked", the reference and where the copy went.
    @NodeBuilder
    static func receipt(_ model: Model, context: PageContext, headline: Phrase, when: Phrase?) -> [Node] {
        el("section", .class("offer-receipt"), .init("role", "status"), .aria("labelledby", "receipt-title")) {
            el("p", .class("receipt-mark"), .aria("hidden", "true")) { "✓" }
            el("h2", .id("receipt-title")) { context.t(headline) }
            if let when { el("p") { context.t(when) } }
            el("p", .class("receipt-ref")) {
                context.t(Phrase(nb: "Referanse: ", en: "Reference: "))
                el("strong") { model.reference }
            }
            if !model.copySentTo.isEmpty {
                el("p") {
                    context.t(Phrase(nb: "En kopi er sendt på ", en: "A copy has been sent by "))
                        + model.copySentTo.map { context.t($0) }.joined(separator: context.t(Phrase(nb: " og ", en: " and "))) + "."
                }
            }
            proofLink(model, context: context)
        }
    }

    /// The receipt's proof: a file anyone can check offline against the evidence log (docs/evidence-log.md).
    static func proofLink(_ model: Model, context: PageContext) -> Node {
        el("p", .class("receipt-proof")) {
            el("a", .href(SiteRoute.offerProof(token: model.token).path), .init("download", "")) {
                context.t(Phrase(nb: "Last ned beviset for svaret ditt", en: "Download the proof of your answer"))
            }
            " "
            el("a", .href(SiteRoute.evidenceLog.path(query: ["lang": context.language.rawValue]))) {
                context.t(Phrase(nb: "(slik kontrollerer du det)", en: "(how to check it)"))
            }
        }
    }

    @NodeBuilder
    static func closed(_ model: Model, context: PageContext, _ message: Phrase) -> [Node] {
        el("section", .class("offer-receipt closed"), .init("role", "status")) {
            el("p") { context.t(message) }
            el("p", .class("receipt-ref")) {
                context.t(Phrase(nb: "Referanse: ", en: "Reference: "))
                el("strong") { model.reference }
            }
            if model.state != .expired && !model.copySentTo.isEmpty {
                el("p") {
                    context.t(Phrase(nb: "En bekreftelse er sendt på ", en: "A confirmation has been sent by "))
                        + model.copySentTo.map { context.t($0) }.joined(separator: context.t(Phrase(nb: " og ", en: " and "))) + "."
                }
            }
            if model.state != .expired { proofLink(model, context: context) }
        }
    }

    /// The withdrawal right and the way to the withdrawal form.
    static func withdrawSection(_ model: Model, context: PageContext) -> Node {
        el("section", .class("offer-withdraw"), .aria("labelledby", "withdraw-title")) {
            el("h2", .id("withdraw-title")) { context.t(Phrase(nb: "Angrerett", en: "Right of withdrawal")) }
            if let last = model.withdrawalLastDay {
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Du kan gå fra avtalen uten å oppgi grunn til og med \(last.norwegianFormatted).",
                            en: "You can withdraw from the agreement without giving a reason until \(last.norwegianFormatted) inclusive."))
                }
            } else if model.canWithdraw {
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Angrefristen begynner å løpe når du mottar den første leveransen.",
                            en: "The withdrawal period starts when you receive the first delivery."))
                }
            }
            if model.canWithdraw {
                step(
                    SiteRoute.offerWithdraw(token: model.token).path,
                    label: context.t(Phrase(nb: "Gå fra avtalen (angreskjema)", en: "Withdraw (withdrawal form)")), class: "button secondary",
                    context: context)
            } else {
                el("p", .class("hint")) {
                    context.t(Phrase(nb: "Angrefristen er ute.", en: "The withdrawal period is over."))
                }
            }
        }
    }

    // MARK: - The confirm steps

    @NodeBuilder
    static func confirmAccept(_ model: Model, context: PageContext) -> [Node] {
        let summary = model.summary
        el("section", .class("offer-confirm"), .aria("labelledby", "confirm-title")) {
            el("h2", .id("confirm-title")) {
                context.t(
                    Phrase(
                        nb: "Du binder deg nå til \(summary?.product ?? "avtalen") fra \(model.clientName)",
                        en: "You are now binding yourself to \(summary?.product ?? "the agreement") from \(model.clientName)"))
            }
            if let summary {
                el("ul", .class("confirm-list")) {
                    el("li") { context.t(Phrase(nb: "Pris: ", en: "Price: ")) + summary.price }
                    if let total = summary.total {
                        el("li") {
                            context.t(
                                summary.totalKind == .overBinding
                                    ? Phrase(nb: "Totalt i bindingstiden: ", en: "Total over the binding period: ")
                                    : Phrase(nb: "Totalpris: ", en: "Total price: ")) + total
                        }
                    }
                    el("li") { context.t(Phrase(nb: "Bindingstid: ", en: "Binding period: ")) + summary.binding }
                    el("li") {
                        context.t(
                            Phrase(
                                nb: "Du kan angre i \(summary.withdrawalPeriodDays) dager uten å oppgi grunn.",
                                en: "You can withdraw within \(summary.withdrawalPeriodDays) days without giving a reason."))
                    }
                }
            }
            Form.post(SiteRoute.offerAccept(token: model.token).path, csrf: context.csrf, class: "confirm-form") {
                Form.submit(context.t(Phrase(nb: "Ja, jeg aksepterer og binder meg", en: "Yes, I accept and bind myself")), class: "button primary")
            }
            el("p") {
                el("a", .href(SiteRoute.offer(token: model.token).path)) {
                    context.t(Phrase(nb: "Nei, tilbake til tilbudet", en: "No, back to the offer"))
                }
            }
        }
    }

    @NodeBuilder
    static func confirmDecline(_ model: Model, context: PageContext) -> [Node] {
        el("section", .class("offer-confirm"), .aria("labelledby", "confirm-title")) {
            el("h2", .id("confirm-title")) {
                context.t(
                    Phrase(
                        nb: "Du takker nei til tilbudet fra \(model.clientName)",
                        en: "You are declining the offer from \(model.clientName)"))
            }
            el("p") {
                context.t(
                    Phrase(
                        nb: "Tilbudet kan da ikke aksepteres senere. Du er ikke bundet av noe.",
                        en: "The offer can then no longer be accepted. You are not bound by anything."))
            }
            Form.post(SiteRoute.offerDecline(token: model.token).path, csrf: context.csrf, class: "confirm-form") {
                Form.submit(context.t(Phrase(nb: "Ja, jeg takker nei", en: "Yes, I decline")), class: "button primary")
            }
            el("p") {
                el("a", .href(SiteRoute.offer(token: model.token).path)) {
                    context.t(Phrase(nb: "Tilbake til tilbudet", en: "Back to the offer"))
                }
            }
        }
    }

    /// The standard withdrawal form (angrerettloven, skjema) filled in from the agreement; the consumer may
    /// add a message, and sends it once more aware of what it does.
    @NodeBuilder
    static func withdrawForm(_ model: Model, context: PageContext) -> [Node] {
        el("p", .class("offer-lead")) {
            context.t(
                Phrase(
                    nb: "Med angreskjemaet går du fra avtalen uten å oppgi grunn. Det du har betalt, skal betales tilbake innen 14 dager.",
                    en:
                        "With the withdrawal form you withdraw from the agreement without giving a reason. Anything you paid must be refunded within 14 days."
                ))
        }
        Form.post(SiteRoute.offerWithdraw(token: model.token).path, csrf: context.csrf, class: "form withdraw-form") {
            el("dl", .class("form-facts")) {
                row(context.t(Phrase(nb: "Til", en: "To")), model.clientName)
                row(context.t(Phrase(nb: "Avtalen gjelder", en: "The agreement is about")), model.summary?.product ?? "")
                if let at = model.acceptedAt { row(context.t(Phrase(nb: "Inngått", en: "Made")), NorwegianFormat.date(at)) }
                row(context.t(Phrase(nb: "Forbrukerens navn", en: "Consumer's name")), model.consumerName)
                row(context.t(Phrase(nb: "Referanse", en: "Reference")), model.reference)
                if let last = model.withdrawalLastDay {
                    row(
                        context.t(Phrase(nb: "Angrefrist", en: "Withdrawal deadline")),
                        context.t(Phrase(nb: "til og med ", en: "until ")) + last.norwegianFormatted)
                }
            }
            el("div", .class("field")) {
                el("label", .for("f-message")) {
                    context.t(Phrase(nb: "Melding til \(model.clientName) (valgfritt)", en: "Message to \(model.clientName) (optional)"))
                }
                el("small", .class("hint"), .id("h-message")) {
                    context.t(Phrase(nb: "Du trenger ikke å oppgi grunn. Høyst 500 tegn.", en: "You need not give a reason. At most 500 characters."))
                }
                el("textarea", .id("f-message"), .name("message"), .init("rows", "3"), .init("maxlength", "500"), .aria("describedby", "h-message"))
            }
            el("p", .class("confirm-text")) {
                context.t(
                    Phrase(
                        nb: "Jeg underretter herved om at jeg går fra avtalen om \(model.summary?.product ?? "kjøpet").",
                        en: "I hereby give notice that I withdraw from the agreement about \(model.summary?.product ?? "the purchase")."))
            }
            Form.submit(context.t(Phrase(nb: "Send angreskjemaet", en: "Send the withdrawal form")), class: "button primary")
        }
        el("p") {
            el("a", .href(SiteRoute.offer(token: model.token).path)) {
                context.t(Phrase(nb: "Avbryt, tilbake til avtalen", en: "Cancel, back to the agreement"))
            }
        }
    }

    /// "412 34 567" for mobile numbers, "22 12 34 56" for others (from E.164 "+4741234567").
    static func grouped(phone e164: String) -> String {
        let digits = e164.hasPrefix("+47") ? String(e164.dropFirst(3)) : e164
        guard digits.utf8.count == 8, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return e164 }
        let d = Array(digits)
        if d[0] == "4" || d[0] == "9" { return String(d[0..<3]) + " " + String(d[3..<5]) + " " + String(d[5..<8]) }
        return String(d[0..<2]) + " " + String(d[2..<4]) + " " + String(d[4..<6]) + " " + String(d[6..<8])
    }
}

/// Read from the sale; the memberwise initialiser stays for sample data.
extension ConsumerOfferView.Model {
    init(sale: SaleModel, lifecycle: OfferLifecycle, token: String, language: Language, now: Date, notice: String?) throws {
        let offer = try sale.offer()
        self.init(
            state: lifecycle.state, token: token, reference: sale.reference, sellerName: offer?.seller.name ?? "",
            clientName: offer?.client.name ?? "", consumerName: sale.consumerName,
            summary: offer.map { OfferSummary($0, language: language == .en ? .english : .norwegian) },
            text: (language == .en ? sale.offerTextEN : sale.offerTextNB) ?? "", acceptByDay: lifecycle.deadlines?.acceptByDay,
            acceptedAt: lifecycle.acceptedAt, withdrawalLastDay: lifecycle.withdrawalDeadline?.lastDay, canWithdraw: lifecycle.canWithdraw(at: now),
            copySentTo: Self.copies(phone: sale.consumerPhone, email: sale.consumerEmail), notice: notice)
    }

    /// Where the consumer's messages go.
    static func copies(phone: String?, email: String?) -> [Phrase] {
        var copies: [Phrase] = []
        if let phone {
            let shown = ConsumerOfferView.grouped(phone: phone)
            copies.append(Phrase(nb: "SMS til \(shown)", en: "SMS to \(shown)"))
        }
        if let email { copies.append(Phrase(nb: "e-post til \(email)", en: "e-mail to \(email)")) }
        return copies
    }
}
