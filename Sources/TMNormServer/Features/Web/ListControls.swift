import TMNormCore

/// The toolbar (search, filters, CSV link) and the pager every work list shows above and below its table;
/// the query side is `ListQuery`. A plain GET form: works without JavaScript, and the URL can be shared.
enum ListControls {
    /// A select filter; an empty value is "all".
    struct Filter: Sendable {
        let name: String
        let label: String
        let options: [(value: String, label: String)]
    }

    static func toolbar(path: String, query: ListQuery, searchLabel: String, filters: [Filter] = [], context: PageContext) -> Node {
        el("form", .method("get"), .action(path), .class("toolbar"), .init("role", "search")) {
            el("div", .class("field")) {
                el("label", .for("list-q")) { searchLabel }
                void("input", .id("list-q"), .name("q"), .type("search"), .value(query.search))
            }
            for filter in filters {
                el("div", .class("field")) {
                    el("label", .for("list-" + filter.name)) { filter.label }
                    Node.element(
                        "select", [.id("list-" + filter.name), .name(filter.name)],
                        ([("", context.t(Phrase(nb: "Alle", en: "All")))] + filter.options).map { option in
                            var attributes: [Attribute] = [.value(option.0)]
                            if option.0 == (query.filter(filter.name) ?? "") { attributes.append(.selected) }
                            return .element("option", attributes, [.text(option.1)])
                        })
                }
            }
            if context.language == .en { void("input", .type("hidden"), .name("lang"), .value("en")) }
            Form.submit(context.t(Phrase(nb: "Vis", en: "Show")), class: "button secondary")
            el("span", .class("spacer")) {}
            el("a", .class("button secondary"), .href(path + query.queryString(csv: true)), .init("download", nil)) {
                context.t(Phrase(nb: "Last ned CSV", en: "Download CSV"))
            }
        }
    }

    static func pager<T>(path: String, query: ListQuery, page: ListPage<T>, context: PageContext) -> Node {
        let first = page.total == 0 ? 0 : (page.page - 1) * query.pageSize + 1
        let last = min(page.total, page.page * query.pageSize)
        return el("div", .class("pager")) {
            el("span", .aria("live", "polite")) {
                context.t(Phrase(nb: "Viser \(first)–\(last) av \(page.total)", en: "Showing \(first)–\(last) of \(page.total)"))
            }
            if page.pageCount > 1 {
                el("nav", .aria("label", context.t(Phrase(nb: "Sider", en: "Pages")))) {
                    if page.page > 1 {
                        el("a", .class("button secondary small"), .href(path + query.queryString(page: page.page - 1)), .init("rel", "prev")) {
                            context.t(Phrase(nb: "← Forrige", en: "← Previous"))
                        }
                    }
                    el("span") { context.t(Phrase(nb: "Side \(page.page) av \(page.pageCount)", en: "Page \(page.page) of \(page.pageCount)")) }
                    if page.page < page.pageCount {
                        el("a", .class("button secondary small"), .href(path + query.queryString(page: page.page + 1)), .init("rel", "next")) {
                            context.t(Phrase(nb: "Neste →", en: "Next →"))
                        }
                    }
                }
            }
        }
    }
}
