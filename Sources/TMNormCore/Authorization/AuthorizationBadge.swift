/// The "Godkjent Callcenter" badge a centre puts on its website: an SVG that always shows the live status.
public enum AuthorizationBadge {
    /// Width and height in pixels; fixed so it can be embedded without layout shifts.
    public static let width = 240
    public static let height = 64

    /// Background colour per status (white text on each meets WCAG AA contrast for this font size).
    public static func colour(_ status: AuthorizationPublicStatus) -> String {
        switch status {
        case .approved: "#1a7f37"
        case .suspended: "#9a6700"
        case .revoked: "#cf222e"
        case .expired: "#57606a"
        case .underReview: "#0969da"
        case .notApproved: "#57606a"
        }
    }

    /// The heading of the badge: the scheme's name only while the centre is approved, so a suspended, revoked
    /// or expired centre's badge never says "Godkjent".
    public static func heading(_ status: AuthorizationPublicStatus) -> String {
        status == .approved ? "Godkjent Callcenter" : "Callcenternemnda"
    }

    /// The status line: the valid-until date only while the approval is in force; an expired approval says
    /// when it ended, a suspended one shows no date (it is not valid until then).
    public static func statusLine(_ entry: AuthorizationRegisterEntry) -> String {
        switch (entry.status, entry.validUntil) {
        case (.approved, let until?): "Godkjent · Gyldig til \(until.norwegianFormatted)"
        case (.expired, let until?): "Utløpt \(until.norwegianFormatted)"
        case (.suspended, _): "Suspendert – ikke gyldig nå"
        default: entry.status.norwegian
        }
    }

    /// The badge for a register row. The centre's name appears only in the accessible title and
    /// description, escaped; the visible text is the heading and the status line.
    public static func svg(for entry: AuthorizationRegisterEntry) -> String {
        let secondLine = statusLine(entry)
        let title = "\(heading(entry.status)) – \(entry.name) (org.nr. \(entry.orgnr.formatted)): \(secondLine)"
        let e: (String) -> String = { GuidelineHTML.escape($0) }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            role="img" aria-labelledby="badge-title">
            <title id="badge-title">\(e(title))</title>
            <rect width="\(width)" height="\(height)" rx="6" fill="#ffffff" stroke="\(colour(entry.status))" stroke-width="2"/>
            <rect x="1" y="1" width="\(width - 2)" height="28" rx="5" fill="\(colour(entry.status))"/>
            <text x="\(width / 2)" y="20" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" \
            font-size="13" font-weight="bold" fill="#ffffff">\(heading(entry.status))</text>
            <text x="\(width / 2)" y="50" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" \
            font-size="12" fill="#24292f">\(e(secondLine))</text>
            </svg>
            """
    }
}
