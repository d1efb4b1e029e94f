import Foundation
import TMNormCore

/// Texts shared by the guidelines pages.
enum GuidelineText {
    static func binds(_ version: GuidelineVersion) -> String { version.bindsMembersOf.joined(separator: ", ") }
}

/// `/guidelines`: every document with the version in force today.
enum GuidelineListView {
    struct Row: Sendable {
        let document: GuidelineDocument
        let inForce: GuidelineVersion?
        let ids: [String: UUID]
    }

    struct Model: Sendable {
        let today: LocalDate
        let rows: [Row]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(
            title: context.t(Phrase(nb: "Etiske retningslinjer og bransjenorm", en: "Ethical guidelines and industry norm")), context: context
        ) {
            el("p") {
                context.t(
                    Phrase(
                        nb: "Retningslinjene foreningene har vedtatt for telefonsalg. Versjon som gjelder per \(model.today.norwegianFormatted).",
                        en: "The guidelines the associations have adopted for telephone sales. Version in force on \(model.today.norwegianFormatted)."
                    ))
            }
            if model.rows.isEmpty {
                el("p", .class("notice")) { context.t(Phrase(nb: "Ingen retningslinjer er lagt inn.", en: "No guidelines have been added.")) }
            } else {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Dokument", en: "Document")),
                        context.t(Phrase(nb: "Utgiver", en: "Publisher")),
                        context.t(Phrase(nb: "Gjeldende versjon", en: "Version in force")),
                        context.t(Phrase(nb: "I kraft fra", en: "In force from")),
                        context.t(Phrase(nb: "Binder medlemmer av", en: "Binds members of")),
                        context.t(Phrase(nb: "Alle versjoner", en: "All versions")),
                    ], scope: .column
                ) {
                    for row in model.rows {
                        let shown = row.inForce ?? row.document.versions.last
                        el("tr") {
                            el("td") {
                                if let shown, let id = row.ids[shown.id] {
                                    el("a", .href(SiteRoute.guideline(id).path)) { shown.title }
                                }
                            }
                            el("td") { row.document.publisher }
                            el("td") {
                                if let inForce = row.inForce {
                                    inForce.versionLabel
                                } else {
                                    context.t(Phrase(nb: "ingen ennå", en: "none yet"))
                                }
                            }
                            el("td") { row.inForce?.inForceFrom.norwegianFormatted ?? "—" }
                            el("td") { row.inForce.map(GuidelineText.binds) ?? "—" }
                            el("td") {
                                for version in row.document.versions {
                                    if let id = row.ids[version.id] {
                                        el("a", .href(SiteRoute.guideline(id).path)) { version.versionLabel }
                                        " "
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `/guidelines/:id`: one version, its dates, the rendered text, acknowledgement and the association's tools.
enum GuidelineVersionView {
    enum Acknowledgement: Sendable {
        /// The viewer is not bound by this version (or it is not in force).
        case none
        /// The viewer must acknowledge.
        case due
        case done(Date)
    }

    struct Model: Sendable {
        let id: UUID
        let document: GuidelineDocument
        let version: GuidelineVersion
        let today: LocalDate
        let isInForce: Bool
        let lastDay: LocalDate?
        let predecessorID: UUID?
        let otherVersions: [(id: UUID, version: GuidelineVersion)]
        /// Output of the core's `GuidelineMarkdown.render`, which escapes all source HTML.
        let html: String
        let acknowledgement: Acknowledgement
        let overview: GuidelineService.Overview?
        let canAddVersion: Bool
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let v = model.version
        return Layout.page(title: "\(v.title) (\(v.versionLabel))", context: context) {
            el("dl", .class("facts")) {
                el("dt") { context.t(Phrase(nb: "Utgiver", en: "Publisher")) }
                el("dd") { model.document.publisher }
                el("dt") { context.t(Phrase(nb: "Vedtatt", en: "Adopted")) }
                el("dd") { v.adoptedOn.norwegianFormatted }
                el("dt") { context.t(Phrase(nb: "I kraft fra", en: "In force from")) }
                el("dd") { v.inForceFrom.norwegianFormatted }
                if let last = model.lastDay {
                    el("dt") { context.t(Phrase(nb: "Gjaldt til og med", en: "In force until")) }
                    el("dd") { last.norwegianFormatted }
                }
                el("dt") { context.t(Phrase(nb: "Binder medlemmer av", en: "Binds members of")) }
                el("dd") { GuidelineText.binds(v) }
                el("dt") { context.t(Phrase(nb: "Status", en: "Status")) }
                el("dd", .data("in-force", model.isInForce ? "yes" : "no")) {
                    if model.isInForce {
                        context.t(Phrase(nb: "Gjelder nå", en: "In force"))
                    } else if v.inForceFrom > model.today {
                        context.t(Phrase(nb: "Trer i kraft senere", en: "Comes into force later"))
                    } else {
                        context.t(Phrase(nb: "Erstattet", en: "Superseded"))
                    }
                }
            }
            if model.otherVersions.count > 1 {
                el("p") {
                    context.t(Phrase(nb: "Versjoner: ", en: "Versions: "))
                    for other in model.otherVersions {
                        el("a", .href(SiteRoute.guideline(other.id).path)) { other.version.versionLabel }
                        " "
                    }
                    if let previous = model.predecessorID {
                        el("a", .href(SiteRoute.guidelineComparison(from: previous, to: model.id).path), .class("button")) {
                            context.t(Phrase(nb: "Sammenlign med forrige versjon", en: "Compare with the previous version"))
                        }
                    }
                }
            }
            switch model.acknowledgement {
            case .none: Node.text("")
            case .due:
                Form.post(SiteRoute.guidelineAcknowledge(model.id).path, csrf: context.csrf) {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Organisasjonen din er bundet av denne versjonen. Bekreft at du har lest den.",
                                en: "Your organisation is bound by this version. Confirm that you have read it."))
                    }
                    Form.submit(context.t(Phrase(nb: "Jeg har lest og følger retningslinjene", en: "I have read and follow the guidelines")))
                }
            case .done(let at):
                el("p", .class("notice"), .data("acknowledged", "yes")) {
                    context.t(
                        Phrase(
                            nb: "Du bekreftet denne versjonen \(OsloTime.localDate(of: at).norwegianFormatted).",
                            en: "You acknowledged this version on \(OsloTime.localDate(of: at).norwegianFormatted)."))
                }
            }
            el("article", .class("guideline")) {
                // The core's renderer escapes every character of source HTML; only its own tags remain.
                Node.trusted(model.html)
            }
            if let overview = model.overview {
                overviewSection(overview, context: context)
            }
            if model.canAddVersion {
                newVersionForm(model, context: context)
            }
        }
    }

    private static func overviewSection(_ data: GuidelineService.Overview, context: PageContext) -> Node {
        let overview = data.overview
        return el("section", .id("acknowledgements")) {
            el("h2") { context.t(Phrase(nb: "Bekreftelser fra medlemmene", en: "Acknowledgements by members")) }
            el("p", .data("acknowledged", "\(overview.acknowledged.count)"), .data("outstanding", "\(overview.outstanding.count)")) {
                context.t(
                    Phrase(
                        nb:
                            "Versjon \(overview.version.versionLabel): \(overview.acknowledged.count) har bekreftet, \(overview.outstanding.count) mangler.",
                        en:
                            "Version \(overview.version.versionLabel): \(overview.acknowledged.count) acknowledged, \(overview.outstanding.count) outstanding."
                    ))
            }
            if !overview.outstanding.isEmpty {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Organisasjon", en: "Organisation")),
                        context.t(Phrase(nb: "Bruker", en: "User")),
                    ], scope: .column, id: "outstanding", caption: context.t(Phrase(nb: "Har ikke bekreftet", en: "Not acknowledged"))
                ) {
                    for user in overview.outstanding {
                        el("tr") {
                            el("td") { user.organisationName }
                            el("td") { data.people[user.userID]?.name ?? "" }
                        }
                    }
                }
            }
        }
    }

    private static func newVersionForm(_ model: Model, context: PageContext) -> Node {
        el("section", .id("new-version")) {
            el("h2") { context.t(Phrase(nb: "Ny versjon", en: "New version")) }
            Form.post(SiteRoute.guidelineVersions(model.id).path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Tittel", en: "Title")), name: "title", value: model.version.title)
                Form.field(context.t(Phrase(nb: "Versjonsnavn", en: "Version label")), name: "version_label")
                Form.field(context.t(Phrase(nb: "Vedtatt", en: "Adopted on")), name: "adopted_on", type: "date")
                Form.field(
                    context.t(Phrase(nb: "I kraft fra", en: "In force from")), name: "in_force_from", type: "date",
                    hint: context.t(Phrase(nb: "Ikke før vedtaksdatoen.", en: "Not before the adoption date.")))
                el("div", .class("field")) {
                    el("label", .for("f-markdown")) { context.t(Phrase(nb: "Tekst (Markdown)", en: "Text (Markdown)")) }
                    el("small", .class("hint")) {
                        context.t(
                            Phrase(
                                nb: "Høyst \(GuidelineService.maximumMarkdownLength) tegn.",
                                en: "At most \(GuidelineService.maximumMarkdownLength) characters."))
                    }
                    Form.textarea(name: "markdown", value: model.version.markdown, rows: 16)
                }
                Form.submit(context.t(Phrase(nb: "Legg til versjon", en: "Add version")))
            }
        }
    }
}

/// `/guidelines/compare`: two versions side by side, paragraph by paragraph.
enum GuidelineCompareView {
    struct Model: Sendable {
        let fromID: UUID
        let toID: UUID
        let from: GuidelineVersion
        let to: GuidelineVersion
        let diff: GuidelineDiff
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(
            title: context.t(
                Phrase(
                    nb: "\(model.to.title): \(model.from.versionLabel) mot \(model.to.versionLabel)",
                    en: "\(model.to.title): \(model.from.versionLabel) against \(model.to.versionLabel)")), context: context
        ) {
            el("p") {
                context.t(
                    Phrase(
                        nb: "\(model.diff.count(.changed)) endret, \(model.diff.count(.added)) lagt til, \(model.diff.count(.removed)) fjernet.",
                        en: "\(model.diff.count(.changed)) changed, \(model.diff.count(.added)) added, \(model.diff.count(.removed)) removed."))
            }
            Table.scrolling(
                headingCells: [
                    [el("a", .href(SiteRoute.guideline(model.fromID).path)) { model.from.versionLabel }],
                    [el("a", .href(SiteRoute.guideline(model.toID).path)) { model.to.versionLabel }],
                ], scope: .column, class: "diff"
            ) {
                for row in model.diff.rows {
                    el("tr", .class("diff-\(row.kind.rawValue)"), .data("kind", row.kind.rawValue)) {
                        el("td") { row.left?.text ?? "" }
                        el("td") { row.right?.text ?? "" }
                    }
                }
            }
        }
    }
}
