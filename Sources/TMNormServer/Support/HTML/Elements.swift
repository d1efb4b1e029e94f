/// Element constructors used by views: `el("p", .class("lead")) { "text" }`.
func el(_ name: String, _ attributes: Attribute..., @NodeBuilder children: () -> [Node] = { [] }) -> Node {
    .element(name, attributes, children())
}

/// A void element such as `<input>` or `<meta>`.
func void(_ name: String, _ attributes: Attribute...) -> Node {
    .void(name, attributes)
}

/// Escaped text.
func text(_ value: String) -> Node { .text(value) }

extension Attribute {
    static func `class`(_ value: String) -> Attribute { .init("class", value) }
    static func id(_ value: String) -> Attribute { .init("id", value) }
    static func href(_ value: String) -> Attribute { .init("href", value) }
    static func name(_ value: String) -> Attribute { .init("name", value) }
    static func type(_ value: String) -> Attribute { .init("type", value) }
    static func value(_ value: String) -> Attribute { .init("value", value) }
    static func `for`(_ value: String) -> Attribute { .init("for", value) }
    static func action(_ value: String) -> Attribute { .init("action", value) }
    static func method(_ value: String) -> Attribute { .init("method", value) }
    static func lang(_ value: String) -> Attribute { .init("lang", value) }
    static func aria(_ key: String, _ value: String) -> Attribute { .init("aria-" + key, value) }
    static func autocomplete(_ value: String) -> Attribute { .init("autocomplete", value) }
    static var required: Attribute { .init("required", nil) }
    static var selected: Attribute { .init("selected", nil) }
    static func data(_ key: String, _ value: String) -> Attribute { .init("data-" + key, value) }
}

/// Helpers for forms, which every view needs with the CSRF token.
enum Form {
    /// A POST form carrying the CSRF token.
    static func post(
        _ action: String, csrf: String, class className: String = "form",
        enctype: String? = nil, progress: String? = nil,
        @NodeBuilder children: () -> [Node]
    ) -> Node {
        var attributes: [Attribute] = [.method("post"), .action(action), .class(className)]
        if let enctype { attributes.append(.init("enctype", enctype)) }
        var extra: [Node] = []
        if let progress {
            // Shown by /static/app.js while the file uploads; the label then says the server is working.
            attributes.append(.data("progress", ""))
            extra = [
                el("p", .class("upload-progress")) {
                    Node.element("progress", [.init("hidden", nil), .aria("label", progress)], [])
                    Node.element("span", [.data("progress-label", progress), .aria("live", "polite")], [])
                }
            ]
        }
        let built = FormState.$renderingAction.withValue(action) { children() }
        // The page the form is on, so a refused form can be drawn again there (`ErrorPage.formPageAgain`).
        let page = FormState.pagePath.map { [Node.void("input", [.type("hidden"), .name("_page"), .value($0)])] } ?? []
        return .element("form", attributes, [csrfField(csrf)] + page + built + extra)
    }

    /// The hidden CSRF field.
    static func csrfField(_ token: String) -> Node {
        .void("input", [.type("hidden"), .name(CSRF.formField), .value(token)])
    }

    /// A labelled input. `suggest` names a JSON route answering `?q=` with `[{"name":…}]` and the id of the
    /// `<datalist>` that /static/app.js fills as the person types; without JavaScript it is a plain field.
    static func field(
        _ label: String, name: String, type: String = "text", value: String = "",
        required: Bool = true, autocomplete: String? = nil, suggest: (url: String, listID: String)? = nil,
        hint: String? = nil, error: String? = nil
    ) -> Node {
        // Refused by the server: the typed value and the message come back with the page.
        let value = type == "password" || type == "file" ? value : (FormState.typed(name) ?? value)
        let error = error ?? FormState.error(name)
        // A phone field that must not be filled from the user's own details (someone else's number), and the
        // log-in name, are text fields with the keyboard of their kind: `autocomplete="off"` on a tel field and
        // `username` on an email field are not allowed by the accessibility rules the UI walk checks (axe-core).
        let keyboard = (type == "tel" && autocomplete == "off") || (type == "email" && autocomplete == "username")
        var attributes: [Attribute] = [.id("f-" + name), .name(name), .type(keyboard ? "text" : type), .value(value)]
        if keyboard { attributes.append(.init("inputmode", type)) }
        if required { attributes.append(.required) }
        if let autocomplete { attributes.append(.autocomplete(autocomplete)) }
        if let suggest {
            attributes.append(.init("list", suggest.listID))
            attributes.append(.data("suggest", suggest.url))
        }
        if error != nil {
            attributes.append(.aria("invalid", "true"))
            attributes.append(.aria("describedby", "e-" + name))
        }
        return el("div", .class("field")) {
            el("label", .for("f-" + name)) { label }
            if let hint { el("small", .class("hint")) { hint } }
            Node.void("input", attributes)
            if let suggest { Node.element("datalist", [.id(suggest.listID)], []) }
            if let error { el("p", .class("field-error"), .id("e-" + name)) { error } }
        }
    }

    /// A text area (its label and hint are the caller's); a refused form brings back what was typed and the
    /// message below it.
    static func textarea(name: String, value: String = "", rows: Int = 6, required: Bool = true) -> Node {
        let error = FormState.error(name)
        var attributes: [Attribute] = [.id("f-" + name), .name(name), .init("rows", String(rows))]
        if required { attributes.append(.required) }
        if error != nil {
            attributes.append(.aria("invalid", "true"))
            attributes.append(.aria("describedby", "e-" + name))
        }
        let text = FormState.typed(name) ?? value
        return .fragment(
            [.element("textarea", attributes, [.text(text)])]
                + (error.map { message in [el("p", .class("field-error"), .id("e-" + name)) { message }] } ?? []))
    }

    /// A labelled select with (value, label) options.
    static func select(
        _ label: String, name: String, options: [(value: String, label: String)], selected: String? = nil
    ) -> Node {
        let selected = FormState.typed(name) ?? selected
        let error = FormState.error(name)
        var attributes: [Attribute] = [.id("f-" + name), .name(name)]
        if error != nil {
            attributes.append(.aria("invalid", "true"))
            attributes.append(.aria("describedby", "e-" + name))
        }
        return el("div", .class("field")) {
            el("label", .for("f-" + name)) { label }
            if let error { el("p", .class("field-error"), .id("e-" + name)) { error } }
            Node.element(
                "select", attributes,
                options.map { option in
                    var attributes: [Attribute] = [.value(option.value)]
                    if option.value == selected { attributes.append(.selected) }
                    return .element("option", attributes, [.text(option.label)])
                })
        }
    }

    /// A labelled checkbox; `id` must be unique on the page when the same name appears in several forms.
    static func checkbox(_ label: String, name: String, id: String? = nil, checked: Bool = false) -> Node {
        let identifier = id ?? "f-" + name
        let checked = FormState.forThisForm.map { $0.values[name] != nil } ?? checked
        var attributes: [Attribute] = [.id(identifier), .name(name), .type("checkbox")]
        if checked { attributes.append(.init("checked", nil)) }
        return el("div", .class("field checkbox")) {
            Node.void("input", attributes)
            el("label", .for(identifier)) { label }
        }
    }

    /// A submit button.
    static func submit(_ label: String, class className: String = "button") -> Node {
        el("button", .type("submit"), .class(className)) { label }
    }
}
