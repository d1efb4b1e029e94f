import TMNormCore

/// One entry in the navigation.
struct NavItem {
    let route: SiteRoute
    let label: Phrase
}

/// A titled group of entries in the side navigation.
struct NavSection {
    let title: Phrase
    let items: [NavItem]
}

/// The navigation each role sees, grouped by the work it belongs to (a call-centre administrator has some
/// twenty entries; ungrouped they were one long row).
enum Navigation {
    /// Every entry in order, for tests and for code that needs the flat list.
    static func items(for user: CurrentUser?) -> [NavItem] {
        sections(for: user).flatMap(\.items)
    }

    static func sections(for user: CurrentUser?) -> [NavSection] {
        guard let user else { return [] }
        let role = user.role
        let kind = user.organisationKind
        func item(_ route: SiteRoute, _ nb: String, _ en: String) -> NavItem { NavItem(route: route, label: Phrase(nb: nb, en: en)) }

        var start = [item(.dashboard, "Oversikt", "Overview")]
        var calling: [NavItem] = []
        if kind == .callCentre || kind == .client { calling.append(item(.campaigns, "Kampanjer", "Campaigns")) }
        if kind == .callCentre { calling.append(item(.washes, "Vasking", "Washing")) }
        if kind == .callCentre || kind == .client { calling.append(item(.blockList, "Sperreliste", "Block list")) }
        if role == .callCentreAdmin || role == .clientUser { calling.append(item(.exemptions, "Unntak", "Exemptions")) }
        if role == .callCentreAdmin || role == .associationAdmin {
            calling.append(item(.nationalRegister, "Reservasjonsregisteret", "Reservation register"))
        }
        if [.associationAdmin, .boardMember, .callCentreAdmin].contains(role) { calling.append(item(.norms, "Ringetider", "Calling times")) }

        var sales = [item(.sales, "Salg", "Sales")]
        if role == .callCentreAdmin || role == .clientUser { sales.append(item(.offerSettings, "Tilbudsopplysninger", "Offer details")) }

        var compliance: [NavItem] = []
        if [.callCentreAdmin, .associationAdmin, .boardMember].contains(role) {
            compliance.append(item(.authorization, "Godkjenning", "Authorization"))
        }
        if role != .agent { compliance.append(item(.decisions, "Beslutningslogg", "Decision log")) }
        if role != .agent { compliance.append(item(.complaintCases, "Klager", "Complaints")) }
        if role != .agent { compliance.append(item(.evaluation, "Evaluering", "Evaluation")) }
        compliance.append(item(.guidelines, "Retningslinjer", "Guidelines"))
        compliance.append(item(.publicRegister, "Godkjente callsentre", "Approved call centres"))

        var network = [item(.organisations, "Organisasjoner", "Organisations")]
        if role != .agent { network.append(item(.meetings, "Møter", "Meetings")) }
        if role.isOrganisationAdministrator { network.append(item(.users, "Brukere", "Users")) }
        if role == .associationAdmin { network.append(item(.eventsAdmin, "Arrangementer", "Events")) }

        var system: [NavItem] = []
        if role.isOrganisationAdministrator { system.append(item(.apiKeys, "API-nøkler", "API keys")) }
        if role == .associationAdmin || role == .callCentreAdmin { system.append(item(.outbox, "Utboks", "Outbox")) }
        if role == .associationAdmin { system.append(item(.jobs, "Bakgrunnsjobber", "Background jobs")) }
        system.append(item(.password, "Passord", "Password"))

        // An agent's work is calling and selling: those come first, right after the start page.
        if role == .agent { start += calling.filter { $0.route == .campaigns } }
        let sections = [
            NavSection(title: Phrase(nb: "Start", en: "Start"), items: start),
            NavSection(title: Phrase(nb: "Ringing", en: "Calling"), items: role == .agent ? calling.filter { $0.route != .campaigns } : calling),
            NavSection(title: Phrase(nb: "Salg", en: "Sales"), items: sales),
            NavSection(title: Phrase(nb: "Tilsyn og regler", en: "Oversight and rules"), items: compliance),
            NavSection(title: Phrase(nb: "Nettverk", en: "Network"), items: network),
            NavSection(title: Phrase(nb: "System og konto", en: "System and account"), items: system),
        ]
        return sections.filter { !$0.items.isEmpty }
    }
}
