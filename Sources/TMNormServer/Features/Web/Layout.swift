import TMNormCore

/// The page shell: skip link, top bar, the grouped side navigation for people who are logged in or the
/// shared public header for everyone else, main content, footer with language switch.
enum Layout {
    /// `titleInContent`: the page draws its own `<h1>` (the landing page puts it in its hero).
    static func page(title: String, context: PageContext, titleInContent: Bool = false, @NodeBuilder content: () -> [Node]) -> String {
        let language = context.language
        let document = el("html", .lang(language == .nb ? "nb" : "en")) {
            el("head") {
                void("meta", .init("charset", "utf-8"))
                void("meta", .name("viewport"), .init("content", "width=device-width, initial-scale=1"))
                el("title") { "\(title) · TMNorm" }
                void("link", .init("rel", "stylesheet"), .href(SiteRoute.stylesheet.path))
                el("script", .init("src", SiteRoute.script.path), .init("defer", nil))
            }
            el("body", .class(context.user == nil ? "public" : "app")) {
                el("a", .class("skip"), .href("#main")) { context.t(Phrase(nb: "Hopp til innhold", en: "Skip to content")) }
                if let user = context.user {
                    appHeader(user, context)
                    el("div", .class("shell")) {
                        sidebar(user, context)
                        mainContent(title: titleInContent ? nil : title, context: context, content: content)
                    }
                } else {
                    PublicHeader.render(context)
                    mainContent(title: titleInContent ? nil : title, context: context, content: content)
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

    /// The page's own content; a refused form's summary above it, and its values and messages available to
    /// the form helpers while the content is built (`FormState`).
    private static func mainContent(title: String?, context: PageContext, @NodeBuilder content: () -> [Node]) -> Node {
        el("main", .id("main")) {
            if let title { el("h1") { title } }
            if let form = context.form { errorSummary(form, context) }
            FormState.$current.withValue(context.form) { FormState.$pagePath.withValue(context.path) { content() } }
        }
    }

    private static func brand(_ href: String) -> Node {
        el("a", .class("brand"), .href(href)) {
            el("span", .class("brand-mark"), .aria("hidden", "true")) { "TM" }
            "TMNorm"
        }
    }

    private static func appHeader(_ user: CurrentUser, _ context: PageContext) -> Node {
        el("header", .class("topbar")) {
            brand(SiteRoute.dashboard.path)
            // Shown by /static/app.js on narrow screens; without JavaScript the menu is always visible.
            el("button", .type("button"), .class("menu-toggle button secondary small"), .aria("controls", "sidebar"), .aria("expanded", "false")) {
                context.t(Phrase(nb: "Meny", en: "Menu"))
            }
            el("div", .class("who")) {
                el("span") {
                    el("strong") { user.name }
                    " · " + user.organisationName
                }
                Form.post(SiteRoute.logout.path, csrf: context.csrf, class: "inline") {
                    Form.submit(context.t(Phrase(nb: "Logg ut", en: "Log out")), class: "link")
                }
            }
        }
    }

    private static func sidebar(_ user: CurrentUser, _ context: PageContext) -> Node {
        el("aside", .class("sidebar"), .id("sidebar")) {
            el("nav", .aria("label", context.t(Phrase(nb: "Hovedmeny", en: "Main menu")))) {
                for (index, section) in Navigation.sections(for: user).enumerated() {
                    el("div", .class("nav-section")) {
                        el("h2", .id("nav-\(index)")) { context.t(section.title) }
                        el("ul", .aria("labelledby", "nav-\(index)")) {
                            for item in section.items {
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
                " "
                el("a", .href(SiteRoute.evidenceLog.path)) { context.t(Phrase(nb: "Bevisloggen", en: "The evidence log")) }
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

/// The one header every public page shares (landing page, register, stop calls, complaints, log-in).
enum PublicHeader {
    /// Brønnøysundregistrene's page on opting out of all telemarketing (the national reservation register).
    static let reservationRegisterURL = "https://www.brreg.no/produkter-og-tjenester/reservasjon-mot-telefonsalg-og-adressert-reklame/"

    /// The public pages in the order the header lists them.
    static let links: [(SiteRoute, Phrase)] = [
        (.publicRegister, Phrase(nb: "Godkjente callsentre", en: "Approved call centres")),
        (.stopCalls, Phrase(nb: "Stopp anrop", en: "Stop calls")),
        (.complaint, Phrase(nb: "Klag på en samtale", en: "Complain about a call")),
    ]

    static func render(_ context: PageContext) -> Node {
        el("header", .class("topbar")) {
            el("a", .class("brand"), .href(SiteRoute.home.path)) {
                el("span", .class("brand-mark"), .aria("hidden", "true")) { "TM" }
                "TMNorm"
                el("span", .class("brand-sub")) { context.t(Phrase(nb: "for forbrukere", en: "for consumers")) }
            }
            el("nav", .class("public-nav"), .aria("label", context.t(Phrase(nb: "Offentlige sider", en: "Public pages")))) {
                el("ul") {
                    for (route, label) in links {
                        el("li") {
                            if context.path == route.path {
                                el("a", .href(route.path), .aria("current", "page")) { context.t(label) }
                            } else {
                                el("a", .href(route.path)) { context.t(label) }
                            }
                        }
                    }
                }
            }
            el("a", .class("button secondary small login"), .href(SiteRoute.login.path)) {
                context.t(Phrase(nb: "Logg inn for bransjen", en: "Industry log-in"))
            }
        }
    }
}
