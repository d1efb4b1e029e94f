import Foundation
import TMNormCore

/// The board's decision asks once more before it is recorded: what is decided, for whom, with which
/// reasons, and a button that decides (the same form again with `confirmed=1`).
enum AuthorizationDecisionConfirmView {
    struct Model: Sendable {
        let applicationID: UUID
        let applicant: String
        let outcome: AuthorizationOutcome
        let reasons: String
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let approve = model.outcome == .approve
        return Layout.page(title: context.t(Phrase(nb: "Bekreft vedtaket", en: "Confirm the decision")), context: context) {
            el("p", .class("notice"), .init("role", "status")) {
                context.t(
                    approve
                        ? Phrase(
                            nb: "Du fatter nå nemndas vedtak om å godkjenne søknaden fra \(model.applicant). Vedtaket kan ikke angres her.",
                            en:
                                "You are now making the board's decision to approve the application from \(model.applicant). It cannot be undone here."
                        )
                        : Phrase(
                            nb: "Du fatter nå nemndas vedtak om å avslå søknaden fra \(model.applicant). Vedtaket kan ikke angres her.",
                            en: "You are now making the board's decision to reject the application from \(model.applicant). It cannot be undone here."
                        ))
            }
            el("h2") { context.t(Phrase(nb: "Begrunnelse", en: "Reasons")) }
            el("blockquote") { model.reasons }
            Form.post(SiteRoute.applicationDecide(model.applicationID).path, csrf: context.csrf) {
                void("input", .type("hidden"), .name("outcome"), .value(model.outcome.rawValue))
                void("input", .type("hidden"), .name("reasons"), .value(model.reasons))
                void("input", .type("hidden"), .name("confirmed"), .value("1"))
                Form.submit(
                    context.t(
                        approve
                            ? Phrase(nb: "Ja, godkjenn søknaden", en: "Yes, approve the application")
                            : Phrase(nb: "Ja, avslå søknaden", en: "Yes, reject the application")))
            }
            el("p") {
                el("a", .href(SiteRoute.authorizationApplication(model.applicationID).path)) {
                    context.t(Phrase(nb: "Nei, tilbake til søknaden", en: "No, back to the application"))
                }
            }
        }
    }
}
