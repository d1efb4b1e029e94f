/// The design system's small components (docs/ui.md): status badges, empty states, button links.
/// They take plain strings, so Support stays free of routes and features.
enum Badge {
    /// The colour family of a badge; each pairs a dark text colour with a light background (WCAG AA).
    enum Tone: String, Sendable {
        /// Approved, sent, active, accepted.
        case ok
        /// Suspended, revoked, failed, dead-lettered, rejected.
        case bad
        /// Pending, queued, under review, awaiting something.
        case warn
        /// Draft, in progress.
        case info
        /// Expired, ended, not applicable.
        case neutral
    }

    /// `<span class="badge tone-…">label</span>`.
    static func make(_ label: String, tone: Tone) -> Node {
        el("span", .class("badge tone-" + tone.rawValue)) { label }
    }
}

/// An empty list says what it is and what to do next, with an optional button.
enum EmptyState {
    static func make(title: String, what: String, action: (label: String, href: String)? = nil) -> Node {
        el("div", .class("empty"), .init("role", "status")) {
            el("strong") { title }
            el("p") { what }
            if let action { ButtonLink.make(action.label, href: action.href) }
        }
    }
}

/// A link styled as a button: primary for the page's main action, secondary beside it, danger for what cannot
/// be undone (danger is for submit buttons in forms; a link never deletes).
enum ButtonLink {
    enum Variant: String, Sendable {
        case primary = "button"
        case secondary = "button secondary"
    }

    static func make(_ label: String, href: String, variant: Variant = .primary) -> Node {
        el("a", .class(variant.rawValue), .href(href)) { label }
    }
}
