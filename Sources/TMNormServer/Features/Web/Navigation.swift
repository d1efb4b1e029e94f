import TMNormCore

/// One entry in the navigation.
struct NavItem {
    let route: SiteRoute
    let label: Phrase
}

/// The navigation each role sees.
enum Navigation {
    static func items(for user: CurrentUser?) -> [NavItem] {
        guard let user else { return [] }
        var items = [NavItem(route: .dashboard, label: Phrase(nb: "Oversikt", en: "Dashboard"))]
        items.append(NavItem(route: .organisations, label: Phrase(nb: "Organisasjoner", en: "Organisations")))
        if user.organisationKind == .callCentre || user.organisationKind == .client {
            items.append(NavItem(route: .campaigns, label: Phrase(nb: "Kampanjer", en: "Campaigns")))
            items.append(NavItem(route: .blockList, label: Phrase(nb: "Sperreliste", en: "Block list")))
        }
        if user.role == .callCentreAdmin || user.role == .clientUser {
            items.append(NavItem(route: .exemptions, label: Phrase(nb: "Unntak", en: "Exemptions")))
        }
        if user.organisationKind == .callCentre {
            items.append(NavItem(route: .washes, label: Phrase(nb: "Vasking", en: "Washing")))
        }
        if user.role == .callCentreAdmin || user.role == .associationAdmin {
            items.append(NavItem(route: .nationalRegister, label: Phrase(nb: "Reservasjonsregisteret", en: "Reservation register")))
        }
        if user.role == .associationAdmin || user.role == .boardMember || user.role == .callCentreAdmin {
            items.append(NavItem(route: .norms, label: Phrase(nb: "Ringetider", en: "Calling times")))
        }
        if user.role != .agent {
            items.append(NavItem(route: .decisions, label: Phrase(nb: "Beslutningslogg", en: "Decision log")))
        }
        if [.callCentreAdmin, .associationAdmin, .boardMember].contains(user.role) {
            items.append(NavItem(route: .authorization, label: Phrase(nb: "Godkjenning", en: "Authorization")))
        }
        if user.role != .agent {
            items.append(NavItem(route: .complaintCases, label: Phrase(nb: "Klager", en: "Complaints")))
        }
        items.append(NavItem(route: .guidelines, label: Phrase(nb: "Retningslinjer", en: "Guidelines")))
        items.append(NavItem(route: .publicRegister, label: Phrase(nb: "Godkjente callsentre", en: "Approved call centres")))
        if user.role.isOrganisationAdministrator {
            items.append(NavItem(route: .users, label: Phrase(nb: "Brukere", en: "Users")))
            items.append(NavItem(route: .apiKeys, label: Phrase(nb: "API-nøkler", en: "API keys")))
        }
        if user.role == .associationAdmin || user.role == .callCentreAdmin {
            items.append(NavItem(route: .outbox, label: Phrase(nb: "Utboks", en: "Outbox")))
        }
        if user.role == .associationAdmin {
            items.append(NavItem(route: .jobs, label: Phrase(nb: "Bakgrunnsjobber", en: "Background jobs")))
        }
        items.append(NavItem(route: .sales, label: Phrase(nb: "Salg", en: "Sales")))
        if user.role == .callCentreAdmin || user.role == .clientUser {
            items.append(NavItem(route: .offerSettings, label: Phrase(nb: "Tilbudsopplysninger", en: "Offer details")))
        }
        items.append(NavItem(route: .password, label: Phrase(nb: "Passord", en: "Password")))
        return items
    }
}
