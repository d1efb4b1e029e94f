import TMNormCore

/// The page shell: skip link, header with navigation, main content, footer with language switch.
enum Layout {
    static func page(title: String, context: PageContext, @NodeBuilder content: () -> [Node]) -> String {
        let language = context.language
        let document = el("html", .lang(language == .nb ? "nb" : "en")) {
            el("head") {
                void("meta", .init("charset", "utf-8"))
                void("meta", .name("viewport"), .init("content", "width=device-width, initial-scale=1"))
                el("title") { "\(title) · TMNorm" }
                void("link", .init("rel", "stylesheet"), .href(SiteRoute.stylesheet.path))
                el("script", .init("src", SiteRoute.script.path), .init("defer", nil))
            }
            el("body") {
                el("a", .class("skip"), .href("#main")) { context.t(Phrase(nb: "Hopp til innhold", en: "Skip to content")) }
                header(context)
                el("main", .id("main")) {
                    el("h1") { title }
                    if let form = context.form { errorSummary(form, context) }
                    FormState.$current.withValue(context.form) { FormState.$pagePath.withValue(context.path) { content() } }
                }
                footer(context)
            }
        }
        return "<!doctype html>" + document.uniquingFormIDs().render()
    }

    /// Above a refused form: what went wrong, each problem a link to its field.
    private static func errorSummary(_ form: FormState, _ context: PageContext) -> Node {
        el("div", .class("alert error-summary"), .init("role", "alert"), .id("form-problems")) {
            el("p") { el("strong") { form.summary } }
            if !form.errors.isEmpty {
                el("ul") {
                    for (field, message) in form.errors.sorted(by: { $0.key < $1.key }) {
                        el("li") { el("a", .href("#f-" + field)) { message } }
                    }
                }
            }
        }
    }

    private static func header(_ context: PageContext) -> Node {
        el("header", .class("site-header")) {
            el("a", .class("brand"), .href(SiteRoute.home.path)) { "TMNorm" }
            if let user = context.user {
                el("nav", .aria("label", context.t(Phrase(nb: "Hovedmeny", en: "Main menu")))) {
                    el("ul") {
                        for item in Navigation.items(for: user) {
                            el("li") {
                                if context.path == item.route.path {
                                    el("a", .href(item.route.path), .aria("current", "page")) { context.t(item.label) }
                                } else {
                                    el("a", .href(item.route.path)) { context.t(item.label) }
                                }
                            }
                        }
                    }
                }
                el("div", .class("who")) {
                    el("span") { "\(user.name) · \(user.organisationName)" }
                    Form.post(SiteRoute.logout.path, csrf: context.csrf, class: "inline") {
                        Form.submit(context.t(Phrase(nb: "Logg ut", en: "Log out")), class: "link")
                    }
                }
            }
        }
    }

    private static func footer(_ context: PageContext) -> Node {
        el("footer", .class("site-footer")) {
            el("p") {
                context.t(
                    Phrase(
                        nb: "TMNorm — bransjens selvregulering for telefonsalg.",
                        en: "TMNorm — the telemarketing industry's self-regulation."))
            }
            el("p", .class("lang-switch")) {
                if context.language == .nb {
                    el("a", .href(context.languageHref("en")), .lang("en")) { "English" }
                } else {
                    el("a", .href(context.languageHref("nb")), .lang("nb")) { "Norsk (bokmål)" }
                }
            }
        }
    }
}
