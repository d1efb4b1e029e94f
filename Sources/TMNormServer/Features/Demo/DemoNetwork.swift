import TMNormCore

/// The network from the minutes of 17 Dec 2007: fictional organisation numbers that pass the check,
/// fictional people. Later features add their own demo data next to this.
enum DemoNetwork {
    struct Organisation: Sendable {
        let key: String
        let name: String
        let orgnr: String
        let kind: OrganisationKind
    }

    struct Person: Sendable {
        let organisationKey: String
        let name: String
        let email: String
        let role: Role
        let password: String
    }

    static let organisations: [Organisation] = [
        .init(key: "nordma", name: "NORDMA", orgnr: "952601814", kind: .association),
        .init(key: "hsh", name: "HSH", orgnr: "959083010", kind: .association),
        .init(key: "nemnda", name: "Callcenternemnda", orgnr: "966131861", kind: .board),
        .init(key: "forbrukerombudet", name: "Forbrukerombudet", orgnr: "909139090", kind: .authority),
        .init(key: "unicall", name: "UniCall AS", orgnr: "996030822", kind: .callCentre),
        .init(key: "proffcom", name: "ProffCom AS", orgnr: "946281948", kind: .callCentre),
        .init(key: "aktivpartner", name: "Aktiv Partner AS", orgnr: "982199352", kind: .callCentre),
        .init(key: "one2one", name: "One2one AS", orgnr: "918190937", kind: .callCentre),
        .init(key: "smart1", name: "Smart 1 AS", orgnr: "978657974", kind: .callCentre),
        .init(key: "teleperformance", name: "Teleperformance Norge AS", orgnr: "954323196", kind: .callCentre),
        .init(key: "nordlys", name: "Nordlys Energi AS", orgnr: "948757494", kind: .client),
        .init(key: "fjordavis", name: "Fjordavisen AS", orgnr: "911862522", kind: .client),
        .init(key: "redningsselskapet", name: "Kystredning (frivillig organisasjon)", orgnr: "976018958", kind: .client),
    ]

    /// (member, association, from).
    static let memberships: [(String, String, String)] = [
        ("unicall", "nordma", "2005-01-01"), ("proffcom", "nordma", "2006-03-01"),
        ("aktivpartner", "hsh", "2004-09-01"), ("one2one", "nordma", "2007-01-01"),
        ("smart1", "hsh", "2006-05-01"), ("teleperformance", "nordma", "2003-01-01"),
        ("teleperformance", "hsh", "2003-01-01"), ("nordlys", "hsh", "2008-01-01"),
        ("fjordavis", "nordma", "2007-06-01"),
    ]

    /// (call centre, client, from).
    static let engagements: [(String, String, String)] = [
        ("unicall", "nordlys", "2025-01-01"), ("unicall", "fjordavis", "2026-01-01"),
        ("teleperformance", "nordlys", "2024-06-01"), ("smart1", "redningsselskapet", "2026-03-01"),
    ]

    static let people: [Person] = [
        .init(organisationKey: "nordma", name: "Tone Fjeldberg", email: "admin@nordma.demo", role: .associationAdmin, password: "demo-admin-2026"),
        .init(organisationKey: "nemnda", name: "Halvor Kvamme", email: "nemnd@nemnda.demo", role: .boardMember, password: "demo-nemnd-2026"),
        .init(organisationKey: "unicall", name: "Mette Solbakken", email: "leder@unicall.demo", role: .callCentreAdmin, password: "demo-leder-2026"),
        .init(organisationKey: "unicall", name: "Jonas Aasen", email: "selger@unicall.demo", role: .agent, password: "demo-selger-2026"),
        .init(organisationKey: "nordlys", name: "Ingrid Hovland", email: "kunde@nordlys.demo", role: .clientUser, password: "demo-kunde-2026"),
    ]

    /// The organisation that gets the printed demo API key.
    static let apiKeyOrganisation = "unicall"
}
